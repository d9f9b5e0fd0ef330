/** Outcome and file role in words (literal keys, so the catalogue test sees each one used). */
export const OUTCOMES = {
  ok: 'evidence.outcome.ok',
  http_error: 'evidence.outcome.http_error',
  timeout: 'evidence.outcome.timeout',
  too_large: 'evidence.outcome.too_large',
  blocked: 'evidence.outcome.blocked',
  unsupported_type: 'evidence.outcome.unsupported_type',
  network_error: 'evidence.outcome.network_error',
} as const;
export const ROLES = {
  response: 'evidence.role.response',
  warc: 'evidence.role.warc',
  text: 'evidence.role.text',
  pdf: 'evidence.role.pdf',
  png: 'evidence.role.png',
  upload: 'evidence.role.upload',
  tls_chain: 'evidence.role.tls_chain',
} as const;
