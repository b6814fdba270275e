// Flags mark hunks the practitioner must confirm one by one: facts the model added or meaning it reversed.
// Labels are the practitioner-facing wording; an unknown kind is still treated as flagged (fail closed).

export const FLAG_LABELS = Object.freeze({
  new_name: 'New name not in your text',
  new_number: 'New number not in your text',
  new_date: 'New date not in your text',
  new_time: 'New time not in your text',
  new_money: 'New amount of money not in your text',
  new_address: 'New address or place not in your text',
  new_quote: 'New quoted speech not in your text',
  new_risk_term: 'Risk term added by the AI',
  negation_added: 'A negation was added (meaning may be reversed)',
  negation_removed: 'A negation was removed (meaning may be reversed)',
});

const MAX_DETAIL = 200;

export function isKnownFlagKind(kind) {
  return Object.prototype.hasOwnProperty.call(FLAG_LABELS, kind);
}

export function describeFlag(flag) {
  const kind = typeof flag?.kind === 'string' ? flag.kind : 'unknown';
  const label = isKnownFlagKind(kind) ? FLAG_LABELS[kind] : 'Change the checker could not classify';
  const rawDetail = typeof flag?.detail === 'string' ? flag.detail : '';
  const detail = rawDetail.length > MAX_DETAIL ? `${rawDetail.slice(0, MAX_DETAIL - 1)}…` : rawDetail;
  return Object.freeze({ kind, label, detail, known: isKnownFlagKind(kind) });
}

export function describeFlags(flags) {
  if (!Array.isArray(flags)) return [];
  return flags.map(describeFlag);
}

/** A hunk needs individual confirmation when it is changed and carries at least one flag. */
export function needsConfirmation(hunk) {
  return Boolean(hunk?.changed) && Array.isArray(hunk?.flags) && hunk.flags.length > 0;
}

/** Counts per flag kind, for the panel's summary line ("2 new names, 1 negation change"). */
export function summariseFlags(hunks) {
  const counts = new Map();
  for (const hunk of hunks) {
    if (!needsConfirmation(hunk)) continue;
    for (const flag of hunk.flags) {
      const { kind } = describeFlag(flag);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
  }
  return [...counts.entries()].map(([kind, count]) => ({ kind, count, label: describeFlag({ kind }).label }));
}
