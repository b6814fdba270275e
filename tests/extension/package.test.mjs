// Meta-tests over the extension package itself: permissions stay minimal, the CSP stays strict, model text is
// never parsed as HTML, every message type has a handler, every referenced file exists, IT's schema matches code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT, PAGE } from '../../extension/lib/messages.js';
import { ORG_KEYS } from '../../extension/lib/settings.js';

const ROOT = fileURLToPath(new URL('../../extension/', import.meta.url));
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));

function files(dir = ROOT) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('permissions are minimal: no <all_urls>, no tabs, hosts only the local proxy', () => {
  assert.deepEqual([...manifest.permissions].sort(), ['contextMenus', 'scripting', 'sidePanel', 'storage']);
  assert.deepEqual(manifest.host_permissions, ['http://127.0.0.1/*', 'http://localhost/*']);
  assert.equal(JSON.stringify(manifest).includes('<all_urls>'), false);
  assert.equal(manifest.content_scripts, undefined, 'content scripts are registered only for allowed origins');
  assert.equal(manifest.web_accessible_resources, undefined);
  assert.equal(manifest.externally_connectable, undefined);
});

test('the extension pages\' CSP allows only itself and the local proxy', () => {
  const csp = manifest.content_security_policy.extension_pages;
  assert.match(csp, /default-src 'self'/u);
  assert.match(csp, /script-src 'self'(;|$)/u);
  assert.match(csp, /connect-src http:\/\/127\.0\.0\.1:\* http:\/\/localhost:\*(;|$)/u);
  assert.match(csp, /object-src 'none'/u);
  assert.doesNotMatch(csp, /unsafe|https?:\/\/(?!127\.0\.0\.1|localhost)/u);
});

test('Chromium and Firefox keys are both present', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.side_panel.default_path, 'sidepanel.html');
  assert.equal(manifest.sidebar_action.default_panel, 'sidepanel.html');
  assert.equal(manifest.background.service_worker, 'background.js');
  assert.deepEqual(manifest.background.scripts, ['background.js']);
  assert.ok(manifest.browser_specific_settings.gecko.id);
});

test('no code parses strings as HTML or code', () => {
  const banned = /\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(|\beval\(|new Function\(/u;
  for (const path of files().filter((p) => p.endsWith('.js'))) {
    assert.doesNotMatch(readFileSync(path, 'utf8'), banned, relative(ROOT, path));
  }
});

test('nothing is written to the console (no user text can end up in logs)', () => {
  for (const path of files().filter((p) => p.endsWith('.js'))) {
    assert.doesNotMatch(readFileSync(path, 'utf8'), /\bconsole\.(log|info|warn|error|debug)\(/u, relative(ROOT, path));
  }
});

test('only platform/api.js touches the browser extension API', () => {
  const allowed = new Set(['platform/api.js', 'content/bridge.js']); // content scripts cannot import modules
  for (const path of files().filter((p) => p.endsWith('.js'))) {
    const rel = relative(ROOT, path);
    if (allowed.has(rel)) continue;
    assert.doesNotMatch(readFileSync(path, 'utf8'), /\b(chrome|browser)\.(runtime|storage|tabs|scripting|sidePanel|contextMenus|permissions)\b/u, rel);
  }
});

test('every message type has a handler in the service worker', () => {
  const background = readFileSync(join(ROOT, 'background.js'), 'utf8');
  for (const type of [...Object.keys(CONTENT), ...Object.keys(PAGE)]) {
    const key = /^[a-z]+$/u.test(type) ? new RegExp(`\\b${type}:`, 'u') : new RegExp(`'${type.replace('.', '\\.')}':`, 'u');
    assert.match(background, key, type);
  }
});

test('every file the worker registers or the pages load exists', () => {
  const registration = readFileSync(join(ROOT, 'worker/registration.js'), 'utf8');
  for (const [, file] of registration.matchAll(/'(content\/[a-z0-9/-]+\.js)'/gu)) {
    assert.ok(existsSync(join(ROOT, file)), file);
  }
  for (const page of ['sidepanel.html', 'options.html']) {
    const html = readFileSync(join(ROOT, page), 'utf8');
    for (const [, ref] of html.matchAll(/(?:src|href)="([^"]+)"/gu)) assert.ok(existsSync(join(ROOT, ref)), ref);
    assert.doesNotMatch(html, /<script>(?!<)/u, `${page} has no inline script`);
  }
});

test('IT\'s managed schema names exactly the organisation settings the code reads', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'managed-schema.json'), 'utf8'));
  assert.deepEqual(Object.keys(schema.properties).sort(), [...ORG_KEYS].sort());
  assert.equal(manifest.storage.managed_schema, 'managed-schema.json');
});

test('the package stays small (target ≤ 500 KB)', () => {
  const bytes = files().reduce((n, p) => n + statSync(p).size, 0);
  assert.ok(bytes <= 500 * 1024, `${bytes} bytes`);
});
