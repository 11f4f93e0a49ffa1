// web/tab-leader.js in real Chromium: one leader among the tabs of a browser context (Web Locks),
// a hand-over within moments when the leader's tab closes, never two leaders while tabs come and
// go, and a BroadcastChannel that reaches the other tabs and never the sender. Needs no C++
// build: the module is served by a plain static server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './lib/browser.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');
const BLANK = '<!doctype html><meta charset="utf-8"><title>tab-leader test</title>';
const LOCK = 'wb.leader.test';

let server;
let browser;

before(async () => {
  server = await startStaticServer({ root: WEB });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function newContext(initScript) {
  const context = await browser.newContext();
  if (initScript) await context.addInitScript(initScript);
  await context.route(`${server.url}/blank.html`, (route) => route.fulfill({ contentType: 'text/html', body: BLANK }));
  return context;
}

// A tab with the module imported as window.tabs; with `lead`, it asks for leadership at once and
// counts onBecameLeader calls in window.becameLeader.
async function tab(context, { lead = true } = {}) {
  const page = await context.newPage();
  await page.goto(`${server.url}/blank.html`);
  await page.evaluate(async ({ lead, lock }) => {
    window.tabs = await import('/tab-leader.js');
    window.becameLeader = 0;
    if (lead) window.leadership = window.tabs.startLeadership(lock, () => { window.becameLeader += 1; });
  }, { lead, lock: LOCK });
  return page;
}

const isLeader = (page) => page.evaluate(() => window.leadership.isLeader());
const becameLeader = (page) => page.evaluate(() => window.becameLeader);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function leaders(pages) {
  const flags = await Promise.all(pages.map(isLeader));
  return pages.filter((_, i) => flags[i]);
}

async function waitForOneLeader(pages, timeout = 2000) {
  const started = Date.now();
  for (;;) {
    const found = await leaders(pages);
    if (found.length === 1) return { leader: found[0], ms: Date.now() - started };
    assert.ok(found.length < 2, 'two tabs lead at once');
    if (Date.now() - started > timeout) assert.fail(`no leader within ${timeout} ms`);
    await sleep(20);
  }
}

test('two tabs: exactly one leads, and the other takes over within moments when it closes', async () => {
  const context = await newContext();
  const pages = [await tab(context), await tab(context)];
  const { leader } = await waitForOneLeader(pages);
  await sleep(300); // time for a wrong second grant to show
  assert.equal((await leaders(pages)).length, 1);
  const other = pages.find((p) => p !== leader);
  assert.equal(await becameLeader(leader), 1);
  assert.equal(await becameLeader(other), 0);
  const lock = await other.evaluate((name) => navigator.locks.query().then((q) => ({
    held: q.held.filter((l) => l.name === name).length, pending: q.pending.filter((l) => l.name === name).length,
  })), LOCK);
  assert.deepEqual(lock, { held: 1, pending: 1 });

  await leader.close();
  const { leader: next, ms } = await waitForOneLeader([other], 2000);
  assert.equal(next, other);
  assert.equal(await becameLeader(other), 1);
  assert.ok(ms < 2000, `the hand-over took ${ms} ms`);
  await context.close();
});

test('release() hands leadership to the next tab; a crashed leader\'s lock is freed too', async () => {
  const context = await newContext();
  const pages = [await tab(context), await tab(context), await tab(context)];
  const { leader: first } = await waitForOneLeader(pages);
  await first.evaluate(() => window.leadership.release());
  assert.equal(await isLeader(first), false);
  const rest = pages.filter((p) => p !== first);
  const { leader: second } = await waitForOneLeader(rest);
  assert.equal((await leaders(pages)).length, 1);

  const crashed = second.waitForEvent('crash', { timeout: 5000 });
  const cdp = await context.newCDPSession(second);
  cdp.send('Page.crash').catch(() => {}); // the renderer dies before it can answer
  await crashed;
  const { leader: third } = await waitForOneLeader(rest.filter((p) => p !== second));
  assert.notEqual(third, first);
  await context.close();
});

test('three tabs opening and closing never have two leaders at once', async (t) => {
  const context = await newContext();
  let pages = [await tab(context), await tab(context), await tab(context)];
  await waitForOneLeader(pages);
  // Sampling runs while tabs close and open. A round is only counted when no close started
  // during it: a leader sampled just before its tab closed and its successor sampled just after
  // would look like two leaders without ever being two at once.
  let closing = 0;
  let stop = false;
  let rounds = 0;
  let roundsWithLeader = 0;
  const sampler = (async () => {
    while (!stop) {
      const epoch = closing;
      const open = pages.filter((p) => !p.isClosed());
      const flags = await Promise.all(open.map((p) => isLeader(p).catch(() => false)));
      if (epoch !== closing) continue;
      rounds += 1;
      const count = flags.filter(Boolean).length;
      assert.ok(count <= 1, `${count} tabs lead at once`);
      if (count === 1) roundsWithLeader += 1;
    }
  })();
  for (let step = 0; step < 8; step += 1) {
    // Close the leader on even steps (a hand-over), another tab on odd ones (no hand-over).
    const current = await leaders(pages);
    const victim = step % 2 === 0 ? current[0] ?? pages[0] : pages.find((p) => !current.includes(p));
    closing += 1;
    pages = pages.filter((p) => p !== victim);
    await victim.close();
    pages.push(await tab(context));
    await waitForOneLeader(pages);
  }
  stop = true;
  await sampler;
  t.diagnostic(`${rounds} sampling rounds, ${roundsWithLeader} with a leader, none with two`);
  assert.ok(rounds >= 8, `only ${rounds} sampling rounds`);
  const held = await pages[0].evaluate((name) => navigator.locks.query().then((q) => q.held.filter((l) => l.name === name).length), LOCK);
  assert.equal(held, 1);
  await context.close();
});

test('a channel message reaches the other tabs and never its sender', async () => {
  const context = await newContext();
  const pages = [await tab(context, { lead: false }), await tab(context, { lead: false }), await tab(context, { lead: false })];
  for (const page of pages) {
    await page.evaluate(() => {
      window.received = [];
      // Two channels of the same name in one tab: neither may hear this tab's own posts.
      window.channels = [window.tabs.channel('wb.sync'), window.tabs.channel('wb.sync')];
      window.channels.forEach((ch, i) => ch.onMessage((msg) => window.received.push({ ch: i, msg })));
    });
  }
  const [a, b, c] = pages;
  await a.evaluate(() => window.channels[0].post({ kind: 'changed', version: 7 }));
  for (const page of [b, c]) {
    await page.waitForFunction(() => window.received.length === 2, null, { timeout: 2000 });
    assert.deepEqual(await page.evaluate(() => window.received),
      [{ ch: 0, msg: { kind: 'changed', version: 7 } }, { ch: 1, msg: { kind: 'changed', version: 7 } }]);
  }
  await b.evaluate(() => window.channels[1].post('from b'));
  await a.waitForFunction(() => window.received.length === 2, null, { timeout: 2000 });
  await sleep(200); // time for a wrongly delivered echo to arrive
  assert.deepEqual(await a.evaluate(() => window.received.map((r) => r.msg)), ['from b', 'from b']);
  assert.equal(await b.evaluate(() => window.received.length), 2, 'b did not hear its own post');

  // close() stops delivery; onMessage's return value removes one listener.
  await c.evaluate(() => { window.channels[0].close(); window.received.length = 0; });
  await a.evaluate(() => window.channels[0].post('after close'));
  await b.waitForFunction(() => window.received.length === 4, null, { timeout: 2000 });
  await sleep(200);
  assert.deepEqual(await c.evaluate(() => window.received.map((r) => r.ch)), [1]);
  await context.close();
});

test('without navigator.locks: supported() is false and the handle never leads, without throwing', async () => {
  const context = await newContext(() => {
    Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined });
    delete window.BroadcastChannel;
  });
  const page = await tab(context);
  const state = await page.evaluate(() => {
    const ch = window.tabs.channel('wb.sync');
    ch.post('nobody listens');
    ch.close();
    return { supported: window.tabs.supported(), leader: window.leadership.isLeader(), error: window.leadership.error() };
  });
  assert.equal(state.supported, false);
  assert.equal(state.leader, false);
  assert.match(state.error, /no Web Locks/);
  const normal = await tab(await newContext());
  assert.equal(await normal.evaluate(() => window.tabs.supported()), true);
  await context.close();
  await normal.context().close();
});
