// Organisation settings (IT presets them in managed storage, which locks them) merged with personal settings.
// Review rules can only be tightened locally: the stricter of the proxy's and IT's values always wins.

export const DEFAULT_PROXY_URL = 'http://127.0.0.1:8750';

export const ORG_KEYS = Object.freeze(['proxyUrl', 'allowedOrigins', 'reviewRules', 'caseContextSelectors',
  'expectedPolicyHash']);

export class SettingsError extends Error {
  constructor(key, rule) {
    super(`setting ${key}: ${rule}`);
    this.name = 'SettingsError';
    this.key = key;
    this.rule = rule;
  }
}

/** The proxy must be on this machine (the extension's CSP allows nothing else). */
export function normaliseProxyUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new SettingsError('proxyUrl', 'not a URL');
  }
  if (url.protocol !== 'http:') throw new SettingsError('proxyUrl', 'must be http on this computer');
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
    throw new SettingsError('proxyUrl', 'must be 127.0.0.1 or localhost');
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new SettingsError('proxyUrl', 'must be just scheme, host and port');
  }
  return url.origin;
}

/** An allowed case-system origin: http(s), no path, no wildcard. */
export function normaliseOrigin(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new SettingsError('allowedOrigins', 'not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SettingsError('allowedOrigins', 'not http(s)');
  if (url.hostname.includes('*') || url.username || url.password) {
    throw new SettingsError('allowedOrigins', 'wildcards and credentials are not allowed');
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new SettingsError('allowedOrigins', 'must be an origin without a path');
  }
  return url.origin;
}

/**
 * The match pattern for content-script registration and host permissions.  Match patterns cannot carry a port in
 * every browser, so the pattern covers the host; the router still checks the exact origin (with port).
 */
export function originToMatchPattern(origin) {
  const url = new URL(normaliseOrigin(origin));
  return `${url.protocol}//${url.hostname}/*`;
}

function normaliseSelectors(value) {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new SettingsError('caseContextSelectors', 'not an object');
  const out = {};
  for (const [name, selector] of Object.entries(value)) {
    if (!/^[a-z][a-z0-9_]{0,63}$/u.test(name)) throw new SettingsError('caseContextSelectors', 'bad name');
    if (typeof selector !== 'string' || selector.length === 0 || selector.length > 300) {
      throw new SettingsError(`caseContextSelectors.${name}`, 'bad selector');
    }
    out[name] = selector;
  }
  return out;
}

function normaliseReviewRules(value) {
  const rules = { minDwellMsBase: 0, minDwellMsPerWord: 0, allowBulkAccept: true };
  if (value === undefined || value === null) return rules;
  if (typeof value !== 'object' || Array.isArray(value)) throw new SettingsError('reviewRules', 'not an object');
  for (const [key, v] of Object.entries(value)) {
    if (key === 'minDwellMsBase' || key === 'minDwellMsPerWord') {
      if (!Number.isInteger(v) || v < 0 || v > 600_000) throw new SettingsError(`reviewRules.${key}`, 'bad number');
      rules[key] = v;
    } else if (key === 'allowBulkAccept') {
      if (typeof v !== 'boolean') throw new SettingsError(`reviewRules.${key}`, 'not a boolean');
      rules[key] = v;
    } else {
      throw new SettingsError(`reviewRules.${key}`, 'unknown key');
    }
  }
  return rules;
}

export function normaliseOrgValue(key, value) {
  switch (key) {
    case 'proxyUrl':
      return normaliseProxyUrl(value);
    case 'allowedOrigins':
      if (!Array.isArray(value)) throw new SettingsError(key, 'not a list');
      return [...new Set(value.map(normaliseOrigin))];
    case 'reviewRules':
      return normaliseReviewRules(value);
    case 'caseContextSelectors':
      return normaliseSelectors(value);
    case 'expectedPolicyHash':
      if (value === null) return null;
      if (typeof value !== 'string' || !/^[A-Za-z0-9:_-]{8,200}$/u.test(value)) {
        throw new SettingsError(key, 'bad hash');
      }
      return value;
    default:
      throw new SettingsError(key, 'unknown key');
  }
}

const ORG_DEFAULTS = Object.freeze({
  proxyUrl: DEFAULT_PROXY_URL,
  allowedOrigins: [],
  reviewRules: normaliseReviewRules(undefined),
  caseContextSelectors: {},
  expectedPolicyHash: null,
});

/**
 * Merge managed (IT) and local (personal or unlocked org) settings.  A managed key is locked: the local value is
 * ignored.  An invalid managed value fails closed (raises) rather than silently falling back to a looser default.
 */
export function mergeSettings(managed = {}, local = {}) {
  const effective = {};
  const locked = [];
  for (const key of ORG_KEYS) {
    if (managed[key] !== undefined) {
      effective[key] = normaliseOrgValue(key, managed[key]);
      locked.push(key);
    } else if (local[key] !== undefined) {
      try {
        effective[key] = normaliseOrgValue(key, local[key]);
      } catch {
        effective[key] = structuredClone(ORG_DEFAULTS[key]);
      }
    } else {
      effective[key] = structuredClone(ORG_DEFAULTS[key]);
    }
  }
  const personal = {
    defaultTemplateId: typeof local.defaultTemplateId === 'string' ? local.defaultTemplateId : null,
    keyboardHints: local.keyboardHints !== false,
  };
  return Object.freeze({ ...effective, personal, locked: Object.freeze(locked) });
}

/** Combine the proxy's review block with IT's rules; each value takes the stricter side. */
export function effectiveReviewRules(proxyReview, orgRules) {
  const base = Math.max(proxyReview?.min_dwell_ms_base ?? 0, orgRules?.minDwellMsBase ?? 0);
  const perWord = Math.max(proxyReview?.min_dwell_ms_per_word ?? 0, orgRules?.minDwellMsPerWord ?? 0);
  return Object.freeze({
    dwell: Object.freeze({ baseMs: base, perWordMs: perWord }),
    allowBulkAccept: proxyReview?.allow_bulk_accept === true && orgRules?.allowBulkAccept !== false,
    attestationText: typeof proxyReview?.attestation_text === 'string' ? proxyReview.attestation_text : '',
    attestationVersion: typeof proxyReview?.attestation_version === 'string'
      ? proxyReview.attestation_version : String(proxyReview?.attestation_version ?? ''),
  });
}

/** True when IT pinned a policy hash and the proxy reports a different one. */
export function policyMismatch(expectedHash, policy) {
  return typeof expectedHash === 'string' && expectedHash !== '' && policy?.hash !== expectedHash;
}
