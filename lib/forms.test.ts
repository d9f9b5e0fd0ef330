import { PgDialect } from 'drizzle-orm/pg-core';
import { afterEach, describe, expect, it } from 'vitest';
import { readCaseForm } from '@/lib/cases/schema';
import { readDashboardParams } from '@/lib/dashboard/params';
import { visibleDetention } from '@/lib/filters/visibility';
import { formValues, isSafeKey } from './forms';

const objectPrototype = Object.prototype as unknown as Record<string, unknown>;
const sharedFunction = Function.prototype.toString as unknown as Record<string, unknown>;
const POLLUTED = ['includeDeleted', 'setupAllowed', 'polluted'];

// A failure here must not leak into the other tests of this worker.
afterEach(() => {
  for (const name of POLLUTED) {
    delete objectPrototype[name];
    delete sharedFunction[name];
  }
});

/**
 * Security regression (session 25): a monitor replaying the case form with a field named
 * `__proto__.includeDeleted` wrote to Object.prototype; from then on every query built with
 * visibleDetention's default options showed deleted records to everyone, until a restart.
 */
describe('posted field names never reach a shared prototype', () => {
  it('readCaseForm ignores __proto__, constructor and prototype path segments and inherited names', () => {
    const raw = readCaseForm({
      personName: 'A',
      '__proto__.includeDeleted': '1',
      '__proto__.setupAllowed': '1',
      'constructor.prototype.includeDeleted': '1',
      'sources.__proto__.polluted': '1',
      'toString.polluted': '1',
      'sources.0.url': 'https://a.example',
    });
    expect(POLLUTED.map((name) => objectPrototype[name] ?? sharedFunction[name])).toEqual([undefined, undefined, undefined]);
    expect(raw.sources).toEqual([{ supports: [], url: 'https://a.example' }]);
    // What the pollution changed: a researcher's records lost their "not deleted" condition.
    const where = new PgDialect().sqlToQuery(visibleDetention({ id: 1, role: 'researcher' })).sql;
    expect(where).toContain('"deleted_at" is null');
  });

  it('formValues drops such keys and keeps the result a plain object', () => {
    const form = new FormData();
    form.append('__proto__', 'x');
    form.append('__proto__', 'y');
    form.append('constructor.prototype.polluted', '1');
    form.append('personName', 'A');
    const values = formValues(form);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(Object.keys(values)).toEqual(['personName']);
  });

  it('the dashboard ignores such query keys', () => {
    const { params } = readDashboardParams(new URLSearchParams('__proto__=x&constructor.prototype.polluted=1&axis=sentenced'));
    expect(params.axis).toBe('sentenced');
    expect(objectPrototype.polluted).toBeUndefined();
  });

  it('isSafeKey refuses any dotted segment that names a prototype', () => {
    expect(['sources.0.url', 'proto', '__proto', 'constructors'].map(isSafeKey)).toEqual([true, true, true, true]);
    expect(['__proto__', 'a.constructor', 'x.prototype.y'].map(isSafeKey)).toEqual([false, false, false]);
  });
});
