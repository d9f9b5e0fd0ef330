/**
 * "column is one of these ids" for a batch read of many records at once (exports, lists, reports).
 *
 * Drizzle's inArray binds one parameter per id: at thousands of ids, building and sending the
 * query cost more than running it (about a third of an export's time at 1,000 ids a batch). Here
 * the ids are one parameter, an int array, and when they are dense (a keyset batch of records
 * numbered in order) a range instead, which the planner estimates well and reads as one index
 * range scan. A range may also match ids that are not in the list: callers look rows up by the ids
 * they asked for, so the extra rows are never used (they are ids in the same table, read by the
 * same server code, never sent anywhere).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** A range is used while it holds at most this many times as many ids as asked for. */
const DENSE_ENOUGH = 2;

export function inIds(column: AnyPgColumn | SQL, ids: readonly number[]): SQL {
  if (ids.length === 0) return sql`false`;
  let low = ids[0];
  let high = ids[0];
  for (const id of ids) {
    if (!Number.isSafeInteger(id)) throw new TypeError('inIds: ids must be integers');
    if (id < low) low = id;
    if (id > high) high = id;
  }
  if (high - low + 1 <= DENSE_ENOUGH * ids.length) return sql`${column} BETWEEN ${low} AND ${high}`;
  // One text parameter cast to an array: the same on postgres.js and PGlite (ids checked above).
  return sql`${column} = ANY(${`{${ids.join(',')}}`}::int[])`;
}
