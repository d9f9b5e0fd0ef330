import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

/**
 * A page's <title> in the reader's language (the layout appends the app's name). Titles name the
 * kind of page, never a person or a case: titles end up in browser history and shared screens.
 */
export function pageTitle(key: string, extra: Metadata = {}) {
  return async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations();
    return { ...extra, title: t(key) };
  };
}
