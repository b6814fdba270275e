// Every failure the practitioner can meet, in plain words, with what to do next.  The panel shows `title`,
// `message` and a button for `action`; nothing here ever contains the practitioner's text.

export const FAILURES = Object.freeze({
  proxy_not_running: {
    title: 'Cosigner is not running on this computer',
    message: 'The extension could not reach the Cosigner program. Start Cosigner (or restart the computer), ' +
      'then press Try again. If it keeps happening, contact IT.',
    action: 'retry',
  },
  not_paired: {
    title: 'This browser is not paired with Cosigner',
    message: 'Open the Cosigner options, run "cosigner pair" on this computer and type the code it shows.',
    action: 'open_options',
  },
  token_revoked: {
    title: 'Pairing no longer valid',
    message: 'Cosigner no longer accepts this browser (the pairing was revoked or replaced). ' +
      'Pair again from the Cosigner options with a new code from "cosigner pair".',
    action: 'open_options',
  },
  pairing_code_rejected: {
    title: 'Pairing code not accepted',
    message: 'The code was wrong, already used or older than 10 minutes. Run "cosigner pair" again and type ' +
      'the new code.',
    action: 'none',
  },
  provider_unreachable: {
    title: 'The AI service could not be reached',
    message: 'Cosigner is running but the AI service did not answer. Your text has not been changed. ' +
      'Try again in a few minutes; if it persists, tell IT.',
    action: 'retry',
  },
  policy_blocked: {
    title: 'Your organisation\'s policy does not allow this request',
    message: 'The request was not sent to the AI service.',
    action: 'none',
  },
  policy_mismatch: {
    title: 'Cosigner is running an unexpected policy',
    message: 'The policy reported by Cosigner is not the one IT configured for this browser, so drafting is ' +
      'switched off. Contact IT.',
    action: 'none',
  },
  review_reset: {
    title: 'Review reset: the field changed',
    message: 'The text in the case record changed after the draft arrived, so this review no longer matches ' +
      'it. Nothing was inserted. Ask for a new draft from the current text.',
    action: 'redraft',
  },
  timeout: {
    title: 'No answer in time',
    message: 'Cosigner did not answer in time. Nothing was inserted. Try again; if it keeps happening, ' +
      'restart Cosigner or contact IT.',
    action: 'retry',
  },
  review_refused: {
    title: 'The review is not complete',
    message: 'Cosigner refused the acceptance because the review was not complete. Review each change, then ' +
      'insert again.',
    action: 'none',
  },
  draft_gone: {
    title: 'This draft can no longer be accepted',
    message: 'Cosigner no longer knows this draft or it was already decided. Ask for a new draft.',
    action: 'redraft',
  },
  field_gone: {
    title: 'The field is no longer on the page',
    message: 'The case-record field was closed or the page changed. Nothing was inserted. Open the record ' +
      'again and ask for a new draft.',
    action: 'redraft',
  },
  insert_unverified: {
    title: 'The text could not be placed reliably',
    message: 'The editor did not keep the text exactly, so your original text was put back. The accepted ' +
      'text is ready to copy: press Copy and paste it into the field yourself.',
    action: 'copy',
  },
  field_refused: {
    title: 'Cosigner does not work with this field',
    message: 'Password, hidden, read-only and disabled fields are never used. Choose a normal text field.',
    action: 'none',
  },
  empty_field: {
    title: 'Write your own text first',
    message: 'Cosigner improves what you wrote; it does not write a record from nothing. Write your note in the ' +
      'field, then ask for a draft.',
    action: 'none',
  },
  field_too_long: {
    title: 'The text is too long for one draft',
    message: 'Ask for drafts of shorter parts (up to 100,000 characters each).',
    action: 'none',
  },
  origin_not_allowed: {
    title: 'This site is not a configured case system',
    message: 'Cosigner only works on the case-system sites your organisation allows.',
    action: 'none',
  },
  settings_invalid: {
    title: 'Cosigner is switched off on this browser',
    message: 'The settings your IT team set for Cosigner are not valid, so drafting is off rather than running ' +
      'with looser settings. Contact IT.',
    action: 'none',
  },
  bad_response: {
    title: 'Cosigner sent an answer the extension cannot use',
    message: 'Nothing was inserted. Update Cosigner and the extension to matching versions, or contact IT.',
    action: 'none',
  },
  internal: {
    title: 'Something went wrong',
    message: 'Nothing was inserted. Try again; if it keeps happening, contact IT.',
    action: 'retry',
  },
});

const REVIEW_CODES = new Set(['final_text_mismatch', 'hunk_undecided', 'flag_not_confirmed', 'review_too_fast']);
const UPSTREAM_CODES = new Set(['upstream_unreachable', 'upstream_timeout', 'upstream_error',
  'upstream_invalid_response']);

/** Classify a proxy answer ({status, code}) or transport failure into one of FAILURES' keys. */
export function classify({ status = 0, code = '', transport = null } = {}) {
  if (transport === 'unreachable') return 'proxy_not_running';
  if (transport === 'timeout') return 'timeout';
  if (transport === 'not_paired') return 'not_paired';
  if (transport === 'bad_response') return 'bad_response';
  if (code === 'policy_blocked') return 'policy_blocked';
  if (code === 'pairing_code_invalid' || code === 'pairing_code_expired') return 'pairing_code_rejected';
  if (status === 401 || code === 'unauthorized' || code === 'origin_rejected' || code === 'token_revoked') {
    return 'token_revoked';
  }
  if (UPSTREAM_CODES.has(code) || status === 502 || status === 504) return 'provider_unreachable';
  if (REVIEW_CODES.has(code)) return 'review_refused';
  if (code === 'draft_not_found' || code === 'already_decided') return 'draft_gone';
  return 'internal';
}

/** The practitioner-facing failure.  A policy block carries the policy's own message (never the request text). */
export function failureMessage(kind, { policyMessage = null, rule = null } = {}) {
  const base = FAILURES[kind] ?? FAILURES.internal;
  const message = kind === 'policy_blocked' && typeof policyMessage === 'string' && policyMessage !== ''
    ? `${policyMessage} ${base.message}`
    : base.message;
  return Object.freeze({ kind: FAILURES[kind] ? kind : 'internal', title: base.title, message, action: base.action,
    rule: typeof rule === 'string' ? rule : null });
}
