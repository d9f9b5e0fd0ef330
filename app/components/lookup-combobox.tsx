'use client';

import { useCombobox } from 'downshift';
import { useTranslations } from 'next-intl';
import { RequiredMarker } from './required-marker';

/**
 * A text input that suggests records already on file (people, sources), as a WAI-ARIA combobox
 * built on Downshift's useCombobox: type to search, Up/Down to move through the suggestions,
 * Enter to take one, Escape to close the list; the number of suggestions is announced. The
 * input keeps its own id and name, so it still posts what was typed when nothing is picked
 * (and without JavaScript, where it is a plain text input).
 */
export function LookupCombobox<T>({
  id,
  name,
  label,
  value,
  onType,
  items,
  itemKey,
  itemText,
  onPick,
  listLabel,
  required,
  inputProps = {},
  children,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  onType: (text: string) => void;
  items: T[];
  itemKey: (item: T) => string | number;
  /** What the suggestion says (also its accessible name). */
  itemText: (item: T) => string;
  onPick: (item: T) => void;
  /** The accessible name of the list of suggestions ("People already on record"). */
  listLabel: string;
  required?: boolean;
  /** aria-invalid, aria-describedby, type… passed to the input. */
  inputProps?: React.InputHTMLAttributes<HTMLInputElement> & Record<`aria-${string}`, unknown>;
  /** Shown under the input (errors, hints). */
  children?: React.ReactNode;
}) {
  const t = useTranslations('lists');
  const { isOpen, highlightedIndex, getLabelProps, getMenuProps, getInputProps, getItemProps } = useCombobox<T>({
    id: `${id}-combobox`,
    inputId: id,
    labelId: `${id}-label`,
    menuId: `${id}-listbox`,
    items,
    inputValue: value,
    // Picking is reported through onSelectedItemChange; the field itself never holds a selection.
    selectedItem: null,
    itemToString: (item) => (item ? itemText(item) : ''),
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) onPick(selectedItem);
    },
  });
  const open = isOpen && items.length > 0;
  return (
    <div className="field combobox">
      <div>
        <label {...getLabelProps()}>{label}</label>
        {required && <RequiredMarker />}
      </div>
      {/* Typing updates the parent in the input's own change event: Downshift reports changes from an
          effect, a render late, and a controlled input fed from there drops fast keystrokes. */}
      <input
        {...getInputProps({
          name,
          autoComplete: 'off',
          'aria-required': required || undefined,
          ...inputProps,
          value,
          onChange: (event: React.ChangeEvent<HTMLInputElement>) => onType(event.target.value),
        })}
      />
      {/* Its own name (Downshift then drops aria-labelledby), so only the input is labelled "Title". */}
      <ul {...getMenuProps({ 'aria-label': listLabel })} className="suggestions" hidden={!open}>
        {open &&
          items.map((item, index) => (
            <li key={itemKey(item)} className={index === highlightedIndex ? 'highlighted' : undefined} {...getItemProps({ item, index })}>
              {itemText(item)}
            </li>
          ))}
      </ul>
      <p role="status" className="visually-hidden">
        {open ? t('combobox.count', { count: items.length }) : ''}
      </p>
      {children}
    </div>
  );
}
