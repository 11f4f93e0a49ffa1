// The offline app shell: after a first visit the service worker has cached the page, scripts,
// wasm and font, so the workbench opens with no network at all; a new build on the server is
// picked up on the next load (and then also offline); the web app manifest makes it pinnable.
// The site is a copy in a temporary directory served by a plain static host, so the test can
// publish a "new build" into it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, unlinkSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStaticServer } from './lib/static-server.mjs';
import { requireEnv } from './lib/server.mjs';
import { launchBrowser, openApp, waitForWorkspace, waitForPageCondition } from './lib/browser.mjs';

let root;
let site;
let browser;

before(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'wb-app-shell-'));
  cpSync(requireEnv('WB_SITE_DIR'), root, { recursive: true });
  site = await startStaticServer({ root });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

async function controlled(page) {
  await waitForPageCondition(page, async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return !!(reg && reg.active && navigator.serviceWorker.controller);
  });
}

// What the cache holds for the current build: every file of build-info.json (versioned) and the shell.
async function cachedUrls(page) {
  return page.evaluate(async () => {
    const names = await caches.keys();
    const urls = [];
    for (const n of names) for (const r of await (await caches.open(n)).keys()) urls.push(new URL(r.url).pathname + new URL(r.url).search);
    return urls;
  });
}

// Publishes a changed local-store.js as a new build: new content, new hash in build-info.json.
function publishNewBuild(marker) {
  const file = path.join(root, 'local-store.js');
  const body = readFileSync(file, 'utf8') + `\nglobalThis.wbBuildMarker = ${JSON.stringify(marker)};\n`;
  writeFileSync(file, body);
  for (const twin of ['.br', '.gz']) if (existsSync(file + twin)) unlinkSync(file + twin);
  const infoPath = path.join(root, 'build-info.json');
  const info = JSON.parse(readFileSync(infoPath, 'utf8'));
  info.files['local-store.js'].hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  info.files['local-store.js'].size = Buffer.byteLength(body);
  writeFileSync(infoPath, JSON.stringify(info));
  for (const twin of ['.br', '.gz']) if (existsSync(infoPath + twin)) unlinkSync(infoPath + twin);
}

test('after a first visit the workbench opens with no network, and a new build is picked up on the next load', async () => {
  const { page, context, problems } = await openApp(browser, site.url);
  await waitForWorkspace(page, (w) => w.phase === 'ready', 60000);
  await controlled(page);
  const info = JSON.parse(readFileSync(path.join(root, 'build-info.json'), 'utf8'));
  await waitForPageCondition(page, async (files) => {
    const cache = await caches.open((await caches.keys())[0]);
    const shell = ['index.html', 'loader.js', 'test-interface.js', 'shell.css', 'manifest.webmanifest', 'icon.svg'];
    for (const [name, entry] of Object.entries(files)) {
      if (name === 'sw.js') continue;
      const url = shell.includes(name) ? name : name + '?v=' + encodeURIComponent(entry.hash);
      if (!(await cache.match(url))) return false;
    }
    return true;
  }, info.files);

  // An edit, durable in IndexedDB (the store writes in order: the demo's first write is too).
  const sid = (await page.evaluate(() => window.workbench.ids('students', 1)))[0];
  const r = await page.evaluate((s) => window.workbench.submit('event.record',
    { id: 'e-shell-note', kind: 'note', at: Date.now(), studentId: s, actorId: 't1', text: '离线打开' }), sid);
  assert.equal(r.ok, true, r.reason);
  await page.waitForFunction((t) => window.workbench.saved(t), r.ticket, { timeout: 30000 });

  // No network at all: the page, loader, wasm, font and scripts come from the cache.
  await context.setOffline(true);
  await page.reload();
  await waitForWorkspace(page, (w) => w.phase === 'ready' && w.mode === 'demo', 60000);
  assert.equal((await page.evaluate(() => window.workbench.entity('events', 'e-shell-note'))).text, '离线打开');
  assert.ok(await page.evaluate(() => window.workbench.frameCount()) > 0);
  assert.equal(await page.evaluate(() => globalThis.wbBuildMarker), undefined);

  // Back online, a new build is on the server: the next load runs it...
  await context.setOffline(false);
  publishNewBuild('build-2');
  await page.reload();
  await waitForWorkspace(page, (w) => w.phase === 'ready', 60000);
  assert.equal(await page.evaluate(() => globalThis.wbBuildMarker), 'build-2');
  // ...and once it is cached, it is also what opens offline; the old file is gone from the cache.
  const newHash = JSON.parse(readFileSync(path.join(root, 'build-info.json'), 'utf8')).files['local-store.js'].hash;
  await waitForPageCondition(page, async (hash) => {
    const cache = await caches.open((await caches.keys())[0]);
    const keys = (await cache.keys()).map((r) => r.url).filter((u) => u.includes('local-store.js'));
    return keys.length === 1 && keys[0].endsWith(encodeURIComponent(hash));
  }, newHash);
  await context.setOffline(true);
  await page.reload();
  await waitForWorkspace(page, (w) => w.phase === 'ready', 60000);
  assert.equal(await page.evaluate(() => globalThis.wbBuildMarker), 'build-2');
  const urls = await cachedUrls(page);
  assert.ok(urls.some((u) => u.startsWith('/workbench.wasm?v=')), urls.join('\n'));
  // Offline, the only failures are the demo host's missing API probes.
  assert.deepEqual(problems.filter((p) => !p.includes('status of 404') && !p.includes('ERR_INTERNET_DISCONNECTED')), []);
  await context.close();
});

test('the web app manifest is valid and the app can be installed (pinned)', async () => {
  const { page, context } = await openApp(browser, site.url);
  await waitForWorkspace(page, (w) => w.phase === 'ready', 60000);
  await controlled(page);
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, [], JSON.stringify(manifest.errors));
  const parsed = JSON.parse(manifest.data);
  assert.equal(parsed.display, 'standalone');
  assert.equal(parsed.short_name, '工作台');
  assert.ok(parsed.icons.length > 0);
  const icon = await page.evaluate(async (src) => (await fetch(src)).headers.get('content-type'), parsed.icons[0].src);
  assert.match(icon, /image\/svg\+xml/);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Headless test profiles are "incognito" to Chromium; every other reason is ours to fix.
  const ours = installabilityErrors.filter((e) => e.errorId !== 'in-incognito');
  assert.deepEqual(ours, [], JSON.stringify(installabilityErrors));
  await context.close();
});
