// local-store.js: the browser's copy of the synced state and the queue of pending mutations, in
// IndexedDB. A batch is one readwrite transaction with strict durability, and it counts as saved
// only once that transaction's `complete` event has fired (the data is then on disk).
//
// API (every function is async; only load() ever rejects; values are JSON-able):
//
//   open(name) -> {status, message}
//       "ready"        the store exists and its sentinel record is there.
//       "new"          created now (the sentinel is written in the creating transaction).
//       "wiped"        this origin had a store (remembered in localStorage `wb.store.<name>`)
//                      but it or its sentinel is gone: evicted or cleared by the browser or the
//                      user. The sentinel is written again; the app must say so, not treat the
//                      store as an empty account.
//       "unavailable"  no IndexedDB, or it cannot be opened (private mode, blocked storage, a
//                      newer version open in another tab, ...); `message` says which.
//   load() -> {meta: {key: value}, rows: [[key, value]], pending: [[id, value]]}
//       pending sorted by numeric id. Rejects with an Error (its `kind` as for commit, its
//       message for a person) when the store cannot be read, so that a failure can never be
//       mistaken for an empty store.
//   commit(batch) -> {ok: true} | {ok: false, kind, message}
//       kind "full"        the browser refused for lack of space (QuotaExceededError);
//            "conflict"    an expectMeta value differed: nothing was written;
//            "wiped"       the connection was lost and on reopening the store had been wiped:
//                          the batch was NOT written onto the empty store. The store is open
//                          again (empty, with a new sentinel): start over from the server
//                          before committing more;
//            "unavailable" no open store, or it could not be reopened;
//            "error"       anything else (a bad key, a value that cannot be stored, ...).
//       Batch fields, all optional, applied in this order inside ONE transaction:
//         expectMeta {k: v}      read first; a stored value that differs (absent == null)
//                                aborts the whole batch with kind "conflict";
//         clearRows bool, deleteRows [key], putRows [[key, value]],
//         deleteMeta [k], putMeta {k: v},
//         clearPending bool, deletePendingThrough id (every pending id <= it),
//         deletePending [id], putPending [[id, value]]      (ids are numbers).
//       A connection the browser dropped (the `close` event, Safari's "connection lost",
//       InvalidStateError from transaction(), or a transaction aborted under us) is reopened
//       once and the batch retried on the new handle: an aborted transaction wrote nothing, so
//       the retry cannot apply it twice. `versionchange` (another tab deleting or upgrading the
//       database) closes our handle so it never blocks them.
//   estimate() -> {usage, quota, persisted}      (null where navigator.storage lacks it)
//   persist()  -> boolean                        (navigator.storage.persist(); false if absent)
//   close()
//
// `_testing` is for the browser tests only (tests/browser/local-store.test.mjs).

const DATA_STORES = ['meta', 'rows', 'pending'];
const SENTINEL_STORE = 'sentinel';
const SENTINEL_KEY = 'sentinel';
const BLOCKED_GRACE_MS = 3000;

// One store per page: the app opens one account's store at a time.
// `generation` changes on every open() and close(), so a connect() that finishes late does not
// adopt a handle nobody wants any more.
const state = { name: null, db: null, closedByApp: false, reopening: null, generation: 0 };

const MESSAGES = {
  noIndexedDB: 'This browser offers no IndexedDB storage here (private browsing, or site data ' +
    'turned off): changes are kept in memory only and are lost when the tab closes.',
  security: 'The browser blocks storage for this site (private browsing, or cookies and site ' +
    'data blocked in its settings): changes are kept in memory only and are lost when the tab closes.',
  version: 'A newer version of the workbench is open in another tab: reload this tab.',
  blocked: 'Another tab holds the local database open with an older version of the workbench: ' +
    'close the other tabs of the workbench and reload.',
  full: 'The browser\'s storage for this site is full: free space on the device or remove ' +
    'other sites\' data, then try again.',
  notOpen: 'The local store is not open.',
  lostTwice: 'The browser dropped the connection to the local database twice in a row: reload the page.',
  wiped: 'The browser dropped the local database and it came back empty (cleared or evicted): ' +
    'the change was not saved on top of the empty store.',
  new: 'The local database was created.',
  ready: 'The local database is ready.',
};

function describe(error) {
  if (!error) return 'unknown error';
  return error.name ? `${error.name}: ${error.message}` : String(error.message || error);
}

function unavailableMessage(error) {
  switch (error && error.name) {
    case 'SecurityError':
    case 'InvalidStateError': return `${MESSAGES.security} (${describe(error)})`;
    case 'VersionError': return MESSAGES.version;
    case 'QuotaExceededError': return MESSAGES.full;
    case 'Blocked': return MESSAGES.blocked;
    default: return `The browser's storage could not be opened (${describe(error)}): changes are ` +
      'kept in memory only and are lost when the tab closes.';
  }
}

// --- localStorage memory of "this origin had a store" ------------------------------------------

function rememberKey(name) { return `wb.store.${name}`; }

function wasRemembered(name) {
  try { return globalThis.localStorage?.getItem(rememberKey(name)) != null; } catch { return false; }
}

function remember(name) {
  try { globalThis.localStorage?.setItem(rememberKey(name), new Date().toISOString()); } catch { /* no localStorage: "wiped" cannot be told from "new" */ }
}

// --- opening ----------------------------------------------------------------------------------

// Opens the database at its current version, or at `version` to add missing object stores.
// The upgrade transaction creates whatever store is missing; when the sentinel store itself was
// missing (a database created now, or by someone else), it writes the sentinel and says
// `created`. Resolves {db, created} or {error}.
function openDatabase(name, version) {
  return new Promise((resolve) => {
    let request;
    try {
      request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    } catch (error) {
      resolve({ error });
      return;
    }
    let settled = false;
    let created = false;
    let blockedTimer = null;
    const settle = (value) => {
      clearTimeout(blockedTimer);
      if (settled) { value.db?.close(); return; }
      settled = true;
      resolve(value);
    };
    request.onupgradeneeded = () => {
      const db = request.result;
      const hadSentinelStore = db.objectStoreNames.contains(SENTINEL_STORE);
      for (const store of [...DATA_STORES, SENTINEL_STORE]) {
        if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
      }
      if (!hadSentinelStore) {
        created = true;
        request.transaction.objectStore(SENTINEL_STORE).put({ created: new Date().toISOString() }, SENTINEL_KEY);
      }
    };
    request.onsuccess = () => settle({ db: request.result, created });
    request.onerror = (event) => { event.preventDefault(); settle({ error: request.error }); };
    request.onblocked = () => {
      blockedTimer = setTimeout(() => settle({ error: { name: 'Blocked', message: 'open blocked' } }), BLOCKED_GRACE_MS);
    };
  });
}

// Reads the sentinel of an existing database and writes it back when missing. Resolves
// {present} or {error}.
function ensureSentinel(db) {
  return new Promise((resolve) => {
    let present = false;
    try {
      const tx = db.transaction([SENTINEL_STORE], 'readwrite', { durability: 'strict' });
      const store = tx.objectStore(SENTINEL_STORE);
      const get = store.get(SENTINEL_KEY);
      get.onsuccess = () => {
        present = get.result !== undefined;
        if (!present) store.put({ created: new Date().toISOString() }, SENTINEL_KEY);
      };
      tx.oncomplete = () => resolve({ present });
      tx.onabort = () => resolve({ error: tx.error || { name: 'AbortError', message: 'aborted' } });
    } catch (error) {
      resolve({ error });
    }
  });
}

function adopt(db) {
  db.onclose = () => { db.close(); if (state.db === db) state.db = null; };
  db.onversionchange = () => { db.close(); if (state.db === db) state.db = null; };
  state.db = db;
}

// Opens state.name and decides its status. Does not touch state.db unless it succeeds.
async function connect() {
  const name = state.name;
  const generation = state.generation;
  if (typeof indexedDB === 'undefined' || !indexedDB) return { status: 'unavailable', message: MESSAGES.noIndexedDB };
  let opened = await openDatabase(name);
  const missing = opened.db && [...DATA_STORES, SENTINEL_STORE].some((store) => !opened.db.objectStoreNames.contains(store));
  if (missing) {
    // An existing database without our stores (made by a plain open(name), or an older schema):
    // one version up adds them.
    const version = opened.db.version + 1;
    opened.db.close();
    opened = await openDatabase(name, version);
  }
  if (opened.error) return { status: 'unavailable', message: unavailableMessage(opened.error) };
  const db = opened.db;
  let status = 'ready';
  if (opened.created) {
    status = wasRemembered(name) ? 'wiped' : 'new';
  } else {
    const sentinel = await ensureSentinel(db);
    if (sentinel.error) {
      db.close();
      return { status: 'unavailable', message: unavailableMessage(sentinel.error) };
    }
    if (!sentinel.present) status = 'wiped';
  }
  if (state.generation !== generation || state.closedByApp) { db.close(); return { status: 'unavailable', message: MESSAGES.notOpen }; }
  remember(name);
  adopt(db);
  const message = status === 'wiped'
    ? 'The local database of this site was cleared or evicted by the browser since the last visit: ' +
      'what was not yet sent to the server is lost.'
    : MESSAGES[status];
  return { status, message };
}

export async function open(name) {
  close();
  state.name = String(name);
  state.closedByApp = false;
  state.reopening = null;
  return connect();
}

export function close() {
  state.generation += 1;
  state.closedByApp = true;
  state.db?.close();
  state.db = null;
}

// The live handle, reopening a dropped one (one reopen shared by concurrent callers). Resolves
// {db} or {kind, message}.
async function liveHandle() {
  if (state.db) return { db: state.db };
  if (state.name === null || state.closedByApp) return { kind: 'unavailable', message: MESSAGES.notOpen };
  if (!state.reopening) {
    const reopening = connect().finally(() => { if (state.reopening === reopening) state.reopening = null; });
    state.reopening = reopening;
  }
  const reopened = await state.reopening;
  if (reopened.status === 'ready') return { db: state.db };
  if (reopened.status === 'unavailable') return { kind: 'unavailable', message: reopened.message };
  return { kind: 'wiped', message: MESSAGES.wiped };
}

function dropHandle(db) {
  try { db.close(); } catch { /* already closed */ }
  if (state.db === db) state.db = null;
}

// Errors that mean "this handle is dead", not "this batch is wrong".
function isLostConnection(error) {
  return !error || ['AbortError', 'UnknownError', 'InvalidStateError'].includes(error.name);
}

// Runs `attempt(db)` (a promise of a result or {lost: true}) on a live handle, reopening and
// retrying once when the handle turns out to be dead.
async function withHandle(attempt) {
  for (let tries = 0; tries < 2; tries += 1) {
    const handle = await liveHandle();
    if (!handle.db) return { ok: false, kind: handle.kind, message: handle.message };
    const result = await attempt(handle.db);
    if (!result.lost) return result;
    dropHandle(handle.db);
  }
  return { ok: false, kind: 'unavailable', message: MESSAGES.lostTwice };
}

// --- load -------------------------------------------------------------------------------------

function loadAttempt(db) {
  return new Promise((resolve) => {
    let tx;
    try {
      tx = db.transaction(DATA_STORES, 'readonly');
    } catch (error) {
      resolve(isLostConnection(error) ? { lost: true } : { ok: false, kind: 'error', message: describe(error) });
      return;
    }
    const reads = {};
    for (const store of DATA_STORES) {
      reads[store] = { keys: tx.objectStore(store).getAllKeys(), values: tx.objectStore(store).getAll() };
    }
    const pairs = (store) => reads[store].keys.result.map((key, i) => [key, reads[store].values.result[i]]);
    tx.oncomplete = () => {
      const meta = {};
      for (const [key, value] of pairs('meta')) meta[key] = value;
      const pending = pairs('pending').sort((a, b) => Number(a[0]) - Number(b[0]));
      resolve({ ok: true, contents: { meta, rows: pairs('rows'), pending } });
    };
    tx.onabort = () => resolve(isLostConnection(tx.error) ? { lost: true } : { ok: false, kind: 'error', message: describe(tx.error) });
  });
}

export async function load() {
  const result = await withHandle(loadAttempt);
  if (result.ok) return result.contents;
  throw Object.assign(new Error(result.message), { kind: result.kind });
}

// --- commit -----------------------------------------------------------------------------------

function pendingKey(id) {
  const key = Number(id);
  if (!Number.isFinite(key)) throw new TypeError(`pending id ${JSON.stringify(id)} is not a number`);
  return key;
}

function sameValue(stored, expected) {
  return JSON.stringify(stored === undefined ? null : stored) === JSON.stringify(expected === undefined ? null : expected);
}

// Issues every request of the batch on `tx`. Throws on a bad key or value (the caller aborts).
function writeBatch(tx, batch, onConflict) {
  const meta = tx.objectStore('meta');
  const rows = tx.objectStore('rows');
  const pending = tx.objectStore('pending');
  for (const [key, expected] of Object.entries(batch.expectMeta || {})) {
    const get = meta.get(key);
    get.onsuccess = () => { if (!sameValue(get.result, expected)) onConflict(key, expected, get.result); };
  }
  if (batch.clearRows) rows.clear();
  for (const key of batch.deleteRows || []) rows.delete(key);
  for (const [key, value] of batch.putRows || []) rows.put(value, key);
  for (const key of batch.deleteMeta || []) meta.delete(key);
  for (const [key, value] of Object.entries(batch.putMeta || {})) meta.put(value, key);
  if (batch.clearPending) pending.clear();
  if (batch.deletePendingThrough !== undefined && batch.deletePendingThrough !== null) {
    pending.delete(IDBKeyRange.upperBound(pendingKey(batch.deletePendingThrough)));
  }
  for (const id of batch.deletePending || []) pending.delete(pendingKey(id));
  for (const [id, value] of batch.putPending || []) pending.put(value, pendingKey(id));
}

function commitAttempt(db, batch) {
  return new Promise((resolve) => {
    let tx;
    try {
      tx = db.transaction(DATA_STORES, 'readwrite', { durability: 'strict' });
    } catch (error) {
      resolve(isLostConnection(error) ? { lost: true } : { ok: false, kind: 'error', message: describe(error) });
      return;
    }
    let ours = null; // why we aborted, when we did
    tx.oncomplete = () => resolve({ ok: true });
    tx.onabort = () => {
      const error = tx.error;
      if (ours) resolve(ours);
      else if (error && error.name === 'QuotaExceededError') resolve({ ok: false, kind: 'full', message: MESSAGES.full });
      else if (isLostConnection(error)) resolve({ lost: true });
      else resolve({ ok: false, kind: 'error', message: `The change could not be saved (${describe(error)}).` });
    };
    const abortWith = (result) => {
      if (ours) return;
      ours = result;
      try { tx.abort(); } catch { /* already finishing: onabort reports */ }
    };
    try {
      writeBatch(tx, batch, (key, expected, actual) => abortWith({
        ok: false, kind: 'conflict',
        message: `Another tab changed "${key}" first (expected ${JSON.stringify(expected)}, found ${JSON.stringify(actual === undefined ? null : actual)}).`,
      }));
    } catch (error) {
      abortWith({ ok: false, kind: 'error', message: `The change could not be saved (${describe(error)}).` });
    }
  });
}

export async function commit(batch = {}) {
  return withHandle((db) => commitAttempt(db, batch || {}));
}

// --- storage estimate and persistence ---------------------------------------------------------

export async function estimate() {
  const storage = globalThis.navigator?.storage;
  const result = { usage: null, quota: null, persisted: null };
  try {
    if (storage?.estimate) {
      const e = await storage.estimate();
      result.usage = typeof e.usage === 'number' ? e.usage : null;
      result.quota = typeof e.quota === 'number' ? e.quota : null;
    }
  } catch { /* leave null */ }
  try {
    if (storage?.persisted) result.persisted = (await storage.persisted()) === true;
  } catch { /* leave null */ }
  return result;
}

export async function persist() {
  try {
    const storage = globalThis.navigator?.storage;
    return storage?.persist ? (await storage.persist()) === true : false;
  } catch {
    return false;
  }
}

// For the browser tests only: the handle, and a way to kill it behind the module's back the way
// a browser does (a later transaction() throws InvalidStateError).
export const _testing = {
  handle: () => state.db,
  dropConnection() { state.db?.close(); },
};
