// The login form, used like a person: click the fields the app drew, type, press Enter. A wrong
// password gets a clear message and keeps what was typed in the account field; the right one
// opens the workbench and the first sync fills it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { openApp, waitForLabels, waitForWorkspace, clickLabel, workspace } from './lib/browser.mjs';

const env = useServerAndBrowser();

test('logging in through the form: a wrong password is explained, the right one opens the workbench', async () => {
  const { page, context, problems } = await openApp(env.browser, env.server.url);
  await waitForLabels(page, ['登录工作台', '账号', '密码', '登录']);
  await clickLabel(page, '账号#field');
  await page.keyboard.type('tutor1');
  await clickLabel(page, '密码#field');
  await page.keyboard.type('not-the-password');
  await page.keyboard.press('Enter');
  await waitForLabels(page, ['账号或密码不正确。']);
  assert.equal((await workspace(page)).phase, 'login');

  // The password field was cleared after the attempt; the account stays filled in.
  await clickLabel(page, '密码#field');
  await page.keyboard.type(env.server.accounts.tutor1);
  await clickLabel(page, '登录');
  await waitForWorkspace(page, (w) => w.phase === 'ready' && w.user === 't1' && w.sync.phase === 'synced', 60000);
  assert.ok(await page.evaluate(() => window.workbench.count('students')) > 0);
  await waitForLabels(page, ['今日待办']);
  assert.deepEqual(problems.filter((p) => !p.includes('status of 401')), []);
  await context.close();
});
