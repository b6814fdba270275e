// Where the pairing token lives: the extension origin's IndexedDB (persistent) with storage.session as an
// in-memory cache for service-worker restarts.  Neither is reachable from content scripts: IndexedDB is keyed by
// origin (a content script uses the page's), and storage.session defaults to trusted contexts only.
// storage.local was rejected because content scripts can read it unless every browser honours setAccessLevel.
import { storage } from './api.js';

const DB_NAME = 'cosigner';
const STORE = 'secrets';
const KEY = 'pairing';
const SESSION_KEY = 'pairingCache';

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore(mode, fn) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

let memory = null;

/** @returns {Promise<{token:string, proxyUrl:string, pairedAt:number}|null>} */
export async function loadPairing() {
  if (memory) return memory;
  const cached = (await storage.session.get(SESSION_KEY))[SESSION_KEY];
  if (cached) {
    memory = cached;
    return memory;
  }
  const stored = await withStore('readonly', (s) => s.get(KEY));
  if (stored && typeof stored.token === 'string') {
    memory = stored;
    await storage.session.set({ [SESSION_KEY]: stored });
    return memory;
  }
  return null;
}

export async function savePairing(pairing) {
  await withStore('readwrite', (s) => s.put(pairing, KEY));
  await storage.session.set({ [SESSION_KEY]: pairing });
  memory = pairing;
}

export async function forgetPairing() {
  memory = null;
  await storage.session.remove(SESSION_KEY);
  await withStore('readwrite', (s) => s.delete(KEY));
}
