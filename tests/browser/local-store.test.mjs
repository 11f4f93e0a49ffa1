// web/local-store.js in real Chromium: batches are all-or-nothing, strict durability, success
// only after `complete`, expectMeta conflicts between tabs, reopening a dropped connection,
// wiped/unavailable/full stores, a page killed in the middle of a write, and data surviving a
// reload and a browser restart. Needs no C++ build: the module is served by a plain static server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { launchBrowser } from './lib/browser.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');
const BLANK = '<!doctype html><meta charset="utf-8"><title>local-store test</title>';

let server;
let browser;
let shared; // one page for the tests that need no fresh origin, each on its own database

before(async () => {
  server = await startStaticServer({ root: WEB });
  browser = await launchBrowser();
  shared = await storePage(await browser.newContext());
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// A page on the static server's origin with the module imported as window.store. The page
// itself is an empty document (the module is what is served for real).
async function storePage(context) {
  await context.route(`${server.url}/blank.html`, (route) => route.fulfill({ contentType: 'text/html', body: BLANK }));
  const page = await context.newPage();
  await page.goto(`${server.url}/blank.html`);
  await page.evaluate(async () => { window.store = await import('/local-store.js'); });
  return page;
}

async function freshPage() {
  const context = await browser.newContext();
  return { context, page: await storePage(context) };
}

const run = (page, fn, arg) => page.evaluate(fn, arg);
const openStore = (page, name = 'wb-test') => run(page, (n) => window.store.open(n), name);
const commit = (page, batch) => run(page, (b) => window.store.commit(b), batch);
const load = (page) => run(page, () => window.store.load());

const BASE = {
  putMeta: { cursor: '"v7"', nextMutation: '3' },
  putRows: [['student/1', '{"name":"Ann"}'], ['student/2', '{"name":"Bo"}']],
  putPending: [[10, '{"m":10}'], [2, '{"m":2}'], [33, '{"m":33}']],
};

test('a new store, then data that round-trips with pending sorted by id and survives a reload', async () => {
  const { context, page } = await freshPage();
  assert.equal((await openStore(page)).status, 'new');
  assert.deepEqual(await commit(page, BASE), { ok: true });
  const loaded = await load(page);
  assert.deepEqual(loaded.meta, BASE.putMeta);
  assert.deepEqual(loaded.rows, BASE.putRows);
  assert.deepEqual(loaded.pending.map(([id]) => id), [2, 10, 33]);

  await page.reload();
  await page.evaluate(async () => { window.store = await import('/local-store.js'); });
  assert.equal((await openStore(page)).status, 'ready');
  assert.deepEqual(await load(page), loaded);

  // deletePendingThrough drops the confirmed prefix only.
  assert.deepEqual(await commit(page, { deletePendingThrough: 10, deleteRows: ['student/2'] }), { ok: true });
  const after = await load(page);
  assert.deepEqual(after.pending, [[33, '{"m":33}']]);
  assert.deepEqual(after.rows, [['student/1', '{"name":"Ann"}']]);
  await context.close();
});

test('a batch is all-or-nothing: a bad put in the middle leaves nothing, not even the clear before it', async () => {
  const page = shared;
  await openStore(page, 'batch');
  await commit(page, BASE);
  const before = await load(page);
  // The middle row key is an object (not a valid IndexedDB key): put() throws DataError after
  // clearRows and the first puts were already issued in the same transaction.
  const badKey = await run(page, () => window.store.commit({
    clearRows: true,
    putRows: [['student/3', '{}'], [{ not: 'a key' }, '{}'], ['student/4', '{}']],
    putMeta: { cursor: '"v8"' },
    putPending: [[34, '{}']],
  }));
  assert.equal(badKey.ok, false);
  assert.equal(badKey.kind, 'error');
  assert.match(badKey.message, /DataError/);
  // A value that cannot be stored (a function) fails the same way.
  const badValue = await run(page, () => window.store.commit({
    clearPending: true,
    putRows: [['student/5', '{}'], ['student/6', () => 1]],
  }));
  assert.equal(badValue.kind, 'error');
  assert.match(badValue.message, /DataCloneError/);
  assert.deepEqual(await load(page), before);
});

// Records every readwrite transaction's options and the order of request successes, the
// transaction's `complete` and the moment commit() resolves.
function recordTransactions() {
  window.txLog = [];
  window.txOptions = [];
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    const tx = transaction.call(this, stores, mode, options);
    if (mode === 'readwrite') {
      window.txOptions.push(options === undefined ? null : { ...options });
      tx.addEventListener('complete', () => window.txLog.push('complete'));
    }
    return tx;
  };
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    const request = put.apply(this, args);
    request.addEventListener('success', () => window.txLog.push('put-success'));
    return request;
  };
}

test('every readwrite transaction is strict, and commit resolves only after complete', async () => {
  const context = await browser.newContext();
  await context.addInitScript(recordTransactions);
  const page = await storePage(context);
  await openStore(page);
  await commit(page, BASE); // an existing store: open() also checks the sentinel next time
  await page.reload();
  await page.evaluate(async () => { window.store = await import('/local-store.js'); });
  assert.equal((await openStore(page)).status, 'ready');
  const log = await run(page, async () => {
    window.txLog.length = 0;
    await window.store.commit({ putRows: [['a', '1'], ['b', '2'], ['c', '3']] });
    window.txLog.push('resolved');
    return window.txLog;
  });
  assert.deepEqual(log, ['put-success', 'put-success', 'put-success', 'complete', 'resolved']);
  const options = await run(page, () => window.txOptions);
  assert.ok(options.length >= 2, 'the sentinel check and the commit are readwrite transactions');
  for (const o of options) assert.deepEqual(o, { durability: 'strict' });
  await context.close();
});

test('expectMeta: a differing value aborts the batch, and of two tabs appending at once exactly one wins', async () => {
  const context = await browser.newContext();
  const a = await storePage(context);
  const b = await storePage(context);
  await openStore(a);
  await openStore(b);
  await commit(a, { ...BASE, putMeta: { queueTail: '33' } });
  const before = await load(a);

  const stale = await commit(a, { expectMeta: { queueTail: '32' }, putMeta: { queueTail: '34' }, putPending: [[34, '{}']], clearRows: true });
  assert.equal(stale.kind, 'conflict');
  assert.match(stale.message, /queueTail/);
  assert.deepEqual(await load(b), before);
  // An absent key matches null.
  assert.deepEqual(await commit(a, { expectMeta: { neverSet: null }, putRows: [['x', '1']] }), { ok: true });

  // Both tabs read queueTail 33 and append mutation 34 at the same moment.
  const results = await Promise.all([a, b].map((page, i) => commit(page, {
    expectMeta: { queueTail: '33' }, putMeta: { queueTail: '34' }, putPending: [[34, `{"tab":${i}}`]],
  })));
  assert.deepEqual(results.map((r) => r.ok).sort(), [false, true]);
  assert.equal(results.find((r) => !r.ok).kind, 'conflict');
  const winner = results.findIndex((r) => r.ok);
  const after = await load(b);
  assert.equal(after.meta.queueTail, '34');
  assert.deepEqual(after.pending.at(-1), [34, `{"tab":${winner}}`]);
  await context.close();
});

test('a dropped connection is reopened and the commit retried on the new handle', async () => {
  const page = shared;
  await openStore(page, 'drop');
  // Closed behind the module's back: the next transaction() throws InvalidStateError.
  const first = await run(page, async () => {
    const old = window.store._testing.handle();
    window.store._testing.dropConnection();
    const result = await window.store.commit({ putRows: [['after-drop', '1']] });
    return { result, newHandle: window.store._testing.handle() !== old };
  });
  assert.deepEqual(first, { result: { ok: true }, newHandle: true });
  // The browser's `close` event (what Chromium fires when it closes a connection itself).
  const second = await run(page, async () => {
    const old = window.store._testing.handle();
    old.dispatchEvent(new Event('close'));
    const result = await window.store.commit({ putRows: [['after-close-event', '2']] });
    return { result, newHandle: window.store._testing.handle() !== old };
  });
  assert.deepEqual(second, { result: { ok: true }, newHandle: true });
  assert.deepEqual((await load(page)).rows, [['after-close-event', '2'], ['after-drop', '1']]);
});

// Safari reports a dead connection as UnknownError "Connection to Indexed Database server lost"
// from transaction() (or as the abort error of a transaction in flight). Chromium cannot lose
// the connection that way, so the commit's transaction() is made to fail like Safari's.
function safariConnectionLost() {
  window.lostFailures = 0;
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    if (mode === 'readwrite' && [].concat(stores).includes('rows') && window.lostFailures > 0) {
      window.lostFailures -= 1;
      throw new DOMException('Connection to Indexed Database server lost. Refresh the page to try again', 'UnknownError');
    }
    return transaction.call(this, stores, mode, options);
  };
}

test('Safari\'s "connection lost": one reopen and retry; lost again on the new handle: "unavailable", nothing written', async () => {
  const context = await browser.newContext();
  await context.addInitScript(safariConnectionLost);
  const page = await storePage(context);
  await openStore(page);
  const once = await run(page, async () => {
    window.lostFailures = 1;
    const old = window.store._testing.handle();
    const result = await window.store.commit({ putRows: [['after-lost', '1']] });
    return { result, newHandle: window.store._testing.handle() !== old };
  });
  assert.deepEqual(once, { result: { ok: true }, newHandle: true });
  const twice = await run(page, async () => {
    window.lostFailures = 2;
    return window.store.commit({ putRows: [['never', '1']] });
  });
  assert.equal(twice.kind, 'unavailable');
  assert.match(twice.message, /twice/);
  assert.deepEqual((await load(page)).rows, [['after-lost', '1']]);
  await context.close();
});

test('the browser clearing the database under an open page: the next commit says "wiped" and writes nothing', async () => {
  const { context, page } = await freshPage();
  await openStore(page);
  await commit(page, BASE);
  await run(page, () => {
    window.closeEvents = 0;
    window.store._testing.handle().addEventListener('close', () => { window.closeEvents += 1; });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: server.url, storageTypes: 'indexeddb' });
  await page.waitForFunction(() => window.closeEvents > 0, null, { timeout: 5000 });
  const result = await commit(page, { putRows: [['student/3', '{}']] });
  assert.equal(result.kind, 'wiped');
  const loaded = await load(page);
  assert.deepEqual([loaded.rows, loaded.pending, loaded.meta], [[], [], {}]);
  assert.deepEqual(await commit(page, { putRows: [['student/3', '{}']] }), { ok: true });
  await context.close();
});

test('a deleted database or a missing sentinel is reported as "wiped", not as a new empty store', async () => {
  const page = shared;
  assert.equal((await openStore(page, 'deleted-other')).status, 'new');
  assert.equal((await openStore(page, 'deleted')).status, 'new');
  await commit(page, BASE);
  // Deleted while open: our versionchange handler closes the handle so the delete is not blocked.
  const deleted = await run(page, () => new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('deleted');
    request.onsuccess = () => resolve('deleted');
    request.onblocked = () => resolve('blocked');
    request.onerror = () => resolve('error');
  }));
  assert.equal(deleted, 'deleted');
  const reopened = await openStore(page, 'deleted');
  assert.equal(reopened.status, 'wiped');
  assert.match(reopened.message, /cleared or evicted/);
  assert.deepEqual((await load(page)).rows, []);
  assert.equal((await openStore(page, 'deleted')).status, 'ready');

  // The database is there but its sentinel record is gone (a partial clear).
  await run(page, () => new Promise((resolve) => {
    const request = indexedDB.open('deleted');
    request.onsuccess = () => {
      const tx = request.result.transaction('sentinel', 'readwrite');
      tx.objectStore('sentinel').clear();
      tx.oncomplete = () => { request.result.close(); resolve(); };
    };
  }));
  assert.equal((await openStore(page, 'deleted')).status, 'wiped');
  assert.equal((await openStore(page, 'deleted')).status, 'ready');

  // A database of that name without our object stores (a plain open(name) made it): one version
  // up adds them, and it counts as new.
  await run(page, () => new Promise((resolve) => {
    const request = indexedDB.open('foreign');
    request.onsuccess = () => { request.result.close(); resolve(); };
  }));
  assert.equal((await openStore(page, 'foreign')).status, 'new');
  assert.deepEqual(await commit(page, BASE), { ok: true });
  assert.equal((await openStore(page, 'foreign')).status, 'ready');
});

test('unavailable storage: a clear message instead of a failure, and commits refused', async () => {
  for (const [script, pattern] of [
    [() => { IDBFactory.prototype.open = () => { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); }; }, /blocks storage for this site/],
    [() => { Object.defineProperty(window, 'indexedDB', { value: undefined }); }, /no IndexedDB/],
  ]) {
    const context = await browser.newContext();
    await context.addInitScript(script);
    const page = await storePage(context);
    const opened = await openStore(page);
    assert.equal(opened.status, 'unavailable');
    assert.match(opened.message, pattern);
    const result = await commit(page, BASE);
    assert.equal(result.ok, false);
    assert.equal(result.kind, 'unavailable');
    const loaded = await run(page, () => window.store.load().then(
      () => 'resolved', (error) => ({ kind: error.kind, message: error.message })));
    assert.equal(loaded.kind, 'unavailable');
    assert.match(loaded.message, pattern);
    await context.close();
  }
});

test('storage full: kind "full", and what was stored before is intact', async () => {
  const { context, page } = await freshPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url, quotaSize: 512 * 1024 });
  try {
    await openStore(page);
    assert.deepEqual(await commit(page, BASE), { ok: true });
    const before = await load(page);
    const full = await run(page, () => {
      const big = 'x'.repeat(64 * 1024);
      const putRows = Array.from({ length: 64 }, (_, i) => [`big/${i}`, `${big}${i}`]); // 4 MB
      return window.store.commit({ putRows, putMeta: { cursor: '"v9"' } });
    });
    assert.equal(full.kind, 'full');
    assert.match(full.message, /full/);
    assert.deepEqual(await load(page), before);
  } finally {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url });
  }
  assert.deepEqual(await commit(page, { putRows: [['small', '1']] }), { ok: true });
  await context.close();
});

test('estimate() and persist() report what navigator.storage offers, or nulls without it', async () => {
  const { context, page } = await freshPage();
  const estimate = await run(page, () => window.store.estimate());
  assert.equal(typeof estimate.usage, 'number');
  assert.ok(estimate.quota > 0);
  assert.equal(typeof estimate.persisted, 'boolean');
  assert.equal(typeof (await run(page, () => window.store.persist())), 'boolean');
  await context.close();

  const bare = await browser.newContext();
  await bare.addInitScript(() => { Object.defineProperty(Navigator.prototype, 'storage', { get: () => undefined }); });
  const barePage = await storePage(bare);
  assert.deepEqual(await run(barePage, () => window.store.estimate()), { usage: null, quota: null, persisted: null });
  assert.equal(await run(barePage, () => window.store.persist()), false);
  await bare.close();
});

test('a page closed or crashed in the middle of a large commit leaves the whole batch or none of it', async (t) => {
  const ROWS = 1000;
  const context = await browser.newContext();
  const check = await storePage(context);
  const outcomes = { none: 0, all: 0 };
  const delays = [0, 5, 20, 60, 150];
  for (let i = 0; i < delays.length; i += 1) {
    const page = await storePage(context);
    const name = `kill-${i}`;
    await openStore(page, name);
    assert.deepEqual(await commit(page, { putMeta: { generation: '0' }, putRows: [['seed', '0']] }), { ok: true });
    await run(page, (rows) => {
      const body = 'y'.repeat(1024);
      const putRows = Array.from({ length: rows }, (_, r) => [`row/${r}`, `${body}${r}`]);
      window.store.commit({ putMeta: { generation: '1' }, deleteRows: ['seed'], putRows, putPending: [[1, '{}']] });
    }, ROWS);
    await new Promise((resolve) => setTimeout(resolve, delays[i]));
    if (i % 2 === 0) {
      await page.close();
    } else {
      const crashed = page.waitForEvent('crash', { timeout: 5000 });
      const cdp = await context.newCDPSession(page);
      cdp.send('Page.crash').catch(() => {}); // the renderer dies before it can answer
      await crashed;
      await page.close();
    }
    assert.equal((await openStore(check, name)).status, 'ready');
    const loaded = await load(check);
    if (loaded.meta.generation === '0') {
      assert.deepEqual([loaded.rows, loaded.pending], [[['seed', '0']], []]);
      outcomes.none += 1;
    } else {
      assert.equal(loaded.meta.generation, '1');
      assert.equal(loaded.rows.length, ROWS);
      assert.deepEqual(loaded.pending, [[1, '{}']]);
      outcomes.all += 1;
    }
  }
  t.diagnostic(`after ${delays.length} kills: ${outcomes.none} without the batch, ${outcomes.all} with all of it`);
  await context.close();
});

test('the data survives closing the browser and starting it again on the same profile', async () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'wb-local-store-profile-'));
  const launch = () => chromium.launchPersistentContext(profile, {
    executablePath: process.env.WB_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const first = await launch();
    const page = await storePage(first);
    assert.equal((await openStore(page)).status, 'new');
    assert.deepEqual(await commit(page, BASE), { ok: true });
    const saved = await load(page);
    await first.close();

    const second = await launch();
    const again = await storePage(second);
    assert.equal((await openStore(again)).status, 'ready');
    assert.deepEqual(await load(again), saved);
    await second.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
