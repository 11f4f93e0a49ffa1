// The command palette: Ctrl+K from anywhere opens a search over views and students; a student
// found by pinyin initials opens beside the roster with Enter; a view is found by its pinyin
// initials too; Escape closes; the header's search button opens it for mouse and touch users.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { openSignedIn, waitForLabels, waitForIdle, clickLabel, artifactsDir } from './lib/browser.mjs';

const env = useServerAndBrowser();
let app;

before(async () => {
  await env.ready;
  app = await openSignedIn(env.browser, env.server);
});

// The palette's search field has the keyboard (what the user sees as the focused field).
const searchFieldActive = (page) => page.waitForFunction(() => {
  const input = window.workbench.query('input.active');
  return input.active && document.activeElement.classList.contains('wb-text-input');
});

const palette = (page) => page.evaluate(() => window.workbench.query('palette.state'));

test('Ctrl+K, pinyin initials of a student, Enter: the student opens beside the roster', async () => {
  const { page } = app;
  await waitForIdle(page);
  // Listened for after the app's own listener: sees whether the app kept the browser out of it.
  await page.evaluate(() => window.addEventListener('keydown', (e) => {
    if (e.code === 'KeyK') window.lastKDefaultPrevented = e.defaultPrevented;
  }));
  await page.keyboard.press('Control+K');
  await page.waitForFunction(() => window.workbench.query('palette.state').open);
  assert.equal(await page.evaluate(() => window.lastKDefaultPrevented), true, 'the browser does not also act on Ctrl+K');
  // A student of this tutor, and the initials of the name computed here from the data the
  // roster shows (not from the palette).
  const rows = await page.evaluate(() => window.workbench.query('palette.students'));
  assert.ok(rows.length > 0);
  const target = rows[Math.floor(rows.length / 2)];
  await page.keyboard.type(target.initials);
  await page.waitForFunction((q) => window.workbench.query('palette.state').query === q, target.initials);
  const state = await palette(page);
  const students = state.results.filter((r) => r.kind === 'student');
  assert.ok(students.some((r) => r.id === target.id), `${target.name} (${target.initials}) is listed: ${JSON.stringify(students)}`);
  for (const r of students) assert.ok(rows.find((x) => x.id === r.id).initialsAll.some((i) => i.includes(target.initials)),
                                      `${r.label} matches ${target.initials}`);
  await page.screenshot({ path: path.join(artifactsDir(), 'palette-1280x800.png') });
  // Move to the target with the arrows, then Enter.
  const index = state.results.findIndex((r) => r.id === target.id);
  for (let i = 0; i < index; ++i) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !window.workbench.query('palette.state').open);
  assert.equal(await page.evaluate(() => window.workbench.currentView()), 'students');
  assert.equal((await palette(page)).selectedStudent, target.id);
});

test('a view by its pinyin initials; Escape closes without jumping', async () => {
  const { page } = app;
  await page.keyboard.press('Control+K');
  await page.waitForFunction(() => window.workbench.query('palette.state').open);
  await page.keyboard.type('sz');   // 设置
  await page.waitForFunction(() => window.workbench.query('palette.state').query === 'sz');
  const views = (await palette(page)).results.filter((r) => r.kind === 'view');
  assert.deepEqual(views.map((r) => r.id), ['settings']);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !window.workbench.query('palette.state').open);
  assert.equal(await page.evaluate(() => window.workbench.currentView()), 'students');
  await page.keyboard.press('Control+K');
  await searchFieldActive(page);
  await page.keyboard.type('sz');
  await page.waitForFunction(() => window.workbench.query('palette.state').query === 'sz');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.workbench.currentView() === 'settings');
});

test('the header search button opens the palette; nothing matches is said so', async () => {
  const { page } = app;
  await waitForLabels(page, ['搜索']);
  await clickLabel(page, '搜索');
  await page.waitForFunction(() => window.workbench.query('palette.state').open);
  await searchFieldActive(page);
  await page.keyboard.type('zzzzqqq');
  await waitForLabels(page, ['没有与“zzzzqqq”匹配的学员或页面']);
  await page.mouse.click(5, 790);   // outside the palette
  await page.waitForFunction(() => !window.workbench.query('palette.state').open);
  assert.deepEqual(app.problems, []);
});
