// Refunds [退费] in Chromium against the real server with its scheduler running: tutor1 records a
// refund request for a student through the form (the 24 h rescue countdown starts); the server's
// clock is moved past 5 h, its scheduler escalates to the manager (an escalation message in the
// outbox), and the manager — whose browser clock is set to the server's — sees the team's open
// request as escalated with "manager notified". The tutor then retains the student with a reason
// from the list plus a note; the request is closed for both. Screenshots of both screens.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { openSignedIn, openApp, signIn, waitForLabels, artifactsDir, clickLabel, focusEmptyField, waitForPageCondition, waitForIdle } from './lib/browser.mjs';

const env = useServerAndBrowser({ automation: true, testClock: true });
const HOUR = 3600 * 1000;
let tutor;

before(async () => {
  await env.ready;
  tutor = await openSignedIn(env.browser, env.server, 'tutor1');
});

const refunds = (page) => page.evaluate(() => window.workbench.query('refunds.state'));

async function openRefunds(page) {
  await page.evaluate(() => window.workbench.openView('refunds'));
  await page.waitForFunction(() => window.workbench.query('refunds.state').ready === true, null, { timeout: 20000 });
}

test('the risk list holds every medium and high risk student of the roster, high first, with reasons', async () => {
  const { page } = tutor;
  await openRefunds(page);
  const state = await refunds(page);
  assert.equal(state.riskKnown, true, 'the demo history fits a risk model');
  const roster = await page.evaluate(() => window.workbench.query('roster.state', { all: true }));
  const atRisk = roster.rows.filter((r) => r.risk !== 'low').map((r) => r.id).sort();
  assert.ok(atRisk.length > 0, 'the demo has students at risk');
  assert.deepEqual(state.risks.map((r) => r.studentId).sort(), atRisk, 'the same students as the roster');
  assert.equal(state.low, roster.rows.length - atRisk.length);
  const levels = state.risks.map((r) => r.level);
  assert.deepEqual(levels, [...levels].sort((a, b) => (a === b ? 0 : a === 'high' ? -1 : 1)), 'high before medium');
  for (const r of state.risks) {
    assert.equal(r.level, roster.rows.find((x) => x.id === r.studentId).risk);
    assert.ok(r.reasons.length > 0 && r.reasons.every((k) => k.startsWith('risk.reason.')), `${r.name} has reasons`);
  }
  const high = levels.filter((l) => l === 'high').length;
  await waitForLabels(page, [`退费风险：高 ${high} · 中 ${levels.length - high} · 低 ${state.low}`, state.risks[0].name]);
});

test('a request escalates to the manager after 5 h on the server clock, and the tutor retains it', async () => {
  const { page } = tutor;
  await openRefunds(page);
  const start = await refunds(page);
  assert.equal(start.cases.length, 0, 'the fresh demo has no open request for tutor1');
  // A student whose name is unique among tutor1's, so the picker's entry is unambiguous.
  const counts = {};
  for (const s of start.students) counts[s.name] = (counts[s.name] || 0) + 1;
  const student = start.students.find((s) => counts[s.name] === 1);
  assert.ok(student, 'tutor1 has a student with a unique name');

  // Submitting without a student or reason says what is missing and records nothing.
  await clickLabel(page, '登记申请');
  await waitForLabels(page, ['请先选择学员']);
  await clickLabel(page, '选择学员#combo');
  await waitForLabels(page, [student.name]);
  await clickLabel(page, student.name);
  // The pick lands on a later frame (and closes the list): a click before that only closes it.
  await waitForPageCondition(page, (id) => window.workbench.query('refunds.state').formStudent === id, student.id);
  await waitForIdle(page).catch(() => {});
  await clickLabel(page, '登记申请');
  await waitForLabels(page, ['请填写申请原因']);
  assert.equal((await refunds(page)).cases.length, 0, 'nothing recorded without a reason');

  await focusEmptyField(page, '家长说的原因#field');
  await page.keyboard.type('schedule clash');
  await clickLabel(page, '登记申请');
  await waitForPageCondition(page, () => window.workbench.query('refunds.state').cases.length === 1);
  const opened = (await refunds(page)).cases[0];
  assert.equal(opened.studentId, student.id);
  assert.equal(opened.stage, 'open');
  assert.equal(opened.managerNotifiedAt, 0);
  assert.equal(opened.deadline - opened.requestedAt, 24 * HOUR);
  await waitForLabels(page, [`已登记 ${student.name} 的退费申请`, '挽单中', '申请原因：schedule clash']);
  // The request reaches the server before its clock moves.
  await waitForPageCondition(page, () => window.workbench.workspace().sync.pending === 0);

  // 5 h and a minute later on the server: the scheduler notifies the manager.
  const serverNow = await env.server.advanceClock(opened.requestedAt + 5 * HOUR + 60 * 1000 - Date.now());
  const manager = await openApp(env.browser, env.server.url);
  await manager.context.clock.install({ time: serverNow });
  await manager.page.reload();
  await signIn(manager.page, env.server, 'manager');
  await openRefunds(manager.page);
  await waitForPageCondition(manager.page, (id) => {
    const c = window.workbench.query('refunds.state').cases.find((x) => x.studentId === id);
    return c && c.managerNotifiedAt > 0;
  }, student.id, 60000);
  const seen = (await refunds(manager.page)).cases.find((c) => c.studentId === student.id);
  assert.equal(seen.stage, 'escalated', 'between 5 h and 20 h the request is escalated');
  assert.ok(seen.managerNotifiedAt >= opened.requestedAt + 5 * HOUR, 'notified at the 5 h mark, not before');
  assert.ok(seen.remainingMs < 19 * HOUR && seen.remainingMs > 18 * HOUR, `about 19 h left (${seen.remainingMs})`);
  await waitForLabels(manager.page, [student.name, '已升级主管', '已通知主管']);
  await manager.page.screenshot({ path: path.join(artifactsDir(), 'refunds-manager.png') });

  // The tutor retains the student: a reason from the list and a note.
  await clickLabel(page, `挽留#${student.id}`);
  await waitForLabels(page, ['挽留原因', '调整班级']);
  await clickLabel(page, '调整班级');
  await focusEmptyField(page, '补充说明（可选）#field');
  await page.keyboard.type('moved to the weekend class');
  await page.screenshot({ path: path.join(artifactsDir(), 'refunds.png') });
  await clickLabel(page, '确认');
  await waitForLabels(page, ['已挽留：调整班级: moved to the weekend class', '暂无待处理的退费申请']);
  assert.equal((await refunds(page)).cases.length, 0);
  await waitForPageCondition(manager.page, (id) =>
    !window.workbench.query('refunds.state').cases.some((x) => x.studentId === id), student.id, 60000);
  await manager.context.close();
});
