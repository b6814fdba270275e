// Every message that crosses a context boundary, with its shape.  Content scripts run inside the case system's
// page and are treated as untrusted: they may only send CONTENT types, and their answers to the service worker's
// requests are checked against CONTENT_REPLIES.  Extension pages (side panel, options) may send PAGE types.
import { arr, bool, check, int, obj, oneOf, record, ShapeError, str } from './validate.js';

export const MAX_FIELD_TEXT = 100_000;
export const FIELD_KINDS = Object.freeze(['textarea', 'input', 'contenteditable', 'ckeditor5', 'tinymce', 'quill']);
const token = str(64, { min: 8, pattern: /^[A-Za-z0-9_-]+$/u });
const draftId = str(128, { min: 1, pattern: /^[A-Za-z0-9_.:-]+$/u });

export const CONTENT = Object.freeze({
  'field.changed': obj({ fieldToken: token }),
  'paste.intercepted': obj({ fieldToken: token, reason: oneOf(['marker', 'draft_match']) }),
  'panel.open': obj({}),
  'guard.sync': obj({}),
});

export const PAGE = Object.freeze({
  'panel.hello': obj({}),
  'draft.request': obj({ templateId: str(100, { nullable: true }), instruction: str(2000, { nullable: true }) }),
  'draft.accept': obj({
    draftId,
    decisions: arr(obj({
      index: int({ max: 10_000 }),
      action: oneOf(['keep', 'reject', 'edit']),
      text: str(MAX_FIELD_TEXT, { optional: true }),
      confirmed: bool(),
      seen_ms: int({ max: 86_400_000 }),
    }), { max: 2000 }),
    bulkAccept: bool(),
    attestation: obj({ version: str(100), accepted: bool() }),
    finalText: str(MAX_FIELD_TEXT),
  }),
  'draft.reject': obj({ draftId }),
  pair: obj({ code: str(32, { min: 4, pattern: /^[A-Za-z0-9 -]+$/u }) }),
  unpair: obj({}),
  'status.get': obj({}),
  'settings.get': obj({}),
  'settings.save': obj({
    org: obj({
      proxyUrl: str(200, { optional: true }),
      allowedOrigins: arr(str(200), { max: 50, optional: true }),
    }, { optional: true }),
    personal: obj({
      defaultTemplateId: str(100, { nullable: true, optional: true }),
      keyboardHints: bool({ optional: true }),
    }, { optional: true }),
  }),
});

const fieldKind = oneOf(FIELD_KINDS);
const FAIL_REASONS = ['no_field', 'field_refused', 'field_gone', 'too_long', 'not_supported', 'busy'];
const failReason = oneOf(FAIL_REASONS);
const failReasonOpt = oneOf(FAIL_REASONS, { optional: true });

export const CONTENT_REPLIES = Object.freeze({
  capture: obj({
    ok: bool(),
    reason: failReason,
  }),
  captured: obj({
    ok: bool(),
    fieldToken: token,
    text: str(MAX_FIELD_TEXT),
    kind: fieldKind,
    descriptor: str(200),
    caseContext: record(str(64, { min: 1, pattern: /^[a-z][a-z0-9_]*$/u }), str(500), { max: 20 }),
    caseRef: str(200, { nullable: true }),
  }),
  read: obj({ ok: bool(), text: str(MAX_FIELD_TEXT, { optional: true }), reason: failReasonOpt }),
  insert: obj({
    ok: bool(),
    strategy: str(40, { optional: true }),
    verified: bool({ optional: true }),
    restored: bool({ optional: true }),
    reason: failReasonOpt,
  }),
});

export class MessageRefused extends Error {
  constructor(code, detail = '') {
    super(detail ? `message refused: ${code} (${detail})` : `message refused: ${code}`);
    this.name = 'MessageRefused';
    this.code = code;
  }
}

/** Validate `{type, payload}` against a table; returns the payload or throws MessageRefused. */
export function validateMessage(table, message) {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) {
    throw new MessageRefused('not_object');
  }
  const keys = Object.keys(message);
  if (keys.some((k) => k !== 'type' && k !== 'payload')) throw new MessageRefused('unknown_key');
  const { type, payload } = message;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(table, type)) {
    throw new MessageRefused('unknown_type');
  }
  try {
    check(table[type], payload ?? {}, 'payload');
  } catch (err) {
    if (err instanceof ShapeError) throw new MessageRefused('bad_shape', `${err.path}: ${err.rule}`);
    throw err;
  }
  return payload ?? {};
}

/** Validate a content script's reply to one of the service worker's requests. */
export function validateReply(kind, reply) {
  let spec;
  if (kind === 'capture') spec = reply?.ok === true ? CONTENT_REPLIES.captured : CONTENT_REPLIES.capture;
  else spec = CONTENT_REPLIES[kind];
  if (!spec) throw new MessageRefused('unknown_reply');
  try {
    check(spec, reply, 'reply');
  } catch (err) {
    if (err instanceof ShapeError) throw new MessageRefused('bad_reply', `${err.path}: ${err.rule}`);
    throw err;
  }
  return reply;
}
