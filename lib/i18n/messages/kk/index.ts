/**
 * The Kazakh catalogue: the same namespaces and keys as en/ (lib/i18n/catalogue.test.ts checks).
 */
import locale from './locale.json';

const messages = {
  locale,
};

export default messages;
