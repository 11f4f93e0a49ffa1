// Input through the platform layer: keyboard modifiers reach ImGui and are released when the
// window loses focus; mouse buttons too; the keyboard navigates; the wheel scrolls; a finger tap
// drives the app as a touch source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { openSignedIn, waitForLabels, waitForIdle, clickLabel } from './lib/browser.mjs';

const env = useServerAndBrowser();

const input = (page) => page.evaluate(() => window.workbench.inputState());

test('held keys and buttons are released when the window loses focus', async () => {
  const { page, context, problems } = await openSignedIn(env.browser, env.server);
  await page.keyboard.down('Shift');
  await page.keyboard.down('KeyA');
  await page.waitForFunction(() => window.workbench.inputState().shift && window.workbench.inputState().anyKey);
  await page.mouse.move(700, 300);
  await page.mouse.down();
  await page.waitForFunction(() => window.workbench.inputState().mouseDown[0]);

  await page.evaluate(() => window.dispatchEvent(new FocusEvent('blur')));
  await page.waitForFunction(() => {
    const s = window.workbench.inputState();
    return !s.shift && !s.anyKey && !s.mouseDown[0];
  });
  await page.mouse.up();
  await page.keyboard.up('KeyA');
  await page.keyboard.up('Shift');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a mouse click reports a mouse source and its position in CSS pixels', async () => {
  const { page, context, problems } = await openSignedIn(env.browser, env.server, 'tutor1', { deviceScaleFactor: 2 });
  await page.mouse.move(640, 400);
  await page.waitForFunction(() => window.workbench.inputState().x === 640);
  const s = await input(page);
  assert.equal(s.y, 400);
  assert.equal(s.source, 0);
  // Hovering a navigation row shows the hand cursor; empty content shows the arrow.
  const row = await page.evaluate(() => window.workbench.labelBounds('课次'));
  await page.mouse.move(row.x + row.w / 2, row.y + row.h / 2);
  await page.waitForFunction(() => document.getElementById('canvas').style.cursor === 'pointer');
  await page.mouse.move(900, 600);
  await page.waitForFunction(() => document.getElementById('canvas').style.cursor === 'default');
  await clickLabel(page, '课次');
  await page.waitForFunction(() => window.workbench.currentView() === 'lessons');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the keyboard navigates the sidebar (Tab, arrows, Enter)', async () => {
  const { page, context, problems } = await openSignedIn(env.browser, env.server);
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.workbench.currentView() === 'lessons');
  await waitForLabels(page, ['预到课', '赶课', '跟课']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the mouse wheel scrolls a region that overflows (a short window scrolls the sidebar)', async () => {
  const { page, context, problems } = await openSignedIn(env.browser, env.server, 'tutor1', { viewport: { width: 1280, height: 400 } });
  await waitForIdle(page);
  // The last sidebar row is below the fold: clipped, so not drawn.
  assert.ok(!(await page.evaluate(() => window.workbench.visibleLabels().includes('设置'))));
  await page.mouse.move(100, 200);
  await page.mouse.wheel(0, 200);   // two notches in Chromium (100 px each)
  await waitForLabels(page, ['设置']);
  const box = await page.evaluate(() => window.workbench.labelBounds('设置'));
  assert.ok(box.y + box.h <= 370, `the row scrolled into view (y=${box.y})`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a finger drag scrolls the sidebar without opening the row it started on', async () => {
  const { page, context, problems } = await openSignedIn(env.browser, env.server, 'tutor1', { viewport: { width: 1280, height: 400 }, hasTouch: true });
  await waitForIdle(page);
  assert.ok(!(await page.evaluate(() => window.workbench.visibleLabels().includes('设置'))));
  const cdp = await context.newCDPSession(page);
  const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 100, y }] });
  await touch('touchStart', 300);
  for (let y = 290; y >= 60; y -= 10) await touch('touchMove', y);
  await touch('touchEnd', 60);
  await waitForLabels(page, ['设置']);
  assert.equal(await page.evaluate(() => window.workbench.currentView()), 'today', 'the drag did not click a row');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a finger tap opens a view (touch source)', async () => {
  const { page, context, problems } = await openSignedIn(env.browser, env.server, 'tutor1', { hasTouch: true });
  await waitForLabels(page, ['回访']);
  const box = await page.evaluate(() => window.workbench.labelBounds('回访'));
  await page.touchscreen.tap(box.x + box.w / 2, box.y + box.h / 2);
  await page.waitForFunction(() => window.workbench.currentView() === 'followups');
  assert.equal((await input(page)).source, 1);
  await waitForLabels(page, ['规则：接通且通话不少于 3 分钟才计入回访']);  // the follow-up view drew
  assert.deepEqual(problems, []);
  await context.close();
});
