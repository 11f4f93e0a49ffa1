// Launches Debian's Chromium headless through playwright-core, with WebGL on SwiftShader, and
// opens the app with every console error and page error collected.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ARGS = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.WB_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
  });
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function artifactsDir() {
  const dir = process.env.WB_ARTIFACTS || path.join(REPO_ROOT, 'build/artifacts');
  mkdirSync(dir, { recursive: true });
  return dir;
}

// Opens `url` in a new context and waits for the app's first frame. `problems` collects console
// errors and page errors for the test to assert on.
// `clockAt` (ms) starts the page's clock there (it runs on from it): a page that must agree with
// a server whose test clock was moved.
export async function openApp(browser, url, { clockAt = 0, ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  if (clockAt) await context.clock.install({ time: clockAt });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText || '';
    // The sync loop ends its own idle long-poll when there is something to push or the network
    // goes: an abort it asked for, not a problem.
    if (req.url().endsWith('/api/pull') && why === 'net::ERR_ABORTED') return;
    problems.push(`requestfailed: ${req.url()} ${why}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.workbench && window.workbench.ready === true, null, { timeout: 30000 });
  return { context, page, problems };
}

// Waits until the app has drawn a frame whose labels include every one of `labels`.
export async function waitForLabels(page, labels, timeout = 10000) {
  await page.waitForFunction(
    (wanted) => { const drawn = window.workbench.visibleLabels(); return wanted.every((l) => drawn.includes(l)); },
    labels, { timeout });
}

// Waits until the main loop has paused (nothing left to draw).
export async function waitForIdle(page, timeout = 10000) {
  await page.waitForFunction(() => window.workbench.idle(), null, { timeout, polling: 50 });
}

// Clicks the middle of a label the app drew (found through window.workbench.labelBounds), with
// the real mouse: the click travels through Pointer Events like a user's. `holdMs` keeps the
// button down as a person does: ImGui's table headings and multi-select rows act only on a
// press and a release they see in different frames.
// A label a click just asked for may come a frame or two later (a form opening): wait up to
// `waitMs` for it to be drawn.
export async function clickLabel(page, text, { holdMs = 0, waitMs = 5000 } = {}) {
  let box = null;
  try {
    const handle = await page.waitForFunction((t) => window.workbench.labelBounds(t), text, { timeout: waitMs, polling: 50 });
    box = await handle.jsonValue();
  } catch (e) {
    if (e.name !== 'TimeoutError') throw e;
  }
  if (!box) throw new Error(`label "${text}" is not drawn`);
  const canvas = await page.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return { x: r.left, y: r.top }; });
  await page.mouse.click(canvas.x + box.x + box.w / 2, canvas.y + box.y + box.h / 2, { delay: holdMs });
}

// Waits until an async predicate run in the page resolves truthy. page.waitForFunction does not
// await a returned Promise (a Promise is truthy), so clipboard, cache and lock checks use this.
export async function waitForPageCondition(page, predicate, arg, timeout = 30000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(predicate, arg))) {
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms: ${predicate.toString().slice(0, 200)}`);
    await page.waitForTimeout(100);
  }
}

// Reads the app's workspace state (see window.workbench.workspace in web/test-interface.js).
export async function workspace(page) {
  return page.evaluate(() => window.workbench.workspace());
}

// Waits until `predicate(workspaceState)` holds; the predicate runs in the page.
export async function waitForWorkspace(page, predicate, timeout = 20000) {
  // Also right after a reload, before the app has installed window.workbench again.
  await page.waitForFunction(`window.workbench && window.workbench.ready === true && (${predicate})(window.workbench.workspace())`,
                             null, { timeout, polling: 50 });
}

// Logs in with one of the server's demo accounts (through the same call the login form makes)
// and waits until the first sync has finished.
export async function signIn(page, server, login = 'tutor1') {
  await waitForWorkspace(page, (w) => w.phase === 'login' || w.phase === 'ready');
  const password = server.accounts[login];
  if (!password) throw new Error(`the server printed no password for ${login}`);
  await page.evaluate(([l, p]) => window.workbench.login(l, p), [login, password]);
  await waitForWorkspace(page, (w) => w.phase === 'ready' && w.sync.phase === 'synced', 60000);
}

// openApp + signIn: a page showing the workbench of `login`, synced.
export async function openSignedIn(browser, server, login = 'tutor1', contextOptions = {}) {
  const app = await openApp(browser, server.url, contextOptions);
  await signIn(app.page, server, login);
  return app;
}

// Clicks into the text field drawn under `label` (the text bridge takes the keyboard) and empties
// it with the keyboard.
export async function focusEmptyField(page, label) {
  await clickLabel(page, label);
  await page.waitForFunction(() => document.activeElement.classList.contains('wb-text-input'));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => window.workbench.query('input.active').text === '');
}

// Waits until `predicate(answer, arg)` holds for window.workbench.query(name) (the predicate runs
// in the page); on a timeout the error shows `describe(answer)` (default: its JSON, cut short).
export async function waitForQuery(page, name, predicate, arg, timeout = 20000, describe = (a) => JSON.stringify(a).slice(0, 1500)) {
  try {
    await page.waitForFunction(([n, p, a]) => new Function('q', 'a', `return (${p})(q, a)`)(window.workbench.query(n), a),
      [name, predicate.toString(), arg], { timeout, polling: 100 });
  } catch (e) {
    const answer = await page.evaluate((n) => window.workbench.query(n), name);
    throw new Error(`${e.message}\n${name}: ${describe(answer)}`);
  }
}
