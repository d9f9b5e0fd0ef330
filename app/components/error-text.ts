'use client';

import { useTranslations } from 'next-intl';
import { splitMessage } from '@/lib/forms';

/** Translates a field error, filling placeholders carried in the message ("month 13 does not exist"). */
export function useErrorText() {
  const t = useTranslations();
  return (message: string) => {
    const { key, params } = splitMessage(message);
    return t(key, params);
  };
}
