// The service worker's client for the proxy's drafting API.  `fetchFn` is injected so the client is testable
// under node; every call has a timeout so no spinner runs forever.  Errors come out as ProxyError with a
// `kind` from lib/errors.js.
import { classify } from './errors.js';
import { any, arr, check, obj, oneOf, ShapeError, str } from './validate.js';

export class ProxyError extends Error {
  constructor(kind, { status = 0, code = '', proxyMessage = null, rule = null } = {}) {
    super(`proxy call failed: ${kind}${code ? ` (${code})` : ''}`);
    this.name = 'ProxyError';
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.proxyMessage = proxyMessage;
    this.rule = rule;
  }
}

export const TIMEOUTS_MS = Object.freeze({ pair: 10_000, status: 5_000, drafts: 120_000, decision: 15_000,
  insertion: 10_000, draft: 10_000 });

const policySpec = obj({ name: str(200), version: any(), hash: str(200) }, { optional: true });
// Answers may grow new keys over time; only the keys we use are checked (unknown ones are ignored).
function checkLoose(spec, value, path) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ShapeError(path, 'not an object');
  for (const [k, s] of Object.entries(spec)) check(s, value[k], `${path}.${k}`);
}

const ANSWERS = {
  pair: { token: str(1000, { min: 16 }), proxy_version: str(100), policy: policySpec },
  status: {
    ok: oneOf([true]),
    proxy_version: str(100),
    policy: obj({ name: str(200), version: any(), hash: str(200) }),
    templates: arr(obj({ id: str(100), label: str(200) }), { max: 100 }),
    review: any(),
    tag: any({ optional: true }),
  },
  drafts: {
    draft_id: str(128, { min: 1 }),
    draft_text: str(400_000),
    hunks: arr(any(), { max: 5000 }),
    marker: str(200, { nullable: true, optional: true }),
    tag: any({ optional: true }),
  },
  decision: { receipt: any(), tag_line: str(400, { nullable: true }) },
  insertion: { ok: oneOf([true]) },
  draft: { draft_id: str(128), status: oneOf(['issued', 'accepted', 'rejected']) },
};

const DRAFT_ID = /^[A-Za-z0-9_.:-]{1,128}$/u;

export function createProxyClient({ fetchFn, baseUrl, getToken, timeouts = TIMEOUTS_MS }) {
  async function call(kind, path, body, { auth = true } = {}) {
    const headers = { 'Content-Type': 'application/json' };
    if (auth) {
      const token = await getToken();
      if (!token) throw new ProxyError('not_paired');
      headers.Authorization = `Bearer ${token}`;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeouts[kind]);
    let response;
    try {
      response = await fetchFn(`${baseUrl}/cosigner/v1/${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
      });
    } catch {
      throw new ProxyError(controller.signal.aborted ? 'timeout' : 'proxy_not_running');
    } finally {
      clearTimeout(timer);
    }
    let data;
    try {
      data = await response.json();
    } catch {
      const kind = response.ok ? 'bad_response' : classify({ status: response.status });
      throw new ProxyError(kind, { status: response.status });
    }
    if (!response.ok) {
      const error = data && typeof data.error === 'object' && data.error !== null ? data.error : {};
      const code = typeof error.code === 'string' ? error.code : '';
      throw new ProxyError(classify({ status: response.status, code }), {
        status: response.status,
        code,
        proxyMessage: typeof error.message === 'string' ? error.message.slice(0, 1000) : null,
        rule: typeof error.rule === 'string' ? error.rule : null,
      });
    }
    try {
      checkLoose(ANSWERS[kind], data, kind);
    } catch (err) {
      if (err instanceof ShapeError) throw new ProxyError('bad_response', { status: response.status });
      throw err;
    }
    return data;
  }

  const draftPath = (id, suffix) => {
    if (typeof id !== 'string' || !DRAFT_ID.test(id)) throw new ProxyError('bad_response');
    return `drafts/${encodeURIComponent(id)}${suffix}`;
  };

  return Object.freeze({
    pair: (code) => call('pair', 'pair', { code }, { auth: false }),
    status: () => call('status', 'status', {}),
    draft: (body) => call('drafts', 'drafts', body),
    decide: async (id, body) => call('decision', draftPath(id, '/decision'), body),
    recordInsertion: async (id, body) => call('insertion', draftPath(id, '/insertion'), body),
    draftStatus: async (id) => call('draft', draftPath(id, ''), {}),
  });
}
