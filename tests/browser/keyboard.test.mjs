// The keyboard as a person uses it in forms and dialogs: Tab goes account -> password -> the
// button (Shift+Tab back), Enter submits from a field or on the focused button, Escape puts the
// re-login dialog off and it can be brought back.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { openApp, openSignedIn, waitForLabels, waitForWorkspace, workspace, clickLabel } from './lib/browser.mjs';

const env = useServerAndBrowser();

before(async () => { await env.ready; });

const active = (page) => page.evaluate(() => window.workbench.query('input.active'));
const spoken = (page) => page.evaluate(() => document.getElementById('wb-a11y-status').textContent);

// Waits until the accessibility mirror names the focused control `words`.
const waitSpoken = (page, words) => page.waitForFunction((w) => document.getElementById('wb-a11y-status').textContent === w, words);

test('Tab order on the login form: account, password, button; Shift+Tab goes back', async () => {
  const { page, context, problems } = await openApp(env.browser, env.server.url);
  await waitForWorkspace(page, (w) => w.phase === 'login');
  // The form starts in the account field.
  await page.waitForFunction(() => window.workbench.query('input.active').active);
  assert.equal((await active(page)).password, false);
  await waitSpoken(page, '账号，编辑框，空');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => window.workbench.query('input.active').password === true);
  await page.keyboard.press('Tab');
  await waitSpoken(page, '登录，按钮');
  assert.equal((await active(page)).active, false, 'the button is focused, no field is edited');
  // The keyboard is the app's again (no field): keys are not held by the text bridge.
  await page.waitForFunction(() => document.activeElement === document.getElementById('canvas'));
  await page.keyboard.press('Shift+Tab');
  await page.waitForFunction(() => window.workbench.query('input.active').password === true);
  await page.keyboard.press('Shift+Tab');
  await page.waitForFunction(() => { const a = window.workbench.query('input.active'); return a.active && !a.password; });
  assert.deepEqual(problems, []);
  await context.close();
});

test('Enter submits: on the focused button, and from the password field', async () => {
  const { page, context, problems } = await openApp(env.browser, env.server.url);
  await waitForWorkspace(page, (w) => w.phase === 'login');
  await page.waitForFunction(() => window.workbench.query('input.active').active);
  await page.keyboard.type('tutor1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('wrong-password');
  await page.keyboard.press('Tab');
  await waitSpoken(page, '登录，按钮');
  await page.keyboard.press('Enter');
  await waitForLabels(page, ['账号或密码不正确。']);
  // Back to the password field (cleared after the attempt), the right one, Enter.
  await clickLabel(page, '密码#field');
  await page.waitForFunction(() => window.workbench.query('input.active').password === true);
  await page.keyboard.type(env.server.accounts.tutor1);
  await page.keyboard.press('Enter');
  await waitForWorkspace(page, (w) => w.phase === 'ready' && w.user === 't1', 60000);
  assert.deepEqual(problems.filter((p) => !p.includes('status of 401')), []);
  await context.close();
});

test('the re-login dialog: Escape puts it off, the pill brings it back, Enter logs in', async () => {
  const { page, context, problems } = await openSignedIn(env.browser, env.server);
  const { token } = await workspace(page);
  const res = await fetch(`${env.server.url}/api/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  const studentId = (await page.evaluate(() => window.workbench.ids('students', 1)))[0];
  const sent = await page.evaluate((sid) => window.workbench.submit('event.record',
    { id: `e-kbd-${Date.now()}`, kind: 'note', at: Date.now(), studentId: sid, actorId: 't1', text: 'after logout' }), studentId);
  assert.equal(sent.ok, true);
  await waitForWorkspace(page, (w) => w.sessionExpired);
  await waitForLabels(page, ['登录已过期', '稍后登录']);
  // The dialog's password field has the keyboard (the account is filled in).
  await page.waitForFunction(() => window.workbench.query('input.active').password === true);

  await page.keyboard.press('Escape');
  await waitForLabels(page, ['重新登录']);
  assert.ok(!(await page.evaluate(() => window.workbench.visibleLabels())).includes('登录已过期'), 'the dialog is gone');
  assert.equal((await workspace(page)).sessionExpired, true, 'putting it off does not end anything');

  await clickLabel(page, '重新登录');
  await waitForLabels(page, ['登录已过期']);
  await page.waitForFunction(() => window.workbench.query('input.active').password === true);
  await page.keyboard.type(env.server.accounts.tutor1);
  await page.keyboard.press('Enter');
  await waitForWorkspace(page, (w) => !w.sessionExpired && w.sync.pending === 0 && w.sync.phase === 'synced', 30000);
  await page.waitForFunction(() => !window.workbench.visibleLabels().includes('登录已过期'));
  assert.deepEqual(problems.filter((p) => !p.includes('status of 401')), []);
  await context.close();
});

test('on a Mac, Cmd is the shortcut key (Cmd+A selects all in a field)', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'userAgentData', { get: () => undefined });
    Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' });
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.workbench && window.workbench.ready === true);
  await waitForWorkspace(page, (w) => w.phase === 'login');
  await page.waitForFunction(() => window.workbench.query('input.active').active);
  await page.keyboard.type('abc');
  await page.keyboard.press('Meta+A');
  await page.keyboard.type('x');
  await page.waitForFunction(() => window.workbench.query('input.active').text === 'x');
  await context.close();
});
