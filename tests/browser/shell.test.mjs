// The app shell in Chromium: loads from the real server, draws its first frame without console
// or page errors, shows the navigation frame in Chinese by default, switches language both ways
// at run time, navigates by test interface and by a real mouse click, and keeps a screenshot.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { openSignedIn, waitForLabels, artifactsDir, clickLabel } from './lib/browser.mjs';

const NAV_ZH = ['今日待办', '学员', '课次', '练习', '回访', '退费', '续报', '数据看板', '模板', '设置'];
const NAV_EN = ['Today', 'Students', 'Lessons', 'Homework', 'Follow-ups', 'Refunds', 'Renewal', 'Dashboard', 'Templates', 'Settings'];

const env = useServerAndBrowser();
let app;

before(async () => {
  await env.ready;
  app = await openSignedIn(env.browser, env.server);
});

test('the first frame is drawn and the loading screen is gone', async () => {
  const { page } = app;
  assert.ok(await page.evaluate(() => window.workbench.frameCount()) >= 1);
  await page.waitForSelector('#loading', { state: 'hidden' });
  assert.equal(await page.isVisible('#error'), false);
});

test('Chinese is the default language and the navigation frame is drawn', async () => {
  const { page } = app;
  assert.equal(await page.evaluate(() => window.workbench.language()), 'zh-CN');
  await waitForLabels(page, [...NAV_ZH, '刚刚 已同步']);
  const labels = await page.evaluate(() => window.workbench.visibleLabels());
  assert.ok(labels.includes('在线') || labels.includes('离线'), `status bar shows online state: ${labels}`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
});

test('the language switches to English and back at run time', async () => {
  const { page } = app;
  assert.equal(await page.evaluate(() => window.workbench.setLanguage('en')), true);
  await waitForLabels(page, [...NAV_EN, 'Synced just now']);
  let labels = await page.evaluate(() => window.workbench.visibleLabels());
  assert.ok(!labels.includes('今日待办'), 'no Chinese navigation label left after switching to English');
  assert.equal(await page.evaluate(() => localStorage.getItem('wb.language')), 'en');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.title(), 'Workbench');
  await page.screenshot({ path: path.join(artifactsDir(), 'shell-en.png') });

  assert.equal(await page.evaluate(() => window.workbench.setLanguage('zh-CN')), true);
  await waitForLabels(page, NAV_ZH);
  labels = await page.evaluate(() => window.workbench.visibleLabels());
  assert.ok(!labels.includes('Today'));
  assert.equal(await page.title(), '工作台');
  assert.equal(await page.evaluate(() => window.workbench.setLanguage('fr')), false, 'unknown language refused');
});

test('the chosen language survives a reload', async () => {
  const { context } = app;
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.evaluate(() => localStorage.setItem('wb.language', 'en'));
  await page.reload();
  await page.waitForFunction(() => window.workbench && window.workbench.ready);
  assert.equal(await page.evaluate(() => window.workbench.language()), 'en');
  await waitForLabels(page, ['Today', 'Settings']);
  await page.evaluate(() => localStorage.setItem('wb.language', 'zh-CN'));
  await page.close();
});

test('views open through the test interface; an unknown view is refused', async () => {
  const { page } = app;
  assert.equal(await page.evaluate(() => window.workbench.openView('renewal')), true);
  assert.equal(await page.evaluate(() => window.workbench.currentView()), 'renewal');
  await waitForLabels(page, ['我的学员']);
  assert.equal(await page.evaluate(() => window.workbench.openView('no-such-view')), false);
  assert.equal(await page.evaluate(() => window.workbench.currentView()), 'renewal');
});

test('a mouse click on the sidebar opens a view', async () => {
  const { page } = app;
  await page.evaluate(() => window.workbench.openView('today'));
  await waitForLabels(page, ['全部任务']);
  await clickLabel(page, '学员');
  await page.waitForFunction(() => window.workbench.currentView() === 'students');
  // The roster of tutor1's 20 demo students.
  await page.waitForFunction(() => window.workbench.visibleLabels().includes('20 / 20 名学员'));
});

test('a click in Settings switches the language, and screenshots are kept', async () => {
  const { page } = app;
  await clickLabel(page, '设置');
  await waitForLabels(page, ['语言', 'English']);
  await page.screenshot({ path: path.join(artifactsDir(), 'settings-zh.png') });
  // "English" is drawn twice (settings and status bar); the first is the settings control.
  await clickLabel(page, 'English');
  await page.waitForFunction(() => window.workbench.language() === 'en');
  await waitForLabels(page, ['Language', 'Settings']);
  await clickLabel(page, '中文');
  await page.waitForFunction(() => window.workbench.language() === 'zh-CN');
  await clickLabel(page, '今日待办');
  await waitForLabels(page, ['全部任务']);
  await page.screenshot({ path: path.join(artifactsDir(), 'shell-zh.png') });
});

test('the status bar follows the browser going offline and online', async () => {
  const { page, context } = app;
  assert.equal(await page.evaluate(() => window.workbench.online()), true);
  await context.setOffline(true);
  await page.waitForFunction(() => window.workbench.online() === false);
  await waitForLabels(page, ['离线']);
  await context.setOffline(false);
  await page.waitForFunction(() => window.workbench.online() === true);
  await waitForLabels(page, ['在线']);
});

test('no console errors, page errors or failed requests', () => {
  assert.deepEqual(app.problems, []);
});
