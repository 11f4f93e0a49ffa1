// Roster [学员]: pinyin-initial search typed with the real keyboard, phone-tail search, sorting by
// clicking column headings, filters, the remembered column choice, a bulk note, screenshots at
// 1280×800 and 768×1024, and a larger organisation (a manager over 4 tutors) sorted and filtered.
// Expected initials are computed here from Unihan (the same database the app's table is
// generated from, read by independent code) so the test does not trust the app's own table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { openSignedIn, waitForLabels, artifactsDir, clickLabel } from './lib/browser.mjs';
import { roster, waitForRoster } from './lib/roster.mjs';
import { startServer } from './lib/server.mjs';

const env = useServerAndBrowser();
let app;

// code point -> {primary: letter, all: Set of letters} from kMandarin + kXHC1983 + kTGHZ2013.
function unihanInitials() {
  const text = execFileSync('bzcat', ['/usr/share/unicode/Unihan_Readings.txt.bz2'], { maxBuffer: 1 << 28 }).toString();
  const table = new Map();
  const first = (reading) => reading.normalize('NFD')[0].toLowerCase();
  for (const line of text.split('\n')) {
    const m = /^U\+([0-9A-F]+)\t(kMandarin|kXHC1983|kTGHZ2013)\t(.*)$/.exec(line);
    if (!m) continue;
    const cp = parseInt(m[1], 16);
    const entry = table.get(cp) || { primary: '', all: new Set() };
    const readings = m[2] === 'kMandarin' ? m[3].split(' ') : m[3].split(' ').flatMap((e) => e.split(':')[1].split(','));
    for (const r of readings) entry.all.add(first(r));
    if (m[2] === 'kMandarin') entry.primary = first(readings[0]);
    table.set(cp, entry);
  }
  return table;
}
let unihan;

// Does `query` match consecutive characters of `name`, any reading counting?
function initialsMatch(name, query) {
  const sets = [...name].map((ch) => unihan.get(ch.codePointAt(0))?.all).filter(Boolean);
  for (let start = 0; start + query.length <= sets.length; start++)
    if ([...query].every((q, i) => sets[start + i].has(q))) return true;
  return false;
}
const primaryInitials = (name) => [...name].map((ch) => unihan.get(ch.codePointAt(0))?.primary || '').join('');


async function clearSearch(page) {
  await clickLabel(page, '搜索姓名、拼音首字母或手机尾号');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await waitForRoster(page, (r) => r.query.text === '');
}

before(async () => {
  await env.ready;
  unihan = unihanInitials();
  app = await openSignedIn(env.browser, env.server);
  await clickLabel(app.page, '学员');
  await waitForRoster(app.page, (r) => r.ready && r.total > 0);
});

after(async () => { await app?.context.close(); });

test('typing pinyin initials finds exactly the students whose names match', async () => {
  const { page } = app;
  const all = (await roster(page, { all: true })).all;
  assert.ok(all.length >= 10, `the tutor has students (${all.length})`);
  for (const r of all) assert.equal(r.initials, primaryInitials(r.name), `initials of ${r.name}`);
  const known = all[3];
  const query = primaryInitials(known.name).slice(0, 2);
  await clickLabel(page, '搜索姓名、拼音首字母或手机尾号');
  await page.keyboard.type(query);
  await waitForRoster(page, (r) => r.query.text.length === 2);
  const state = await roster(page, { first: 1000 });
  const expected = all.filter((r) => initialsMatch(r.name, query)).map((r) => r.id).sort();
  assert.deepEqual(state.rows.map((r) => r.id).sort(), expected, `rows for "${query}"`);
  assert.ok(state.rows.some((r) => r.id === known.id), `${known.name} is found by "${query}"`);
  assert.ok(state.shownCount < state.total, 'the search narrows the roster');
  await waitForLabels(page, [known.name, `${state.shownCount} / ${state.total} 名学员`]);
  await clearSearch(page);
});

test('a phone tail finds the student, a search that matches nobody offers to clear it', async () => {
  const { page } = app;
  const all = (await roster(page, { all: true })).all;
  const known = all.find((r) => r.phone.replace(/\D/g, '').length >= 4);
  const tail = known.phone.replace(/\D/g, '').slice(-4);
  await clickLabel(page, '搜索姓名、拼音首字母或手机尾号');
  await page.keyboard.type(tail);
  await waitForRoster(page, (r) => r.query.text.length === 4);
  const state = await roster(page, { first: 1000 });
  assert.ok(state.rows.some((r) => r.id === known.id));
  for (const r of state.rows) assert.ok(r.phone.replace(/\D/g, '').endsWith(tail) || r.name.includes(tail));
  await page.keyboard.type('qqqqq');
  await waitForLabels(page, [`没有匹配“${tail}qqqqq”的学员`, '清除筛选']);
  await clickLabel(page, '清除筛选');
  await waitForRoster(page, (r) => r.query.text === '' && r.shownCount === r.total);
});

test('clicking column headings sorts; filters narrow the rows', async () => {
  const { page } = app;
  await clickLabel(page, '退费风险', { holdMs: 80 });
  await waitForRoster(page, (r) => r.query.sort === 'risk' && !r.query.descending);
  let rows = (await roster(page, { first: 1000 })).rows;
  const rank = { low: 0, medium: 1, high: 2 };
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1], b = rows[i];
    assert.ok(rank[a.risk] < rank[b.risk] || (rank[a.risk] === rank[b.risk] && a.riskProbability <= b.riskProbability),
              `ascending risk at ${i}`);
  }
  await clickLabel(page, '退费风险', { holdMs: 80 });
  await waitForRoster(page, (r) => r.query.sort === 'risk' && r.query.descending);
  rows = (await roster(page, { first: 1000 })).rows;
  for (let i = 1; i < rows.length; i++) assert.ok(rank[rows[i - 1].risk] >= rank[rows[i].risk], `descending risk at ${i}`);

  // Attendance filter: absent only.
  const before = await roster(page, { all: true });
  const absent = before.all.filter((r) => r.attendance === 'absent').length;
  await clickLabel(page, '全部到课');
  await waitForLabels(page, ['缺课']);
  await clickLabel(page, '缺课');
  await waitForRoster(page, (r) => r.query.attendance.length === 1);
  const filtered = await roster(page, { first: 1000 });
  assert.equal(filtered.shownCount, absent);
  for (const r of filtered.rows) assert.equal(r.attendance, 'absent');
  await clickLabel(page, '清除筛选');
  await waitForRoster(page, (r) => r.query.attendance.length === 0 && r.shownCount === r.total);
});

test('screenshots at 1280×800 and 768×1024', async () => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(artifactsDir(), 'roster-1280x800.png') });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(artifactsDir(), 'roster-768x1024.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(300);
});

test('the column choice is remembered across a reload', async () => {
  const { page } = app;
  await page.waitForFunction(() => (localStorage.getItem('wb.roster.columns') || '').includes('name'));
  const stored = await page.evaluate(() => localStorage.getItem('wb.roster.columns'));
  assert.ok(stored.includes('phone'), `phone is shown by default (${stored})`);
  await page.evaluate(() => localStorage.setItem('wb.roster.columns', 'name,class,risk,attendance'));
  await page.reload();
  await page.waitForFunction(() => window.workbench && window.workbench.ready === true);
  await page.waitForFunction(() => window.workbench.workspace().phase === 'ready');
  await page.evaluate(() => window.workbench.openView('students'));
  await waitForRoster(page, (r) => r.ready && r.total > 0);
  await waitForLabels(page, ['姓名', '班级', '退费风险']);
  const labels = await page.evaluate(() => window.workbench.visibleLabels());
  assert.ok(!labels.includes('手机'), 'the hidden phone column stays hidden');
  assert.equal((await roster(page)).columns, 'name,class,risk,attendance');
});

test('Ctrl+click selects rows; a bulk note is recorded for each; copy reports the rows', async () => {
  const { page } = app;
  const rows = (await roster(page, { first: 3 })).rows;
  await page.keyboard.down('Control');
  await page.waitForTimeout(100);
  await clickLabel(page, rows[0].name, { holdMs: 80 });
  await page.waitForTimeout(100);
  await clickLabel(page, rows[1].name, { holdMs: 80 });
  await page.keyboard.up('Control');
  await waitForRoster(page, (r) => r.selected.length === 2);
  const notesBefore = await page.evaluate(() => window.workbench.count('events'));
  await clickLabel(page, '添加备注');
  await waitForLabels(page, ['为 2 名学员添加备注']);
  await page.keyboard.type('bulk note');
  await page.keyboard.press('Enter');
  await waitForRoster(page, (r) => !r.noteOpen);
  await page.waitForFunction((n) => window.workbench.count('events') === n + 2, notesBefore);
  await waitForLabels(page, ['已为 2 名学员添加备注']);
  const selected = (await roster(page)).selected.sort();
  assert.deepEqual(selected, [rows[0].id, rows[1].id].sort());
  await clickLabel(page, '复制');
  await waitForLabels(page, ['已复制 2 行']);
});

test('a manager over 4 tutors: the roster builds, sorts and filters every row', async () => {
  const server = await startServer({ args: ['--demo-students-per-tutor', String(process.env.WB_ROSTER_PER_TUTOR || 50)] });
  let big;
  try {
    const t0 = Date.now();
    big = await openSignedIn(env.browser, server, 'manager');
    const synced = Date.now();
    await big.page.evaluate(() => window.workbench.openView('students'));
    await waitForRoster(big.page, (r) => r.ready && r.total > 0, 120000);
    const drawn = Date.now();
    const first = await roster(big.page, { all: true });
    const perTutor = Number(process.env.WB_ROSTER_PER_TUTOR || 50);
    assert.equal(first.total, 4 * perTutor);
    await clickLabel(big.page, '最近联系', { holdMs: 80 });
    await waitForRoster(big.page, (r) => r.query.sort === 'last_contact');
    const sorted = Date.now();
    const state = await roster(big.page, { first: first.total });
    for (let i = 1; i < state.rows.length; i++) assert.ok(state.rows[i - 1].lastContact <= state.rows[i].lastContact);
    const high = first.all.filter((r) => r.risk === 'high').length;
    await clickLabel(big.page, '全部风险');
    await waitForLabels(big.page, ['高']);
    await clickLabel(big.page, '高');
    await waitForRoster(big.page, (r) => r.query.risks.length === 1);
    const filtered = await roster(big.page, { first: first.total });
    assert.equal(filtered.shownCount, high);
    for (const r of filtered.rows) assert.equal(r.risk, 'high');
    console.log(`roster at ${first.total} students: sign-in + sync ${synced - t0} ms, first draw ${drawn - synced} ms ` +
                `(rows ${first.buildMs.toFixed(0)} ms, risk fit ${first.riskFitMs.toFixed(0)} ms), ` +
                `sort by click ${sorted - drawn} ms (query ${state.queryMs.toFixed(1)} ms)`);
  } finally {
    await big?.context.close();
    await server.stop();
  }
});
