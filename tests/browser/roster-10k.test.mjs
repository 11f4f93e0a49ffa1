// Roster [学员] at 10 000 rows: a manager over 4 tutors with 2 500 students each (a light history:
// WB_ROSTER_10K_LESSONS lessons, half of them past, so seeding and the first sync stay short).
// The test sorts every row by clicking a heading, filters and searches, and checks each result
// against what it computes itself from the rows' data. Timings are printed, not asserted.
// WB_ROSTER_10K_PER_TUTOR makes it smaller while working on it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launchBrowser, openApp, waitForWorkspace, waitForLabels, artifactsDir, clickLabel } from './lib/browser.mjs';
import { roster, waitForRoster } from './lib/roster.mjs';
import { startServer } from './lib/server.mjs';

const perTutor = Number(process.env.WB_ROSTER_10K_PER_TUTOR || 2500);
const lessons = Number(process.env.WB_ROSTER_10K_LESSONS || 4);
const total = 4 * perTutor;
let browser, server, app;
const timings = {};

before(async () => {
  const t0 = Date.now();
  server = await startServer({ timeoutMs: 120000,
                               args: ['--demo-students-per-tutor', String(perTutor), '--demo-lessons', String(lessons)] });
  timings.seed = Date.now() - t0;
  browser = await launchBrowser();
  const t1 = Date.now();
  app = await openApp(browser, server.url);
  // signIn() with a longer wait: the first sync brings every student's history.
  await waitForWorkspace(app.page, (w) => w.phase === 'login' || w.phase === 'ready');
  await app.page.evaluate(([l, p]) => window.workbench.login(l, p), ['manager', server.accounts.manager]);
  await waitForWorkspace(app.page, (w) => w.phase === 'ready' && w.sync.phase === 'synced', 240000);
  timings.signInSync = Date.now() - t1;
  const t2 = Date.now();
  await app.page.evaluate(() => window.workbench.openView('students'));
  await waitForRoster(app.page, (r) => r.ready && r.total > 0, 120000);
  timings.firstDraw = Date.now() - t2;
});

after(async () => {
  console.log(`roster at ${total} students (${lessons} lessons): server seed ${timings.seed} ms, sign-in + sync ` +
              `${timings.signInSync} ms, first draw ${timings.firstDraw} ms (rows ${timings.buildMs} ms, risk ` +
              `${JSON.stringify(timings.riskFit)}), sort by click ${timings.sort} ms, filter ${timings.filter} ms, ` +
              `search ${timings.search} ms, dashboard ${timings.dashboard} ms, matrix scroll ${timings.matrixScroll}`);
  await app?.context.close();
  await browser?.close();
  await server?.stop();
});

test(`every one of the ${total} rows is in the roster`, async () => {
  const state = await roster(app.page, { all: true });
  timings.buildMs = state.buildMs.toFixed(0);
  timings.riskFit = state.riskFit;
  assert.equal(state.total, total);
  assert.equal(new Set(state.all.map((r) => r.id)).size, total, 'each student once');
  await waitForLabels(app.page, [`${total} / ${total} 名学员`]);
  await app.page.screenshot({ path: path.join(artifactsDir(), `roster-${total}.png`) });
});

test('clicking the last-contact heading sorts all rows by it', async () => {
  const { page } = app;
  const all = (await roster(page, { all: true })).all;
  const t = Date.now();
  await clickLabel(page, '最近联系', { holdMs: 80 });
  await waitForRoster(page, (r) => r.query.sort === 'last_contact' && !r.query.descending);
  timings.sort = Date.now() - t;
  const shown = (await roster(page, { first: total })).rows;
  assert.equal(shown.length, total);
  // Expected: the data's lastContact values in ascending order; within a tie the same students.
  const expected = [...all].sort((a, b) => a.lastContact - b.lastContact);
  assert.deepEqual(shown.map((r) => r.lastContact), expected.map((r) => r.lastContact));
  const groups = (rows) => {
    const m = new Map();
    for (const r of rows) m.set(r.lastContact, [...(m.get(r.lastContact) || []), r.id]);
    return [...m.entries()].map(([k, ids]) => [k, ids.sort()]);
  };
  assert.deepEqual(groups(shown), groups(expected));
});

test('the attendance filter shows exactly the absent students', async () => {
  const { page } = app;
  const all = (await roster(page, { all: true })).all;
  const absent = all.filter((r) => r.attendance === 'absent');
  const t = Date.now();
  await clickLabel(page, '全部到课');
  await waitForLabels(page, ['缺课']);
  await clickLabel(page, '缺课');
  await waitForRoster(page, (r) => r.query.attendance.length === 1);
  timings.filter = Date.now() - t;
  const filtered = await roster(page, { first: total });
  assert.equal(filtered.shownCount, absent.length);
  assert.deepEqual(filtered.rows.map((r) => r.id).sort(), absent.map((r) => r.id).sort());
  await clickLabel(page, '清除筛选');
  await waitForRoster(page, (r) => r.query.attendance.length === 0 && r.shownCount === r.total);
});

test('typing a phone tail finds the students whose phone ends with it', async () => {
  const { page } = app;
  const all = (await roster(page, { all: true })).all;
  const tail = all[Math.floor(all.length / 2)].phone.replace(/\D/g, '').slice(-4);
  const expected = all.filter((r) => r.phone.replace(/\D/g, '').endsWith(tail) || r.name.includes(tail));
  const t = Date.now();
  await clickLabel(page, '搜索姓名、拼音首字母或手机尾号');
  await page.keyboard.type(tail);
  await waitForRoster(page, (r) => r.query.text.length === 4);
  timings.search = Date.now() - t;
  const state = await roster(page, { first: total });
  assert.deepEqual(state.rows.map((r) => r.id).sort(), expected.map((r) => r.id).sort());
});

test(`the dashboard's matrix holds all ${total} students and scrolls to the last with the wheel`, async () => {
  const { page } = app;
  const t = Date.now();
  await page.evaluate(() => window.workbench.openView('dashboard'));
  await page.waitForFunction(() => window.workbench.query('dashboard.state').ready, null, { timeout: 120000, polling: 500 });
  timings.dashboard = Date.now() - t;
  let d = await page.evaluate(() => window.workbench.query('dashboard.state'));
  const active = d.metrics.find((m) => m.id === 'students_per_tutor').numerator;
  assert.equal(d.matrix.rows, active, 'one row per active student of the team');
  assert.ok(active > total * 0.95 && active <= total, `${active} of ${total} are active`);
  assert.equal(d.matrix.glError, '');
  const canvas = await page.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return { x: r.left, y: r.top }; });
  const [x0, y0, x1, y1] = d.matrix.rect;
  const rowsInView = (y1 - y0) / d.matrix.cellH;
  // A few wheel notches move it on; then the scrollbar's thumb is dragged to the bottom in steps.
  await page.mouse.move(canvas.x + (x0 + x1) / 2, canvas.y + (y0 + y1) / 2);
  await page.mouse.wheel(0, 300);
  await page.waitForFunction(() => window.workbench.query('dashboard.state').matrix.firstRow > 0, null, { timeout: 10000 });
  const [, wy0, wx1, wy1] = d.matrix.window;
  const frames0 = await page.evaluate(() => window.workbench.frameCount());
  const t1 = Date.now();
  await page.mouse.move(canvas.x + wx1 - 4, canvas.y + wy0 + 6);
  await page.mouse.down();
  for (let i = 1; i <= 40; ++i) await page.mouse.move(canvas.x + wx1 - 4, canvas.y + wy0 + 6 + (wy1 - wy0 + 40) * i / 40);
  await page.mouse.up();
  await page.waitForFunction(([n, v]) => window.workbench.query('dashboard.state').matrix.firstRow >= n - v - 1, [d.matrix.rows, rowsInView],
    { timeout: 30000, polling: 200 });
  const frames = (await page.evaluate(() => window.workbench.frameCount())) - frames0;
  timings.matrixScroll = `${frames} frames in ${Date.now() - t1} ms`;
  d = await page.evaluate(() => window.workbench.query('dashboard.state'));
  assert.ok(d.matrix.framesDrawn > frames / 2, 'the shader drew the scrolled frames');
  await page.screenshot({ path: path.join(artifactsDir(), 'dashboard-10k-bottom.png') });
});
