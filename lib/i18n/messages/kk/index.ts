/**
 * The Kazakh catalogue, one file per namespace, following the English one (en/index.ts).
 */
import matching from './matching.json';

const messages = {
  matching,
};

export default messages;
