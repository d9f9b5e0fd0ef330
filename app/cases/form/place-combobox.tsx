'use client';

import { useTranslations } from 'next-intl';
import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import { matchedVariant, matchPlace, searchPlaces, type GazetteerEntry, type PlaceMatch } from '@/lib/places/match';
import { FieldError, useField } from './field';
import styles from './place-combobox.module.css';
import type { CaseFormVocabulary } from './types';

type Place = CaseFormVocabulary['places'][number];
type Entry = GazetteerEntry & { place: Place };

const subscribeToNothing = () => () => {};

/** At most this many options at once: enough to scan, few enough for a phone screen. */
const SHOWN = 12;

/**
 * The city as a combobox (WAI-ARIA 1.2, list autocomplete with manual selection): typing any
 * spelling of a place, in any script and anywhere in the name, lists the places it fits; arrows
 * move, Enter chooses, Escape closes then clears. The form posts the chosen place's id in a hidden
 * `name` input; the server validates it as before.
 *
 * Without JavaScript the combobox can't work, so `fallback` (a plain select) is rendered inside
 * <noscript>, and the combobox itself only once hydrated: the form posts exactly one `name` either
 * way, and nothing can be typed into a combobox that doesn't answer yet.
 */
export function PlaceCombobox({
  name,
  label,
  places,
  fallback,
  nameOf = (p) => p.name,
  regionOf = (region) => region,
}: {
  name: string;
  label: string;
  places: readonly Place[];
  fallback: React.ReactNode;
  /** The place's name in the reader's language (every spelling still matches). */
  nameOf?: (place: Place) => string;
  regionOf?: (region: string) => string;
}) {
  const t = useTranslations('places');
  const field = useField(name, true);
  const entries = useMemo<Entry[]>(
    () => places.map((p) => ({ id: p.id, name: nameOf(p), region: regionOf(p.region), kind: p.kind, names: [nameOf(p), p.name, p.nameKk, p.nameRu, ...p.variants], place: p })),
    [places, nameOf, regionOf],
  );
  const initial = entries.find((e) => String(e.id) === field.value);
  const [chosen, setChosen] = useState<Entry | undefined>(initial);
  // A refused id that is no longer in the list is posted back unchanged rather than silently dropped.
  const [postedId, setPostedId] = useState(field.value);
  const [query, setQuery] = useState(initial?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // False on the server and while hydrating, true after: the combobox only shows once it can answer.
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);

  const ids = useId();
  const inputId = `${name}-input`;
  const listId = `${ids}-list`;
  const optionId = (i: number) => `${ids}-option-${i}`;

  const results: PlaceMatch<Entry>[] = useMemo(() => {
    const typed = query.trim();
    if (!typed || (chosen && typed === chosen.name)) return entries.slice(0, SHOWN).map((place) => ({ place, matched: place.name, score: 0 }));
    return searchPlaces(typed, entries, SHOWN);
  }, [query, chosen, entries]);

  function choose(entry: Entry | undefined) {
    setChosen(entry);
    setPostedId(entry ? String(entry.id) : '');
    if (entry) setQuery(entry.name);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (results.length ? (i + step + results.length) % results.length : -1));
    } else if (e.key === 'Enter' && open && active >= 0 && results[active]) {
      // Choosing, not submitting the form.
      e.preventDefault();
      choose(results[active].place);
    } else if (e.key === 'Escape') {
      if (open) setOpen(false);
      else {
        setQuery('');
        choose(undefined);
      }
      setActive(-1);
    }
  }

  /** Leaving the field with a whole name of exactly one place typed chooses it: "Уральск" needs no arrow key. */
  function onBlur() {
    setOpen(false);
    setActive(-1);
    if (chosen && query === chosen.name) return;
    const exact = matchPlace(query, entries);
    if (exact.length === 1) choose(exact[0].place);
  }

  const describedBy = `${name}-hint ${name}-error`;
  const showList = open && results.length > 0;
  const searching = open && !!query.trim() && !(chosen && query === chosen.name);
  if (!hydrated) return <noscript>{fallback}</noscript>;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <div className={styles.anchor}>
        <input
          id={inputId}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
          aria-invalid={field.messages ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          autoCapitalize="words"
          spellCheck={false}
          className={styles.input}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setChosen(undefined);
            setPostedId('');
            setOpen(true);
            setActive(-1);
          }}
          onClick={() => setOpen(true)}
          onBlur={onBlur}
          onKeyDown={onKeyDown}
        />
        <input type="hidden" name={name} value={postedId} />
        <ul id={listId} role="listbox" aria-label={t('listLabel')} className={styles.listbox} hidden={!showList}>
          {results.map((m, i) => {
            const variant = matchedVariant(m);
            return (
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- the keyboard chooses through the input (aria-activedescendant), as the combobox pattern has it
              <li
                key={m.place.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={styles.option}
                // Keep the focus in the input (the pattern's focus stays there), then choose on click.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(m.place)}
              >
                <span className={styles.name}>{m.place.name}</span>
                {variant && <span className={styles.variant}> — {t('matched', { variant })}</span>}{' '}
                <span className={styles.region}>{m.place.region}</span>
              </li>
            );
          })}
        </ul>
      </div>
      <span id={`${name}-hint`} className="hint">
        {chosen ? t('chosen', { name: chosen.name, region: chosen.region }) : t('comboboxHint')}
      </span>
      {/* Announced as the list changes; the count is for screen readers, "no match" for everyone. */}
      <span role="status" className={searching && !results.length ? 'hint' : styles.visuallyHidden}>
        {searching ? (results.length ? t('resultCount', { count: results.length }) : t('noMatch', { query: query.trim() })) : ''}
      </span>
      <FieldError id={`${name}-error`} messages={field.messages} />
    </div>
  );
}
