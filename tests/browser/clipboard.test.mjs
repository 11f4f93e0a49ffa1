// Copy and paste between the app's text fields and the rest of the system: ImGui's clipboard
// goes through the page (copy/cut events carry what ImGui copied; the paste event's text is
// what Ctrl+V inserts), so other pages see it with navigator.clipboard and the other way round.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { openApp, waitForLabels, waitForWorkspace, focusEmptyField, waitForPageCondition } from './lib/browser.mjs';

const env = useServerAndBrowser();
let app;

before(async () => {
  await env.ready;
  app = await openApp(env.browser, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await waitForWorkspace(app.page, (w) => w.phase === 'login');
  await waitForLabels(app.page, ['账号#field']);
});

const fieldText = (page) => page.evaluate(() => window.workbench.query('input.active').text);
const readClipboard = (page) => page.evaluate(() => navigator.clipboard.readText());


test('Ctrl+C copies the selected text of a field to the system clipboard', async () => {
  const { page } = app;
  await page.evaluate(() => navigator.clipboard.writeText('something else'));
  await focusEmptyField(page, '账号#field');
  await page.keyboard.type('tutor-copy');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await waitForPageCondition(page, () => navigator.clipboard.readText().then((t) => t === 'tutor-copy'));
  assert.equal(await readClipboard(page), 'tutor-copy');
  assert.equal(await fieldText(page), 'tutor-copy', 'copying leaves the field as it was');
});

test('Ctrl+V pastes text another page put on the clipboard, once', async () => {
  const { page } = app;
  // Another page of the same browser writes the clipboard.
  const other = await page.context().newPage();
  await other.goto(`${env.server.url}/shell.css`);
  await other.evaluate(() => navigator.clipboard.writeText('from another page'));
  await other.close();
  await page.bringToFront();
  await focusEmptyField(page, '账号#field');
  await page.keyboard.type('x ');
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => window.workbench.query('input.active').text === 'x from another page');
  await page.waitForTimeout(300);
  assert.equal(await fieldText(page), 'x from another page', 'pasted exactly once');
  assert.equal(await page.evaluate(() => document.getElementById('wb-text-input').value), '');
});

test('Chinese text round-trips: paste, cut, paste again', async () => {
  const { page } = app;
  await page.evaluate(() => navigator.clipboard.writeText('王小明 家长'));
  await focusEmptyField(page, '账号#field');
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => window.workbench.query('input.active').text === '王小明 家长');
  // Select the last two characters with the keyboard and cut them.
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Control+X');
  await page.waitForFunction(() => window.workbench.query('input.active').text === '王小明 ');
  await waitForPageCondition(page, () => navigator.clipboard.readText().then((t) => t === '家长'));
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => window.workbench.query('input.active').text === '家长王小明 ');
});

test('a password field never gives its text to the clipboard', async () => {
  const { page } = app;
  await page.evaluate(() => navigator.clipboard.writeText('unchanged'));
  await focusEmptyField(page, '密码#field');
  await page.keyboard.type('secret-pw');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await page.waitForTimeout(300);
  assert.equal(await readClipboard(page), 'unchanged');
});

test('no console errors or page errors', () => {
  assert.deepEqual(app.problems, []);
});
