/**
 * A deterministic synthetic data set shaped like real crackdown data, generated inside the
 * database (so a million rows load in seconds): detentions cluster in the weeks before elections
 * and in January 2022; big cities dominate; administrative charges dominate and decide the
 * sentence; a minority of people are detained again and again; some records are restricted.
 * It needs the reference data (places, charges, elections) seeded first.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { foldName } from '@/lib/names/fold';

export type SyntheticSize = { people: number; detentions: number; sources: number };

const FIRST = ['Aidos', 'Aigerim', 'Akmaral', 'Almas', 'Arman', 'Askar', 'Asylkhan', 'Aitzhan', 'Bakhyt', 'Berik', 'Berikzhan', 'Dana', 'Daniyar', 'Dauren', 'Dina', 'Erlan', 'Galym', 'Ghadilbek', 'Gulnara', 'Kairat', 'Kanat', 'Madina', 'Marat', 'Nurlan', 'Nurzhan', 'Olzhas', 'Rustam', 'Saule', 'Serik', 'Talgat', 'Timur', 'Yerzhan', 'Zarina', 'Zhanna', 'Zhanbolat'];
const LAST = ['Abenov', 'Akhmetov', 'Baimukhanov', 'Bekov', 'Dosmukhamedov', 'Ermekov', 'Iskakov', 'Kaliyev', 'Kassymov', 'Mukhammedov', 'Nurgaliyev', 'Omarov', 'Sadykov', 'Serikbaev', 'Suleimenov', 'Tajibayev', 'Temirghaziev', 'Toqin', 'Tulegenov', 'Zhaubatyrov', 'Zhumabayev', 'Kuanyshev', 'Utepov', 'Yesenov', 'Mamyrov'];

const textArray = (values: string[]) => sql.raw(`ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`);

export async function generateSyntheticData(db: Db, size: SyntheticSize) {
  await db.transaction(async (tx) => {
    // Same seed, same data: the benchmark's numbers can be compared run to run.
    await tx.execute(sql`SELECT setseed(0.20210110)`);
    await tx.execute(sql`
      INSERT INTO people (display_name, role, affiliation)
      SELECT
        (${textArray(FIRST)})[1 + floor(random() * ${FIRST.length})::int] || ' ' || (${textArray(LAST)})[1 + floor(random() * ${LAST.length})::int],
        (CASE WHEN r < 0.80 THEN 'activist' WHEN r < 0.88 THEN 'election_observer' WHEN r < 0.93 THEN 'journalist' WHEN r < 0.98 THEN 'party_member' ELSE 'other' END)::person_role,
        CASE WHEN random() < 0.2 THEN 'Democratic Choice of Kazakhstan' END
      FROM (SELECT random() AS r FROM generate_series(1, ${size.people})) g`);
    // Search keys made by the app's own folding, as a monitor's form would store them.
    const keys = FIRST.flatMap((f) => LAST.map((l) => sql`(${`${f} ${l}`}, ${foldName(`${f} ${l}`)})`));
    await tx.execute(sql`
      INSERT INTO person_names (person_id, name, script, search_key)
      SELECT p.id, p.display_name, 'latin', k.key
      FROM people p JOIN (VALUES ${sql.join(keys, sql`, `)}) AS k(name, key) ON k.name = p.display_name`);
    await tx.execute(sql`
      INSERT INTO sources (url, title, publisher, published_on, published_precision, language, accessed_on)
      SELECT 'https://news.example.org/bench/' || i, 'Synthetic report ' || i, 'Example News', DATE '2019-01-01' + (i % 2000), 'day', 'en', DATE '2024-06-01'
      FROM generate_series(1, ${size.sources}) i`);

    // Detentions come in events, as in real crackdowns: a rally dispersed, a group of observers
    // picked up, each person then sentenced by the same court on the same day, mostly alike.
    // An event has a day (most in the weeks before an election, many in January 2022, the rest
    // on any day), a city (big cities more often), a charge, a typical outcome and a hearing day.
    const events = Math.max(1, Math.round(size.detentions / 8));
    await tx.execute(sql`
      CREATE TEMP TABLE bench_events ON COMMIT DROP AS
      WITH e AS (SELECT array_agg(id ORDER BY held_on) AS ids, array_agg(held_on ORDER BY held_on) AS days FROM elections),
      pl AS (SELECT array_agg(id ORDER BY id) AS ids, count(*) AS n FROM places),
      big AS (SELECT array_agg(id ORDER BY id) AS ids FROM places WHERE name IN ('Almaty', 'Astana', 'Shymkent', 'Aktobe', 'Karaganda', 'Oral')),
      ch AS (SELECT array_agg(id ORDER BY slug) FILTER (WHERE code = 'administrative') AS adm, array_agg(id ORDER BY slug) FILTER (WHERE code = 'criminal') AS crim FROM charges),
      raw AS (
        SELECT i, random() AS r_when, random() AS r_el, random() AS r_off, random() AS r_any, random() AS r_place, random() AS r_place2,
               random() AS r_charge, random() AS r_kind, random() AS r_amount, random() AS r_prec, random() AS r_delay, random() AS r_review
        FROM generate_series(1, ${events}) i
      )
      SELECT r.i AS id,
        CASE WHEN r.r_when < 0.65 THEN 1 + floor(r.r_el * array_length(e.ids, 1))::int END AS el_index,
        CASE
          WHEN r.r_when < 0.65 THEN e.days[1 + floor(r.r_el * array_length(e.ids, 1))::int]
            + CASE WHEN r.r_off < 0.85 THEN -floor(60 * power(r.r_any, 2.5))::int ELSE floor(r.r_any * 31)::int END
          WHEN r.r_when < 0.75 THEN DATE '2022-01-04' + floor(r.r_off * 20)::int
          ELSE DATE '2019-01-01' + floor(r.r_any * 2190)::int
        END AS day,
        CASE WHEN r.r_place < 0.6 THEN big.ids[1 + floor(r.r_place2 * array_length(big.ids, 1))::int]
             ELSE pl.ids[1 + floor(r.r_place2 * pl.n)::int] END AS place_id,
        r.r_charge < 0.78 AS administrative,
        CASE WHEN r.r_charge < 0.78 THEN ch.adm[1 + floor(power(r.r_kind, 3) * array_length(ch.adm, 1))::int]
             ELSE ch.crim[1 + floor(r.r_kind * array_length(ch.crim, 1))::int] END AS charge_id,
        r.r_kind, r.r_amount, r.r_prec,
        floor(power(r.r_delay, 3) * 45)::int AS delay,
        (CASE WHEN r.r_review < 0.75 THEN 'verified' ELSE 'draft' END)::review_status AS review_status,
        e.ids AS election_ids
      FROM raw r, e, pl, big, ch`);

    await tx.execute(sql`
      WITH picks AS MATERIALIZED (
        -- A few large events, many small ones; a few people detained again and again.
        SELECT i, 1 + floor(${events} * power(random(), 1.6))::int AS event_id,
          1 + floor(${size.people} * power(random(), 3))::int AS person_id,
          random() AS r_own, random() AS r_own2, random() AS r_plea, random() AS r_conf
        FROM generate_series(1, ${size.detentions}) i
      ),
      d AS (
        SELECT ev.*, picks.person_id, picks.r_own, picks.r_own2, picks.r_plea, picks.r_conf
        FROM picks JOIN bench_events ev ON ev.id = picks.event_id
      )
      INSERT INTO detentions (person_id, place_id, detained_on, detained_precision, charge_id, charge_text, sentenced_on, sentenced_precision,
                              sentence_kind, sentence_amount, sentence_unit, plea, status, election_id, confidentiality, review_status)
      SELECT
        d.person_id,
        d.place_id,
        CASE WHEN d.r_prec < 0.98 THEN (CASE WHEN d.r_prec < 0.95 THEN d.day WHEN d.r_prec < 0.97 THEN date_trunc('month', d.day)::date ELSE date_trunc('year', d.day)::date END) END,
        (CASE WHEN d.r_prec < 0.95 THEN 'day' WHEN d.r_prec < 0.97 THEN 'month' WHEN d.r_prec < 0.98 THEN 'year' ELSE 'unknown' END)::date_precision,
        d.charge_id,
        'synthetic charge text',
        CASE WHEN d.r_prec < 0.95 AND k.kind NOT IN ('pending', 'unknown') THEN d.day + d.delay END,
        (CASE WHEN d.r_prec < 0.95 AND k.kind NOT IN ('pending', 'unknown') THEN 'day' ELSE 'unknown' END)::date_precision,
        k.kind::sentence_kind,
        CASE k.kind
          WHEN 'administrative_arrest' THEN (ARRAY[3, 5, 7, 10, 10, 15, 15, 15, 20, 25, 30])[1 + floor(k.amount * 11)::int]
          WHEN 'fine' THEN 1000 * (ARRAY[29, 58, 87, 145, 291])[1 + floor(k.amount * 5)::int]
          WHEN 'restricted_freedom' THEN 1 + floor(k.amount * 5)::int
          WHEN 'imprisonment' THEN 1 + floor(k.amount * 7)::int
        END,
        (CASE k.kind WHEN 'administrative_arrest' THEN 'days' WHEN 'fine' THEN 'tenge' WHEN 'restricted_freedom' THEN 'years' WHEN 'imprisonment' THEN 'years' END)::sentence_unit,
        (CASE WHEN d.r_plea < 0.45 THEN 'unknown' WHEN d.r_plea < 0.85 THEN 'not_guilty' WHEN d.r_plea < 0.95 THEN 'guilty' ELSE 'no_plea' END)::plea,
        (CASE WHEN k.kind = 'pending' THEN 'charged' WHEN k.kind = 'unknown' THEN 'detained' ELSE 'sentenced' END)::detention_status,
        CASE WHEN d.el_index IS NOT NULL THEN d.election_ids[d.el_index] END,
        (CASE WHEN d.r_conf < 0.05 THEN 'restricted' ELSE 'shareable' END)::confidentiality,
        d.review_status
      FROM d,
      -- Most people at an event get its typical outcome; some are treated differently.
      LATERAL (SELECT CASE WHEN d.r_own < 0.8 THEN d.r_kind ELSE d.r_own2 END AS r, CASE WHEN d.r_own < 0.8 THEN d.r_amount ELSE d.r_own2 END AS amount) o,
      LATERAL (SELECT o.amount, CASE
        WHEN d.administrative THEN
          CASE WHEN o.r < 0.55 THEN 'administrative_arrest' WHEN o.r < 0.80 THEN 'fine' WHEN o.r < 0.85 THEN 'warning'
               WHEN o.r < 0.87 THEN 'acquitted' WHEN o.r < 0.95 THEN 'pending' ELSE 'unknown' END
        ELSE
          CASE WHEN o.r < 0.30 THEN 'restricted_freedom' WHEN o.r < 0.55 THEN 'imprisonment' WHEN o.r < 0.70 THEN 'suspended'
               WHEN o.r < 0.72 THEN 'acquitted' WHEN o.r < 0.95 THEN 'pending' ELSE 'unknown' END
      END AS kind) k`);
    await tx.execute(sql`
      INSERT INTO citations (detention_id, source_id, locator)
      SELECT id, (1 + (id::bigint * 7919) % ${size.sources})::int, NULL FROM detentions`);
  });
  await db.execute(sql`ANALYZE`);
}
