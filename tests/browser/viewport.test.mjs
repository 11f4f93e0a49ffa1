// The canvas follows the window: its backing store is CSS size x devicePixelRatio (crisp on
// HiDPI), it resizes with the window, and ImGui lays out in CSS pixels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { openSignedIn, waitForIdle, waitForLabels, waitForQuery, artifactsDir } from './lib/browser.mjs';

const env = useServerAndBrowser();

const canvasSize = (page) => page.evaluate(() => {
  const c = document.getElementById('canvas');
  return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: window.devicePixelRatio };
});

test('devicePixelRatio 2: backing store is twice the CSS size', async () => {
  const { page, context, problems } = await openSignedIn(env.browser, env.server, 'tutor1', { deviceScaleFactor: 2 });
  await waitForIdle(page);
  const s = await canvasSize(page);
  assert.equal(s.dpr, 2);
  assert.equal(s.cssW, 1280);
  assert.equal(s.cssH, 800);
  assert.equal(s.w, 2560);
  assert.equal(s.h, 1600);
  await waitForLabels(page, ['今日待办']);
  await page.screenshot({ path: path.join(artifactsDir(), 'shell-hidpi.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('resizing the window resizes the canvas and redraws', async () => {
  const { page, context, problems } = await openSignedIn(env.browser, env.server);
  await waitForIdle(page);
  const before = await page.evaluate(() => window.workbench.frameCount());
  await page.setViewportSize({ width: 900, height: 640 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 900);
  await waitForIdle(page);
  const s = await canvasSize(page);
  assert.deepEqual([s.w, s.h], [900, 640]);
  assert.ok(await page.evaluate(() => window.workbench.frameCount()) > before, 'a frame was drawn after the resize');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a devicePixelRatio change (browser zoom) updates the backing store', async () => {
  const { page, context, problems } = await openSignedIn(env.browser, env.server);
  await waitForIdle(page);
  // Chromium's DevTools protocol changes the device scale factor like a zoom would.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1000, height: 700, deviceScaleFactor: 1.5, mobile: false });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1500, null, { timeout: 10000 });
  const s = await canvasSize(page);
  assert.equal(s.dpr, 1.5);
  assert.deepEqual([s.w, s.h], [1500, 1050]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a narrow window gets an icon sidebar whose labels show as tooltips', async () => {
  const { page, context, problems } = await openSignedIn(env.browser, env.server, 'tutor1', { viewport: { width: 420, height: 760 }, hasTouch: false });
  await waitForIdle(page);
  let labels = await page.evaluate(() => window.workbench.visibleLabels());
  assert.ok(labels.includes('今日待办'), 'the header still names the view');
  assert.ok(!labels.includes('学员'), 'navigation labels are not drawn in the compact sidebar');
  await page.screenshot({ path: path.join(artifactsDir(), 'shell-narrow.png') });
  // Hover the second navigation row (icons are centred in a 60 px column).
  for (let y = 90; y < 260 && !(await page.evaluate(() => window.workbench.visibleLabels().includes('学员'))); y += 8) {
    await page.mouse.move(30, y);
    await page.waitForTimeout(350);
  }
  await waitForLabels(page, ['学员']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a lost WebGL context is restored and the app draws again, the dashboard matrix too', async () => {
  const { page, context, problems } = await openSignedIn(env.browser, env.server);
  await page.evaluate(() => window.workbench.openView('dashboard'));
  await waitForQuery(page, 'dashboard.state', (s) => s.ready && s.matrix.framesDrawn > 0);
  await page.evaluate(() => {
    window.wbLose = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
    window.wbLose.loseContext();
  });
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => window.workbench.frameCount());
  const matrixBefore = await page.evaluate(() => window.workbench.query('dashboard.state').matrix.framesDrawn);
  await page.evaluate(() => window.wbLose.restoreContext());
  await page.waitForFunction((n) => window.workbench.frameCount() > n, before);
  // The matrix's program and texture belong to the lost context: they are made again.
  await waitForQuery(page, 'dashboard.state', (s, n) => s.matrix.framesDrawn > n && s.matrix.glError === '', matrixBefore, 20000,
    (s) => JSON.stringify({ before: matrixBefore, framesDrawn: s.matrix.framesDrawn, glError: s.matrix.glError, rect: s.matrix.rect }));
  const d = await page.evaluate(() => window.workbench.query('dashboard.state'));
  await waitForLabels(page, [`${d.met} / ${d.withTarget} 项达标`]);
  await waitForIdle(page);
  assert.equal(await page.isVisible('#error'), false);
  await page.screenshot({ path: path.join(artifactsDir(), 'after-context-restore.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
