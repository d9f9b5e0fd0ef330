/**
 * Which parts of the catalogue reach the browser. Server components translate on the server and
 * send only text; client components (forms, the error page) need their messages in the page's
 * payload. Sending the whole catalogue cost every page about 85 kB of HTML in English, more in
 * Kazakh and Russian (the sign-in page was almost all catalogue), and every server-action answer
 * carried it again. So each page sends the namespaces its client components read: ROOT everywhere,
 * plus its feature's list (app/components/client-messages.tsx). client-messages.test.ts reads every
 * client component and fails when one uses a namespace its feature does not send.
 */

/** Read by client components on every page: the error page, error summaries, field errors, comboboxes, "Saved". */
export const ROOT_CLIENT_NAMESPACES = ['errorsPage', 'errors', 'lists', 'form'] as const;

/** Added by the pages of each feature, on top of ROOT_CLIENT_NAMESPACES. */
export const FEATURE_CLIENT_NAMESPACES = {
  login: ['login'],
  caseForm: ['fields', 'enums', 'matching', 'places', 'facts', 'sources', 'locale', 'dates', 'sentence'],
  import: ['imports', 'matching', 'enums', 'fields', 'places', 'sources'],
  intake: ['intake', 'enums', 'fields', 'matching'],
  twoFactor: ['twoFactor', 'enums'],
  apiTokens: ['apiTokens'],
  vocabulary: ['vocabulary', 'locale'],
  calendar: ['calendar', 'dates'],
  merge: ['merge', 'matching'],
  evidence: ['evidence', 'sources'],
} as const satisfies Record<string, readonly string[]>;

export type ClientFeature = keyof typeof FEATURE_CLIENT_NAMESPACES;

type Messages = Record<string, unknown>;

/** The namespaces a page of `feature` sends (ROOT only when none). */
export function clientNamespaces(feature?: ClientFeature): Set<string> {
  return new Set<string>([...ROOT_CLIENT_NAMESPACES, ...(feature ? FEATURE_CLIENT_NAMESPACES[feature] : [])]);
}

/** The catalogue cut down to what the browser needs for `feature`. */
export function clientMessages(messages: Messages, feature?: ClientFeature): Messages {
  const wanted = clientNamespaces(feature);
  return Object.fromEntries(Object.entries(messages).filter(([namespace]) => wanted.has(namespace)));
}
