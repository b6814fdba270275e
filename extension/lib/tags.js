// Tag lines and unreviewed-draft markers.  The proxy issues both; the extension only checks their shape, finds
// them in text, and never builds them itself (the wording belongs to the organisation's policy).

const MAX_TAG_LINE = 400;
// The proxy's unreviewed-draft marker: `⟦<policy wording> · unreviewed · ref AIP-XXXX-XXXX⟧`.  The wording is the
// organisation's; the rest is fixed so any Cosigner marker is recognised, whichever draft it came from.
export const MARKER_RE = /⟦([^⟦⟧\n]{1,80}) · unreviewed · ref (AIP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})⟧/u;
export const MARKER_RE_GLOBAL = new RegExp(MARKER_RE.source, 'gu');
const MAX_MARKER = 200;
// Controls and invisible format characters have no place in a visible one-line tag.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/u;

export class TagError extends Error {
  constructor(code) {
    super(`tag refused: ${code}`);
    this.name = 'TagError';
    this.code = code;
  }
}

/** The tag line from a decision receipt: null, or one visible line. */
export function validateTagLine(tagLine) {
  if (tagLine === null || tagLine === undefined) return null;
  if (typeof tagLine !== 'string') throw new TagError('not_string');
  if (tagLine.trim() === '') throw new TagError('empty');
  if (tagLine.length > MAX_TAG_LINE) throw new TagError('too_long');
  if (FORBIDDEN.test(tagLine)) throw new TagError('control_characters');
  return tagLine;
}

/** The unreviewed-draft marker from a drafts response: null, or a short non-blank string. */
export function validateMarker(marker) {
  if (marker === null || marker === undefined) return null;
  if (typeof marker !== 'string' || marker.trim().length < 4 || marker.length > MAX_MARKER) {
    throw new TagError('bad_marker');
  }
  return marker;
}

/** Parse every Cosigner marker in `text`: [{wording, ref}]. */
export function parseMarkers(text) {
  if (typeof text !== 'string') return [];
  return [...text.matchAll(MARKER_RE_GLOBAL)].map((m) => ({ wording: m[1], ref: m[2] }));
}

/** Markers found in `text` (exact substring search; markers are issued verbatim by the proxy). */
export function findMarkers(text, markers) {
  if (typeof text !== 'string' || text === '') return [];
  return markers.filter((m) => typeof m === 'string' && m.length >= 4 && text.includes(m));
}

/** Remove every occurrence of a marker (the accepted text must never carry the "unreviewed" marker). */
export function stripMarkers(text, markers) {
  let out = text;
  for (const m of markers) if (typeof m === 'string' && m.length >= 4) out = out.split(m).join('');
  return out;
}

/**
 * Split text read back from a field into body and trailing tag line, when the last line is exactly `tagLine`.
 * Editors may turn the newline before the tag into a paragraph break, so any trailing whitespace run counts.
 */
export function splitTagLine(text, tagLine) {
  if (!tagLine) return { body: text, tagLine: null };
  const trimmed = text.replace(/\s+$/u, '');
  if (!trimmed.endsWith(tagLine)) return { body: text, tagLine: null };
  const body = trimmed.slice(0, trimmed.length - tagLine.length).replace(/[\s]+$/u, '');
  return { body, tagLine };
}
