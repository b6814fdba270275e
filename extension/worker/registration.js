// Content scripts and the context menu exist only on the case-system origins IT (or the practitioner, when IT
// has not locked the list) allowed, and only where the browser granted host permission.
import { menus, permissions, scripting } from '../platform/api.js';
import { originToMatchPattern } from '../lib/settings.js';

export const MENU_ID = 'cosigner-draft';
const ISOLATED_ID = 'cosigner-bridge';
const MAIN_ID = 'cosigner-main-world';

export const BRIDGE_FILES = Object.freeze([
  'content/shared.js',
  'content/adapters/registry.js',
  'content/adapters/text-control.js',
  'content/adapters/contenteditable.js',
  'content/adapters/ckeditor5.js',
  'content/adapters/tinymce.js',
  'content/adapters/quill.js',
  'content/main-channel.js',
  'content/bridge.js',
]);

export async function grantedPatterns(allowedOrigins) {
  const patterns = [...new Set(allowedOrigins.map(originToMatchPattern))];
  const granted = [];
  for (const p of patterns) if (await permissions.contains([p])) granted.push(p);
  return granted;
}

export async function syncRegistration(allowedOrigins) {
  const patterns = await grantedPatterns(allowedOrigins);
  const existing = (await scripting.registered()).map((s) => s.id).filter((id) => id === ISOLATED_ID || id === MAIN_ID);
  if (existing.length) await scripting.unregister(existing);
  if (patterns.length) {
    const isolated = { id: ISOLATED_ID, matches: patterns, js: [...BRIDGE_FILES], allFrames: true,
      runAt: 'document_idle', persistAcrossSessions: true };
    const mainWorld = { id: MAIN_ID, matches: patterns, js: ['content/main-world.js'], allFrames: true,
      runAt: 'document_idle', world: 'MAIN', persistAcrossSessions: true };
    try {
      // Chromium: reach about:srcdoc editor frames (TinyMCE) through their parent's origin.
      await scripting.register([{ ...isolated, matchOriginAsFallback: true },
        { ...mainWorld, matchOriginAsFallback: true }]);
    } catch {
      // Browsers without matchOriginAsFallback or a MAIN world (older Firefox): the bridge still works on every
      // field; editors then use their DOM strategies and DOM read-back only.
      await scripting.register([{ ...isolated, matchAboutBlank: true }]).catch(() => scripting.register([isolated]));
    }
  }
  await menus.replace(patterns.length ? [{ id: MENU_ID, title: 'Draft with Cosigner', contexts: ['editable'] }] : []);
  return patterns;
}
