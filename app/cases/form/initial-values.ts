import type { ChargeDetail, EventDetail } from '@/lib/cases/details';
import { intervalFields, type DateInterval } from '@/lib/dates/interval';
import type { FormValues } from '@/lib/forms';

/** A stored interval as the DateIntervalField's inputs `name.on|to|qualifier|asReported`. */
export function intervalValues(name: string, interval: DateInterval): FormValues {
  const fields = intervalFields(interval);
  return {
    [`${name}.on`]: fields.on,
    [`${name}.to`]: fields.to,
    // "Exact" is the blank choice of the qualifier select.
    [`${name}.qualifier`]: fields.qualifier === 'exact' ? '' : fields.qualifier,
    [`${name}.asReported`]: fields.asReported,
  };
}

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** Stored charges and their penalties as the form's `charges.N.…` inputs. */
export function chargeValues(charges: readonly ChargeDetail[]): FormValues {
  const out: FormValues = {};
  charges.forEach((c, i) => {
    const name = `charges.${i}`;
    Object.assign(out, {
      [`${name}.chargeId`]: text(c.chargeId),
      [`${name}.part`]: text(c.part),
      [`${name}.basisOrigin`]: text(c.basisOrigin),
      [`${name}.chargeText`]: text(c.chargeText),
      [`${name}.outcome`]: c.outcome,
      ...intervalValues(`${name}.outcomeDate`, c.outcomeDate),
    });
    c.penalties.forEach((p, j) => {
      const pn = `${name}.penalties.${j}`;
      Object.assign(out, {
        [`${pn}.kind`]: p.kind,
        [`${pn}.amount`]: text(p.amount),
        [`${pn}.unit`]: text(p.unit),
        [`${pn}.asReported`]: text(p.asReported),
        [`${pn}.replacedBy`]: text(p.replacedBy),
      });
    });
  });
  return out;
}

/** Stored custody events as the form's `events.N.…` inputs; `sourceIds` are the form's sources in order. */
export function eventValues(events: readonly EventDetail[], sourceIds: readonly number[]): FormValues {
  const out: FormValues = {};
  events.forEach((e, i) => {
    const name = `events.${i}`;
    const position = e.sourceId === null ? -1 : sourceIds.indexOf(e.sourceId);
    Object.assign(out, {
      [`${name}.kind`]: e.kind,
      ...intervalValues(`${name}.date`, e.date),
      [`${name}.placeId`]: text(e.placeId),
      [`${name}.placeDetail`]: text(e.placeDetail),
      [`${name}.note`]: text(e.note),
      [`${name}.source`]: position < 0 ? '' : String(position + 1),
    });
  });
  return out;
}
