/**
 * A deterministic synthetic data set shaped like real crackdown data, generated inside the
 * database (so a million rows load in seconds): detentions cluster in the weeks before elections
 * and in January 2022; big cities dominate; administrative charges dominate and decide the
 * sentence; a minority of people are detained again and again; some records are restricted.
 * As sources report them: some name only the region or no place, some dates are known only to
 * the month or year or "on or before" a day, some charges cite the article's part (stated) while
 * most are inferred, some detentions carry a second charge, fines come in tenge, MCI and dollars,
 * and custody timelines record detentions and releases.
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

    // Each detention's draws are kept in a temporary table: the detention row, its charges, its
    // penalties and its events are then inserted from the same draws.
    await tx.execute(sql`
      CREATE TEMP TABLE bench_detentions ON COMMIT DROP AS
      WITH picks AS MATERIALIZED (
        -- A few large events, many small ones; a few people detained again and again.
        SELECT i, 1 + floor(${events} * power(random(), 1.6))::int AS event_id,
          1 + floor(${size.people} * power(random(), 3))::int AS person_id,
          random() AS r_own, random() AS r_own2, random() AS r_plea, random() AS r_conf, random() AS r_place, random() AS r_second,
          random() AS r_origin, random() AS r_release
        FROM generate_series(1, ${size.detentions}) i
      )
      SELECT picks.i, ev.*, picks.person_id, picks.r_plea, picks.r_conf, picks.r_place, picks.r_second, picks.r_origin, picks.r_release, o.amount, k.kind,
        -- Dates as intervals: most to the day, some to the month, a few only to the year, "on or
        -- before" a report, or unknown (the last three are "date uncertain").
        CASE WHEN ev.r_prec < 0.93 THEN 'day' WHEN ev.r_prec < 0.95 THEN 'month' WHEN ev.r_prec < 0.97 THEN 'year'
             WHEN ev.r_prec < 0.985 THEN 'on_or_before' ELSE 'unknown' END AS precision
      FROM picks JOIN bench_events ev ON ev.id = picks.event_id,
      -- Most people at an event get its typical outcome; some are treated differently.
      LATERAL (SELECT CASE WHEN picks.r_own < 0.8 THEN ev.r_kind ELSE picks.r_own2 END AS r, CASE WHEN picks.r_own < 0.8 THEN ev.r_amount ELSE picks.r_own2 END AS amount) o,
      LATERAL (SELECT CASE
        WHEN ev.administrative THEN
          CASE WHEN o.r < 0.55 THEN 'administrative_arrest' WHEN o.r < 0.80 THEN 'fine' WHEN o.r < 0.85 THEN 'warning'
               WHEN o.r < 0.87 THEN 'acquitted' WHEN o.r < 0.95 THEN 'pending' ELSE 'unknown' END
        ELSE
          CASE WHEN o.r < 0.30 THEN 'restricted_freedom' WHEN o.r < 0.55 THEN 'imprisonment' WHEN o.r < 0.70 THEN 'probation'
               WHEN o.r < 0.72 THEN 'acquitted' WHEN o.r < 0.95 THEN 'pending' ELSE 'unknown' END
      END AS kind) k`);

    await tx.execute(sql`
      INSERT INTO detentions (person_id, place_id, region, place_precision,
                              detained_earliest, detained_latest, detained_qualifier, detained_on, detained_precision,
                              sentenced_earliest, sentenced_latest, sentenced_qualifier, sentenced_on, sentenced_precision,
                              plea, election_id, confidentiality, review_status,
                              custody_status, custody_from, released_on, custody_days, expected_release_on)
      SELECT
        d.person_id,
        -- 3% name only the region, 1% no place at all.
        CASE WHEN d.r_place >= 0.04 THEN d.place_id END,
        CASE WHEN d.r_place < 0.03 THEN (SELECT region FROM places WHERE id = d.place_id) END,
        (CASE WHEN d.r_place < 0.03 THEN 'region' WHEN d.r_place < 0.04 THEN 'not_stated' ELSE 'city' END)::place_precision,
        CASE d.precision WHEN 'day' THEN d.day WHEN 'month' THEN date_trunc('month', d.day)::date WHEN 'year' THEN date_trunc('year', d.day)::date END,
        CASE d.precision WHEN 'day' THEN d.day WHEN 'month' THEN (date_trunc('month', d.day) + interval '1 month - 1 day')::date
          WHEN 'year' THEN (date_trunc('year', d.day) + interval '1 year - 1 day')::date WHEN 'on_or_before' THEN d.day + 3 END,
        (CASE d.precision WHEN 'on_or_before' THEN 'on_or_before' WHEN 'unknown' THEN 'unknown' ELSE 'exact' END)::date_qualifier,
        CASE d.precision WHEN 'day' THEN d.day WHEN 'month' THEN date_trunc('month', d.day)::date END,
        (CASE d.precision WHEN 'day' THEN 'day' WHEN 'month' THEN 'month' WHEN 'year' THEN 'year' ELSE 'unknown' END)::date_precision,
        -- A sentence day for decided cases: many reports give the ruling's day even when the detention's is not known.
        CASE WHEN d.kind NOT IN ('pending', 'unknown') AND d.precision <> 'unknown' THEN d.day + d.delay END,
        CASE WHEN d.kind NOT IN ('pending', 'unknown') AND d.precision <> 'unknown' THEN d.day + d.delay END,
        (CASE WHEN d.kind NOT IN ('pending', 'unknown') AND d.precision <> 'unknown' THEN 'exact' ELSE 'unknown' END)::date_qualifier,
        CASE WHEN d.kind NOT IN ('pending', 'unknown') AND d.precision <> 'unknown' THEN d.day + d.delay END,
        (CASE WHEN d.kind NOT IN ('pending', 'unknown') AND d.precision <> 'unknown' THEN 'day' ELSE 'unknown' END)::date_precision,
        (CASE WHEN d.r_plea < 0.45 THEN 'unknown' WHEN d.r_plea < 0.85 THEN 'not_guilty' WHEN d.r_plea < 0.95 THEN 'guilty' ELSE 'no_plea' END)::plea,
        CASE WHEN d.el_index IS NOT NULL THEN d.election_ids[d.el_index] END,
        (CASE WHEN d.r_conf < 0.05 THEN 'restricted' ELSE 'shareable' END)::confidentiality,
        d.review_status,
        -- Custody, as lib/custody/timeline.ts derives it: a recorded release for some, else held
        -- until the end of an arrest or prison term.
        (CASE WHEN d.r_release < 0.3 THEN 'released' ELSE 'in_custody' END)::custody_status,
        CASE WHEN d.precision = 'day' THEN d.day END,
        CASE WHEN d.r_release < 0.3 AND d.precision = 'day' THEN d.day + d.delay + 1 END,
        CASE WHEN d.r_release < 0.3 AND d.precision = 'day' THEN d.delay + 1 END,
        CASE WHEN d.r_release >= 0.3 AND d.precision = 'day' AND d.kind = 'administrative_arrest'
          THEN d.day + (ARRAY[3, 5, 7, 10, 10, 15, 15, 15, 20, 25, 30])[1 + floor(d.amount * 11)::int] END
      FROM bench_detentions d
      ORDER BY d.i`);

    // Detention ids follow the draws' order (a fresh database, one insert ordered by i).
    await tx.execute(sql`CREATE TEMP TABLE bench_ids ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY id) AS i, id FROM detentions`);
    // One charge each, a second one (CoAO 489, inferred, dropped) for some; 10% cite the part,
    // stated by the source; a few have only the words of the source.
    await tx.execute(sql`
      INSERT INTO detention_charges (detention_id, position, charge_id, part, charge_text, basis_origin, outcome,
                                     outcome_earliest, outcome_latest, outcome_qualifier)
      SELECT x.id, 0,
        CASE WHEN d.r_origin >= 0.03 THEN d.charge_id END,
        CASE WHEN d.r_origin BETWEEN 0.03 AND 0.13 THEN (1 + floor(d.r_second * 3)::int)::text END,
        'synthetic charge text',
        (CASE WHEN d.r_origin < 0.03 THEN NULL WHEN d.r_origin < 0.13 THEN 'stated' ELSE 'inferred' END)::basis_origin,
        (CASE d.kind WHEN 'acquitted' THEN 'acquitted' WHEN 'pending' THEN 'pending' WHEN 'unknown' THEN 'unknown' ELSE 'convicted' END)::charge_outcome,
        CASE WHEN d.kind NOT IN ('pending', 'unknown') AND d.precision <> 'unknown' THEN d.day + d.delay END,
        CASE WHEN d.kind NOT IN ('pending', 'unknown') AND d.precision <> 'unknown' THEN d.day + d.delay END,
        (CASE WHEN d.kind NOT IN ('pending', 'unknown') AND d.precision <> 'unknown' THEN 'exact' ELSE 'unknown' END)::date_qualifier
      FROM bench_detentions d JOIN bench_ids x ON x.i = d.i
      UNION ALL
      SELECT x.id, 1, (SELECT id FROM charges WHERE slug = 'coao-489'), NULL, NULL, 'inferred'::basis_origin, 'dropped'::charge_outcome, NULL, NULL, 'unknown'::date_qualifier
      FROM bench_detentions d JOIN bench_ids x ON x.i = d.i
      WHERE d.administrative AND d.r_second < 0.08`);
    // Penalties of the first charge: fines mostly in tenge, some in MCI, a few in dollars.
    await tx.execute(sql`
      INSERT INTO penalties (detention_charge_id, position, kind, amount, unit)
      SELECT dc.id, 0,
        d.kind::penalty_kind,
        CASE d.kind
          WHEN 'administrative_arrest' THEN (ARRAY[3, 5, 7, 10, 10, 15, 15, 15, 20, 25, 30])[1 + floor(d.amount * 11)::int]
          WHEN 'fine' THEN CASE WHEN d.r_second < 0.7 THEN 1000 * (ARRAY[29, 58, 87, 145, 291])[1 + floor(d.amount * 5)::int]
                                WHEN d.r_second < 0.95 THEN (ARRAY[10, 20, 30, 50, 100])[1 + floor(d.amount * 5)::int] ELSE 135 END
          WHEN 'restricted_freedom' THEN 1 + floor(d.amount * 5)::int
          WHEN 'imprisonment' THEN 1 + floor(d.amount * 7)::int
          WHEN 'probation' THEN 1 + floor(d.amount * 3)::int
        END,
        (CASE d.kind WHEN 'administrative_arrest' THEN 'days'
          WHEN 'fine' THEN CASE WHEN d.r_second < 0.7 THEN 'KZT' WHEN d.r_second < 0.95 THEN 'MCI' ELSE 'USD' END
          WHEN 'restricted_freedom' THEN 'years' WHEN 'imprisonment' THEN 'years' WHEN 'probation' THEN 'years' END)::penalty_unit
      FROM bench_detentions d JOIN bench_ids x ON x.i = d.i
      JOIN detention_charges dc ON dc.detention_id = x.id AND dc.position = 0
      WHERE d.kind IN ('administrative_arrest', 'fine', 'warning', 'restricted_freedom', 'imprisonment', 'probation')`);
    // Custody timelines: detained, and a recorded release for the released ones.
    await tx.execute(sql`
      INSERT INTO custody_events (detention_id, position, kind, earliest, latest, qualifier)
      SELECT x.id, 0, 'detained'::custody_event_kind, d.day, d.day, 'exact'::date_qualifier FROM bench_detentions d JOIN bench_ids x ON x.i = d.i WHERE d.precision = 'day'
      UNION ALL
      SELECT x.id, 1, 'released'::custody_event_kind, d.day + d.delay + 1, d.day + d.delay + 1, 'exact'::date_qualifier
      FROM bench_detentions d JOIN bench_ids x ON x.i = d.i WHERE d.precision = 'day' AND d.r_release < 0.3`);
    await tx.execute(sql`
      INSERT INTO citations (detention_id, source_id, locator)
      SELECT id, (1 + (id::bigint * 7919) % ${size.sources})::int, NULL FROM detentions`);
  });
  await db.execute(sql`ANALYZE`);
}
