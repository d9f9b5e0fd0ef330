import { useEffect, useRef, useState } from 'react';
import type { FormValues } from '@/lib/forms';

/** One repeatable row: a stable React key and its start values, named relative to the row. */
export type Row = { key: number; values: FormValues };

/** The rows posted under `prefix.N.…`, in order of N, each with its values renamed to `…`. */
export function rowsFrom(values: FormValues, prefix: string): Row[] {
  const byIndex = new Map<number, FormValues>();
  const start = `${prefix}.`;
  for (const [name, value] of Object.entries(values)) {
    if (!name.startsWith(start)) continue;
    const match = /^(\d{1,2})\.(.+)$/.exec(name.slice(start.length));
    if (!match) continue;
    const row = byIndex.get(Number(match[1])) ?? {};
    row[match[2]] = value;
    byIndex.set(Number(match[1]), row);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([index, rowValues]) => ({ key: index, values: rowValues }));
}

/**
 * Repeatable rows with add and remove. Without JavaScript the form shows one empty row (the server
 * ignores it when left blank); with it, rows are added and removed here and named by position.
 * After "add", focus moves to the new row's first field, so the keyboard user carries on typing.
 */
export function useRows(values: FormValues, prefix: string, fullPrefix = prefix, min = 1) {
  const [rows, setRows] = useState<Row[]>(() => {
    const found = rowsFrom(values, prefix);
    return found.length >= min ? found : [...found, ...Array.from({ length: min - found.length }, (_, i) => ({ key: 1000 + i, values: {} }))];
  });
  const nextKey = useRef(2000);
  const focusIndex = useRef<number | null>(null);
  useEffect(() => {
    if (focusIndex.current === null) return;
    const first = document.querySelector<HTMLElement>(`[name^="${fullPrefix}.${focusIndex.current}."]`);
    focusIndex.current = null;
    first?.focus();
  }, [rows, fullPrefix]);
  return {
    rows,
    add: () => {
      focusIndex.current = rows.length;
      setRows((all) => [...all, { key: nextKey.current++, values: {} }]);
    },
    remove: (key: number) => setRows((all) => all.filter((r) => r.key !== key)),
  };
}
