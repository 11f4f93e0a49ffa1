// Offline first, end to end: Chromium against the real server over real HTTP. Edits made
// offline survive a reload and reach the server exactly once; other devices see them (live,
// by long-poll); two tabs share one queue; a killed server, an expired session and a change
// the server refuses lose nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { startServer } from './lib/server.mjs';
import { openSignedIn, workspace, waitForWorkspace, signIn } from './lib/browser.mjs';

const env = useServerAndBrowser();
let counter = 0;

// A note on one of the page's students, through the same path the views use.
async function addNote(page, { id = null, text = 'note' } = {}) {
  const studentId = (await page.evaluate(() => window.workbench.ids('students', 1)))[0];
  const eventId = id || `e-test-${process.pid}-${++counter}`;
  const result = await page.evaluate(([eid, sid, t]) => window.workbench.submit('event.record',
    { id: eid, kind: 'note', at: Date.now(), studentId: sid, actorId: 't1', text: t }), [eventId, studentId, text]);
  assert.equal(result.ok, true, `submit refused: ${result.reason}`);
  await page.waitForFunction((t) => window.workbench.saved(t), result.ticket);
  return eventId;
}

const hasEvent = (page, id) => page.evaluate((eid) => window.workbench.entity('events', eid) !== null, id);
const synced = (w) => w.sync.pending === 0 && w.sync.phase === 'synced';

test('an edit made offline survives a reload, reaches the server once online, and shows on another device', async () => {
  const a = await openSignedIn(env.browser, env.server);
  await a.context.setOffline(true);
  const id = await addNote(a.page, { text: '离线时记录的备注' });
  assert.equal((await workspace(a.page)).sync.pending, 1);

  // Reload with no network: the page comes from the service worker, the data from IndexedDB.
  await a.page.reload();
  await waitForWorkspace(a.page, (w) => w.phase === 'ready');
  assert.equal(await hasEvent(a.page, id), true, 'the offline edit is still there after the reload');
  assert.equal((await workspace(a.page)).sync.pending, 1);

  await a.context.setOffline(false);
  await waitForWorkspace(a.page, synced, 30000);
  const after = await workspace(a.page);
  assert.deepEqual(after.rejectedList, [], 'applied once: a second application would be rejected as a duplicate id');
  assert.equal(after.replica.acked, 1);

  const b = await openSignedIn(env.browser, env.server);   // another device of the same tutor
  assert.equal(await hasEvent(b.page, id), true);
  assert.deepEqual(a.problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
  await a.context.close();
  await b.context.close();
});

test('a change on one device appears on another within seconds (long-poll)', async () => {
  const a = await openSignedIn(env.browser, env.server);
  const b = await openSignedIn(env.browser, env.server);
  await waitForWorkspace(b.page, synced);
  const id = await addNote(a.page, { text: 'live' });
  const started = Date.now();
  await b.page.waitForFunction((eid) => window.workbench.entity('events', eid) !== null, id, { timeout: 8000 });
  assert.ok(Date.now() - started < 8000);
  await a.context.close();
  await b.context.close();
});

test('two tabs share one queue: both edit offline, one pushes, the other takes over when it closes', async () => {
  const first = await openSignedIn(env.browser, env.server);
  const second = await first.context.newPage();
  await second.goto(env.server.url);
  await waitForWorkspace(second, (w) => w.phase === 'ready');
  const leaders = [(await workspace(first.page)).leader, (await workspace(second)).leader];
  assert.deepEqual(leaders.sort(), [false, true], 'exactly one tab leads');

  await first.context.setOffline(true);
  const one = await addNote(first.page, { text: 'tab one' });
  const two = await addNote(second, { text: 'tab two' });
  // Both tabs see both edits and one queue of two, numbered without a fork.
  for (const page of [first.page, second]) {
    await page.waitForFunction(([x, y]) => window.workbench.entity('events', x) && window.workbench.entity('events', y), [one, two]);
    await waitForWorkspace(page, (w) => w.sync.pending === 2 && w.replica.nextId === 3);
  }

  // The leader closes while offline; the other tab becomes leader and pushes once online.
  const leaderPage = (await workspace(first.page)).leader ? first.page : second;
  const otherPage = leaderPage === first.page ? second : first.page;
  await leaderPage.close();
  await waitForWorkspace(otherPage, (w) => w.leader === true, 10000);
  await first.context.setOffline(false);
  await waitForWorkspace(otherPage, synced, 30000);
  assert.deepEqual((await workspace(otherPage)).rejectedList, []);

  const device = await openSignedIn(env.browser, env.server);
  assert.equal(await hasEvent(device.page, one), true);
  assert.equal(await hasEvent(device.page, two), true);
  await first.context.close();
  await device.context.close();
});

test('a change the server refuses comes back with its reason and does not block the queue', async () => {
  const a = await openSignedIn(env.browser, env.server);
  const b = await openSignedIn(env.browser, env.server);
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  const shared = `e-dup-${process.pid}`;
  await addNote(a.page, { id: shared, text: 'first' });
  await addNote(b.page, { id: shared, text: 'second, same id' });
  const later = await addNote(b.page, { text: 'after the refused one' });
  await a.context.setOffline(false);
  await waitForWorkspace(a.page, synced, 30000);
  await b.context.setOffline(false);
  await waitForWorkspace(b.page, (w) => w.sync.pending === 0 && w.rejectedList.length === 1, 30000);
  const w = await workspace(b.page);
  assert.match(w.rejectedList[0].message, /already recorded/);
  assert.equal(await hasEvent(b.page, later), true, 'the mutation after the refused one was applied');
  assert.equal((await b.page.evaluate((id) => window.workbench.entity('events', id), shared)).text, 'first');
  await a.context.close();
  await b.context.close();
});

test('an expired session keeps the queue; after logging in again it continues', async () => {
  const a = await openSignedIn(env.browser, env.server);
  const { token } = await workspace(a.page);
  // The session ends on the server (as an expiry or a logout elsewhere would end it).
  const res = await fetch(`${env.server.url}/api/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  const id = await addNote(a.page, { text: 'written after the session ended' });
  await waitForWorkspace(a.page, (w) => w.sessionExpired && w.sync.phase === 'expired' && w.sync.pending === 1);
  await a.page.evaluate((p) => window.workbench.login('tutor1', p), env.server.accounts.tutor1);
  await waitForWorkspace(a.page, (w) => !w.sessionExpired && w.sync.pending === 0 && w.sync.phase === 'synced', 30000);
  assert.equal(await hasEvent(a.page, id), true);
  await a.context.close();
});

test('the server killed in the middle of a sync: the client retries and nothing is lost or doubled', async () => {
  // A server of its own: this test kills it.
  const own = await startServer();
  const port = Number(new URL(own.url).port);
  let restarted = null;
  try {
    const a = await openSignedIn(env.browser, own);
    const ids = [];
    for (let i = 0; i < 30; i++) ids.push(await addNote(a.page, { text: `burst ${i}` }));
    await own.kill();
    await waitForWorkspace(a.page, (w) => w.sync.phase === 'failed' || w.sync.pending > 0);
    restarted = await startServer({ data: own.data, port });
    await waitForWorkspace(a.page, synced, 60000);
    const w = await workspace(a.page);
    assert.deepEqual(w.rejectedList, []);
    assert.equal(w.replica.acked, 30);
    const b = await openSignedIn(env.browser, { ...restarted, accounts: own.accounts });
    for (const id of ids) assert.equal(await hasEvent(b.page, id), true, `${id} reached the server`);
    await a.context.close();
    await b.context.close();
  } finally {
    await restarted?.stop();
    await own.stop();
  }
});

test('no IndexedDB (private mode): a clear warning and the workbench works in memory', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { value: undefined }); });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.workbench && window.workbench.ready === true, null, { timeout: 30000 });
  await signIn(page, env.server);
  const w = await workspace(page);
  assert.equal(w.storage, 'unavailable');
  const id = await addNote(page, { text: 'in memory' });
  await waitForWorkspace(page, synced, 30000);
  assert.equal(await hasEvent(page, id), true);
  await context.close();
});
