// When the app cannot start the page says why, in the visitor's language, with a reload
// button, instead of staying blank: no WebGL2, or the app cannot be downloaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from './lib/fixture.mjs';

const env = useServerAndBrowser();

function withoutWebGL2() {
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    return type === 'webgl2' ? null : original.call(this, type, ...rest);
  };
}

async function errorScreen(page) {
  await page.waitForSelector('#error', { state: 'visible', timeout: 20000 });
  return {
    title: await page.textContent('#error-title'),
    message: await page.textContent('#error-message'),
    button: await page.textContent('#error-retry'),
    loadingHidden: !(await page.isVisible('#loading')),
  };
}

test('no WebGL2: a Chinese error screen for a Chinese browser', async () => {
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(withoutWebGL2);
  const page = await context.newPage();
  await page.goto(env.server.url);
  const screen = await errorScreen(page);
  assert.equal(screen.title, '工作台无法启动');
  assert.match(screen.message, /WebGL 2/);
  assert.match(screen.message, /浏览器/);
  assert.equal(screen.button, '重新加载');
  assert.ok(screen.loadingHidden);
  await context.close();
});

test('no WebGL2: an English error screen for an English browser', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  await context.addInitScript(withoutWebGL2);
  const page = await context.newPage();
  await page.goto(env.server.url);
  const screen = await errorScreen(page);
  assert.equal(screen.title, 'The workbench could not start');
  assert.match(screen.message, /WebGL 2/);
  assert.equal(screen.button, 'Reload');
  await context.close();
});

test('the app cannot be downloaded: a network error screen, and reload recovers', async () => {
  // No service worker: on a first visit it would fetch the build itself, past the page's routes.
  const context = await env.browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  let block = true;
  await page.route('**/workbench.wasm*', (route) => (block ? route.abort('connectionreset') : route.continue()));
  await page.goto(env.server.url);
  const screen = await errorScreen(page);
  assert.match(screen.message, /网络/);
  block = false;
  await page.click('#error-retry');
  await page.waitForFunction(() => window.workbench && window.workbench.ready === true, null, { timeout: 30000 });
  assert.equal(await page.isVisible('#error'), false);
  await context.close();
});

test('the loading screen reports byte progress from build-info.json', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const seen = [];
  await page.exposeFunction('wbRecordProgress', (v) => seen.push(v));
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const bar = document.querySelector('.progress');
      if (bar) window.wbRecordProgress(Number(bar.getAttribute('aria-valuenow')));
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['aria-valuenow'] });
  });
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.workbench && window.workbench.ready === true, null, { timeout: 30000 });
  assert.ok(seen.length >= 2, `progress updated ${seen.length} times`);
  assert.equal(seen.at(-1), 100);
  for (let i = 1; i < seen.length; ++i) assert.ok(seen[i] >= seen[i - 1], 'progress never goes back');
  await context.close();
});
