// Today [今日待办] in Chromium against the real server: a tutor sees the demo's due items grouped
// by urgency, completes one with a real mouse click on its "完成" button and sees the item leave
// its group and the per-task count and the sidebar badge drop by one — still done after a
// reload and on a second signed-in device; a manager sees each of their tutors. Screenshots at
// 1280×800 and 768×1024 (zh-CN).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { openSignedIn, waitForLabels, waitForWorkspace, artifactsDir, clickLabel } from './lib/browser.mjs';

const OPEN_GROUPS = ['overdue', 'soon', 'later_today'];

const env = useServerAndBrowser();
let app;

before(async () => {
  await env.ready;
  app = await openSignedIn(env.browser, env.server, 'tutor1');
});

const todayState = (page) => page.evaluate(() => window.workbench.query('today.state'));

async function openToday(page) {
  await page.evaluate(() => window.workbench.openView('today'));
  await page.waitForFunction(() => window.workbench.query('today.state').ready === true, null, { timeout: 20000 });
  return todayState(page);
}

const openItems = (state) => OPEN_GROUPS.flatMap((g) => state.groups[g]);
const inGroups = (state, id) => Object.values(state.groups).some((items) => items.some((i) => i.id === id));

test('Today lists the tutor\'s due items by urgency, with per-task counts and the sidebar badge', async (t) => {
  const { page } = app;
  const state = await openToday(page);
  assert.ok(state.open > 0, `the demo has work due at the server's start time (${JSON.stringify(state.tasks)})`);
  assert.equal(state.open, openItems(state).length);
  assert.equal(state.badge, state.open);
  assert.equal(state.tasks.reduce((n, t) => n + t.open, 0), state.open, 'per-task counts add up to the total');
  assert.deepEqual(state.tutors, [], 'a tutor has no tutor picker');
  const me = (await page.evaluate(() => window.workbench.workspace())).user;
  assert.ok(openItems(state).every((i) => i.tutorId === me), 'only the signed-in tutor\'s items');
  await waitForLabels(page, ['今日待办', '任务', '全部任务', `badge:${state.badge}`]);
  const labels = await page.evaluate(() => window.workbench.visibleLabels());
  const headers = { overdue: '已逾期', soon: '2 小时内', later_today: '今天稍后' };
  for (const g of OPEN_GROUPS) {
    if (state.groups[g].length) assert.ok(labels.includes(`${headers[g]}#${state.groups[g].length}`), `${g} header with its count`);
  }
  assert.ok(state.computeMs < 1000, `schedule + grouping took ${state.computeMs} ms`);
  t.diagnostic(`tutor1 (20 students): schedule + grouping ${state.computeMs.toFixed(1)} ms, ${state.open} open`);
});

test('the schedule is not recomputed per frame', async () => {
  const { page } = app;
  const before = (await todayState(page)).computations;
  await page.mouse.move(700, 400);
  await page.mouse.move(720, 420);
  await page.waitForTimeout(300);
  const after = (await todayState(page)).computations;
  assert.ok(after - before <= 1, `recomputed ${after - before} times while the mouse moved (only a new minute may)`);
});

test('completing a task from Today with the mouse: the item leaves, the counts drop by one, it stays done', async () => {
  const { page } = app;
  const state = await openToday(page);
  const group = OPEN_GROUPS.find((g) => state.groups[g].length > 0);
  const item = state.groups[group][0];
  const task = state.tasks.find((t) => t.id === item.taskId);
  const taskLabel = `${task.number}  ${task.title}`;
  await waitForLabels(page, [`${taskLabel}#${task.open}`, `badge:${state.badge}`, `完成#${item.id}`]);

  await clickLabel(page, `完成#${item.id}`);
  await page.waitForFunction((id) => {
    const s = window.workbench.query('today.state');
    return s.doneToday.some((i) => i.id === id);
  }, item.id, { timeout: 10000 });
  const after = await todayState(page);
  assert.equal(inGroups(after, item.id), false, 'the item left its group');
  assert.equal(after.tasks.find((t) => t.id === item.taskId).open, task.open - 1, 'the task\'s count dropped by one');
  assert.equal(after.badge, state.badge - 1, 'the sidebar badge dropped by one');
  assert.equal(after.open, state.open - 1);
  await waitForLabels(page, [`${taskLabel}#${task.open - 1}`, `badge:${state.badge - 1}`, `今日已完成#${after.doneToday.length}`,
                             `已完成 · ${item.title}`]);  // the toast that offers undo
  const labels = await page.evaluate(() => window.workbench.visibleLabels());
  assert.ok(!labels.includes(`完成#${item.id}`), 'its button is gone');

  // Durable: pushed to the server, still done after a reload and on another device.
  await waitForWorkspace(page, (w) => w.sync.pending === 0 && w.sync.phase === 'synced');
  await page.reload();
  await waitForWorkspace(page, (w) => w.phase === 'ready');
  const reloaded = await openToday(page);
  assert.ok(reloaded.doneToday.some((i) => i.id === item.id), 'done after a reload');
  assert.equal(inGroups(reloaded, item.id), false);

  const other = await openSignedIn(env.browser, env.server, 'tutor1');
  try {
    const there = await openToday(other.page);
    assert.ok(there.doneToday.some((i) => i.id === item.id), 'done on a second signed-in device (from the server)');
    assert.equal(there.badge, state.badge - 1);
    assert.deepEqual(other.problems, []);
  } finally {
    await other.context.close();
  }
});

test('a student\'s name opens their profile in the roster', async () => {
  const { page } = app;
  const state = await openToday(page);
  const item = openItems(state)[0];
  const name = item.studentNames[0];
  await waitForLabels(page, [name]);
  await clickLabel(page, name);
  await page.waitForFunction(() => window.workbench.currentView() === 'students');
  await page.evaluate(() => window.workbench.openView('today'));
});

test('a click on a task in the column filters the list; a task with nothing open says so', async () => {
  const { page } = app;
  const state = await openToday(page);
  const ids = (labels) => labels.filter((l) => l.startsWith('完成#')).map((l) => l.slice(3));
  const taskOf = new Map(openItems(state).concat(state.groups.upcoming).map((i) => [i.id, i.taskId]));
  const task = state.tasks.filter((t) => t.open > 0).sort((a, b) => a.open - b.open)[0];
  const mine = [...taskOf].filter(([, t]) => t === task.id).map(([id]) => `完成#${id}`);
  await clickLabel(page, `${task.number}  ${task.title}`);
  // The click takes effect on a later frame: wait until the list shows this task's items only
  // (the labels before the click already hold other tasks' items, so any label is no proof).
  const filteredIn = await page.waitForFunction((own) => {
    const done = window.workbench.visibleLabels().filter((l) => l.startsWith('完成#'));
    return done.length > 0 && done.every((l) => own.includes(l));
  }, mine, { timeout: 5000 }).then(() => true, () => false);
  const shown = ids(await page.evaluate(() => window.workbench.visibleLabels()));
  assert.ok(filteredIn && shown.every((id) => taskOf.get(id) === task.id), `only ${task.id} items: ${shown}`);
  const idle = state.tasks.find((t) => t.open === 0 && t.upcoming === 0);
  if (idle) {
    await clickLabel(page, `${idle.number}  ${idle.title}`);
    await waitForLabels(page, ['这项任务今天没有待办']);
  }
  await clickLabel(page, '全部任务');
  await page.waitForFunction(() => !window.workbench.visibleLabels().includes('这项任务今天没有待办'));
});

test('snoozing asks why: Escape cancels, an empty reason is refused, Enter confirms', async () => {
  const { page } = app;
  const state = await openToday(page);
  const item = openItems(state)[0];
  await waitForLabels(page, [`推迟#${item.id}`]);
  await clickLabel(page, `推迟#${item.id}`);
  await waitForLabels(page, ['推迟这项任务']);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !window.workbench.visibleLabels().includes('推迟这项任务'));
  assert.ok(inGroups(await todayState(page), item.id), 'Escape changed nothing');

  await clickLabel(page, `推迟#${item.id}`);
  await waitForLabels(page, ['推迟这项任务']);
  await page.keyboard.press('Enter');
  await waitForLabels(page, ['请写下推迟的原因']);
  await clickLabel(page, '原因#field');
  await page.keyboard.type('parents at work');
  await page.screenshot({ path: path.join(artifactsDir(), 'today-snooze.png') });
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => window.workbench.query('today.state').snoozed.some((i) => i.id === id), item.id);
  const after = await todayState(page);
  assert.equal(inGroups(after, item.id), false, 'a snoozed item leaves its group');
  assert.equal(after.badge, state.badge - 1);
  assert.equal(after.snoozed.find((i) => i.id === item.id).status, 'snoozed');
});

test('screenshots of Today at 1280×800 and 768×1024 (zh-CN), and in English', async () => {
  const { page } = app;
  await openToday(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await waitForLabels(page, ['全部任务']);
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(artifactsDir(), 'today-1280x800.png') });
  await page.setViewportSize({ width: 768, height: 1024 });
  await waitForLabels(page, ['全部任务']);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(artifactsDir(), 'today-768x1024.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await page.evaluate(() => window.workbench.setLanguage('en')), true);
  await waitForLabels(page, ['All tasks', 'Tasks']);
  await page.screenshot({ path: path.join(artifactsDir(), 'today-en-1280x800.png') });
  assert.equal(await page.evaluate(() => window.workbench.setLanguage('zh-CN')), true);
  await waitForLabels(page, ['全部任务']);
});

test('a manager sees each of their tutors, all together or one at a time', async (t) => {
  const mgr = await openSignedIn(env.browser, env.server, 'manager');
  try {
    const { page } = mgr;
    const all = await openToday(page);
    t.diagnostic(`manager (${all.tutors.length} tutors): schedule + grouping ${all.computeMs.toFixed(1)} ms, ${all.open} open`);
    assert.ok(all.tutors.length >= 2, `the manager's tutors: ${JSON.stringify(all.tutors)}`);
    assert.equal(all.tutors.reduce((n, t) => n + t.open, 0), all.open, 'the tutors\' counts add up');
    await waitForLabels(page, ['全部老师', ...all.tutors.map((t) => t.name)]);
    const tutor = all.tutors.find((t) => t.open > 0) || all.tutors[0];
    await clickLabel(page, tutor.name);
    await page.waitForFunction((id) => window.workbench.query('today.state').selectedTutor === id, tutor.id);
    const one = await todayState(page);
    assert.equal(one.open, tutor.open);
    assert.ok(openItems(one).every((i) => i.tutorId === tutor.id), 'only that tutor\'s items');
    assert.equal(one.badge, all.open, 'the badge still counts every tutor');
    await page.screenshot({ path: path.join(artifactsDir(), 'today-manager-1280x800.png') });
    assert.deepEqual(mgr.problems, []);
  } finally {
    await mgr.context.close();
  }
});

test('no console errors, page errors or failed requests', () => {
  assert.deepEqual(app.problems, []);
});
