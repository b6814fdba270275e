// Options: pairing with the local proxy, organisation settings IT has not locked, and personal settings.
import { permissions, runtime } from './platform/api.js';
import { failureMessage } from './lib/errors.js';
import { normaliseOrigin, originToMatchPattern } from './lib/settings.js';

const $ = (id) => document.getElementById(id);

async function call(type, payload = {}) {
  const res = await runtime.send({ type, payload });
  if (!res) throw { code: 'internal' };
  if (!res.ok) throw res.error ?? { code: 'internal' };
  return res.result;
}

function explain(err) {
  const f = failureMessage(err?.code ?? 'internal', { policyMessage: err?.proxyMessage, rule: err?.rule });
  return `${f.title}. ${f.message}`;
}

async function refreshPairing() {
  try {
    const s = await call('status.get');
    if (s.paired && s.status) {
      $('pair-state').textContent = `Paired. Cosigner ${s.status.proxyVersion}, policy ${s.status.policy.name} ` +
        `v${s.status.policy.version}.`;
      const select = $('default-template');
      const current = select.value;
      select.replaceChildren(new Option('None', ''), ...s.status.templates.map((t) => new Option(t.label, t.id)));
      select.value = current;
    } else {
      $('pair-state').textContent = s.paired ? explain(s.failure) : 'Not paired yet.';
    }
    document.body.dataset.paired = String(s.paired);
  } catch (err) {
    $('pair-state').textContent = explain(err);
  }
}

async function loadSettings() {
  const { settings, managed } = await call('settings.get');
  $('proxy-url').value = settings.proxyUrl;
  $('origins').value = settings.allowedOrigins.join('\n');
  $('proxy-url').disabled = managed.includes('proxyUrl');
  $('origins').disabled = managed.includes('allowedOrigins');
  $('keyboard-hints').checked = settings.personal.keyboardHints;
  await refreshPairing();
  $('default-template').value = settings.personal.defaultTemplateId ?? '';
  return managed;
}

$('pair-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  $('pair-result').textContent = 'Pairing…';
  try {
    const r = await call('pair', { code: $('code').value.trim() });
    $('pair-result').textContent = `Paired with Cosigner ${r.proxyVersion}.`;
    $('code').value = '';
  } catch (err) {
    $('pair-result').textContent = explain(err);
  }
  await refreshPairing();
});

$('unpair').addEventListener('click', async () => {
  await call('unpair');
  $('pair-result').textContent = 'This browser is no longer paired.';
  await refreshPairing();
});

$('save').addEventListener('click', async () => {
  const managed = (await call('settings.get')).managed;
  const org = {};
  try {
    if (!managed.includes('proxyUrl')) org.proxyUrl = $('proxy-url').value.trim();
    if (!managed.includes('allowedOrigins')) {
      org.allowedOrigins = $('origins').value.split('\n').map((s) => s.trim()).filter(Boolean).map(normaliseOrigin);
      // Host access is asked for here, in the click, because the browser only grants it after a user action.
      const patterns = org.allowedOrigins.map(originToMatchPattern);
      if (patterns.length && !(await permissions.contains(patterns)) && !(await permissions.request(patterns))) {
        $('save-result').textContent = 'The browser did not grant access to those sites; nothing was saved.';
        return;
      }
    }
  } catch {
    $('save-result').textContent = 'One of the addresses is not valid (use e.g. https://cases.example.gov.uk).';
    return;
  }
  try {
    await call('settings.save', { org, personal: { defaultTemplateId: $('default-template').value || null,
      keyboardHints: $('keyboard-hints').checked } });
    $('save-result').textContent = 'Saved.';
  } catch (err) {
    $('save-result').textContent = err?.code === 'setting_invalid'
      ? 'A setting is not valid; nothing was saved.' : explain(err);
  }
});

loadSettings();
