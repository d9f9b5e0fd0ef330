import { useEffect, useState } from 'react';

export function useDebounced<T>(value: T, ms = 250): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Suggestions from a lookup route for what the user is typing (debounced; a query shorter than
 * `minLength` asks nothing). `enabled` false skips the lookup (e.g. a person already picked).
 */
export function useLookup<T>(route: string, key: string, query: string, minLength: number, enabled = true) {
  const [found, setFound] = useState<T[]>([]);
  const debounced = useDebounced(query);
  const active = enabled && debounced.trim().length >= minLength;
  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    fetch(`${route}?q=${encodeURIComponent(debounced)}`, { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : {}))
      .then((data: Record<string, T[]>) => setFound(data[key] ?? []))
      .catch(() => {});
    return () => controller.abort();
  }, [route, key, debounced, active]);
  // Too short a query shows nothing: derived, not stored, so no effect has to clear it.
  return { suggestions: active ? found : [], clear: () => setFound([]) };
}
