// The Lesson view [课次] in Chromium against the real server with the demo data. Pre-attendance:
// tutor1 opens the next lesson of 1班 and sends the survey to every parent through the simulated
// "sms" channel in one click; the server's delivery worker sends it; three parents answer by
// POST /api/inbound/sms (the channel's own endpoint, with its secret): "能来" marks attend,
// "请假" marks leave, "可以请假吗" stays unclear with the parent's words on hover; the tutor
// overrides the unclear one to attend. Getting to class: the evening reminder goes to everyone
// not on leave. In class: a student entered and dropped out shows the 5-minute follow-up timer,
// which a logged call closes; a highlight is marked. Screenshots of each stage.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { giveChannelInboundSecret, postAsChannel } from './lib/server-api.mjs';
import { openSignedIn, waitForLabels, artifactsDir, clickLabel, focusEmptyField, waitForIdle, waitForQuery } from './lib/browser.mjs';

// the delivery worker sends the surveys; the clock is moved out of the parents' quiet hours
const env = useServerAndBrowser({ automation: true, testClock: true });
const SECRET = 'sms-inbound-4711';
let app;
let serverNow;

async function postReply(phone, text) {
  const res = await postAsChannel(env.server, 'sms', '', SECRET, { phone, text });
  const answer = await res.text();
  assert.equal(res.status, 200, answer);
  return JSON.parse(answer);
}

const board = (page) => page.evaluate(() => window.workbench.query('lessons.state'));
const waitForBoard = (page, predicate, arg, timeout = 30000) =>
  waitForQuery(page, 'lessons.state', predicate, arg, timeout, (b) => JSON.stringify({ ...b, lessons: undefined, rows: b.rows?.slice(0, 4) }));
const row = (b, id) => b.rows.find((r) => r.studentId === id);
const shot = async (page, name) => { await waitForIdle(page).catch(() => {}); await page.screenshot({ path: path.join(artifactsDir(), name) }); };

before(async () => {
  await env.ready;
  serverNow = await env.server.moveClockToDaytime();
  await giveChannelInboundSecret(env.server, 'sms', SECRET);
  // The page's clock follows the server's: the board counts what happened up to "now".
  app = await openSignedIn(env.browser, env.server, 'tutor1', { clockAt: serverNow });
  await app.page.evaluate(() => window.workbench.openView('lessons'));
  await waitForBoard(app.page, (b) => b.ready === true);
});

test('pre-attendance: one click surveys every parent, replies mark the board, the tutor overrides one', async () => {
  const { page } = app;
  const start = await board(page);
  const next = start.lessons.find((l) => l.classId === 'k1' && l.start > serverNow + 3600 * 1000);
  assert.ok(next, 'class k1 has a lesson to come');
  await page.evaluate((l) => window.workbench.query('lessons.choose', l), next);
  await waitForBoard(page, (b, l) => b.ready && b.lessonId === l.lessonId && b.classId === l.classId, next);
  let b = await board(page);
  assert.ok(b.rows.length >= 3, 'the class has students');
  assert.equal(b.counts.surveyed, 0, 'nobody was asked about the next lesson yet');
  assert.equal(b.counts.noReply, b.rows.length);
  await waitForLabels(page, ['预到课', '赶课', '跟课', `全部 ${b.rows.length}`, `未回复 ${b.rows.length}`]);

  // Through the simulated sms channel, in one click.
  await clickLabel(page, '复制后自己发（微信）#route');
  await waitForLabels(page, ['sms  ·  模拟渠道']);
  await clickLabel(page, 'sms  ·  模拟渠道');
  await waitForBoard(page, (s) => s.route === 'sms');
  await clickLabel(page, `发送问卷给 ${b.rows.length} 位家长`);
  await waitForBoard(page, (s) => s.last.ok && s.rows.every((r) => r.survey && r.survey.channel === 'sms'));
  b = await board(page);
  assert.equal(b.counts.surveyed, b.rows.length);
  assert.match(b.last.message, new RegExp(`^已将 ${b.rows.length} 条消息加入发件箱，将通过 sms 发送`));
  await waitForLabels(page, ['发送问卷给 0 位家长'], 10000);   // asked once: nobody is asked twice
  const survey = await page.evaluate((id) => window.workbench.entity('messages', id), b.rows[0].survey.id);
  assert.equal(survey.templateId, 'survey.pre_attendance');
  assert.equal(survey.lessonId, next.lessonId);
  assert.ok(survey.text.includes(b.rows[0].name), survey.text);

  // The server's delivery worker sends every survey; the attempts sync back.
  await waitForBoard(page, (s) => s.rows.every((r) => r.survey.state === 'delivered'), null, 60000);
  await shot(page, 'lessons-survey-sent.png');

  // Three parents answer on the channel's endpoint.
  const [yes, no, unsure] = b.rows;
  const answers = [await postReply(yes.phone, '能来'), await postReply(no.phone, '请假'), await postReply(unsure.phone, '可以请假吗')];
  assert.deepEqual(answers.map((a) => a.replies[0].outcome), ['mark', 'mark', 'unclear']);
  await waitForBoard(page, (s, ids) => s.rows.find((r) => r.studentId === ids[0]).status === 'attend' &&
    s.rows.find((r) => r.studentId === ids[1]).status === 'leave' &&
    s.rows.find((r) => r.studentId === ids[2]).status === 'unclear', [yes.studentId, no.studentId, unsure.studentId]);
  b = await board(page);
  assert.equal(row(b, unsure.studentId).reply, '可以请假吗');
  assert.equal(row(b, yes.studentId).manual, false, 'marked by the reply parser, not by hand');
  assert.deepEqual([b.counts.attend, b.counts.leave, b.counts.unclear, b.counts.noReply], [1, 1, 1, b.rows.length - 3]);
  // attend + (no reply + unclear) x the class's show-up rate
  assert.equal(b.forecast, 1 + Math.round((b.rows.length - 2) * b.showUpRate));
  await waitForLabels(page, [`预计到课 ${b.forecast} 人（未回复与不确定按本班历史到课率 ${Math.round(b.showUpRate * 100)}% 估算）`,
    '出席 1', '请假 1', '不确定 1']);

  // The parent's own words on hover.
  const words = await page.evaluate(() => window.workbench.labelBounds('可以请假吗'));
  assert.ok(words, 'the reply is on the board');
  const canvas = await page.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return { x: r.left, y: r.top }; });
  await page.mouse.move(canvas.x + words.x + words.w / 2, canvas.y + words.y + words.h / 2);
  await page.waitForFunction(() => window.workbench.visibleLabels().some((l) => l.startsWith('家长原话（') && l.endsWith('）：可以请假吗')));
  await shot(page, 'lessons-board-hover.png');

  // The tutor settles the unclear one by hand.
  await clickLabel(page, `出席#${unsure.studentId}`);
  await waitForBoard(page, (s, id) => { const r = s.rows.find((x) => x.studentId === id); return r.status === 'attend' && r.manual; }, unsure.studentId);
  await waitForLabels(page, ['出席（手动）', `已将 ${unsure.name} 标记为出席`, '出席 2']);
  const mark = await page.evaluate((id) => window.workbench.ids('events', 100000).map((e) => window.workbench.entity('events', e))
    .filter((e) => e.kind === 'attendance_mark' && e.studentId === id && e.source === 'manual'), unsure.studentId);
  assert.equal(mark.length, 1);
  assert.equal(mark[0].lessonId, next.lessonId);
  await shot(page, 'lessons-pre-attendance.png');
});

test('getting to class: the evening reminder goes to every parent whose child is not on leave', async () => {
  const { page } = app;
  await clickLabel(page, '赶课');
  await waitForBoard(page, (s) => s.stage === 1);
  const b = await board(page);
  const onLeave = b.rows.filter((r) => r.status === 'leave').length;
  assert.equal(onLeave, 1);
  const count = b.rows.length - onLeave;
  await waitForLabels(page, [`发送提醒给 ${count} 位家长`, '开课前 30 分钟显示']);
  await clickLabel(page, `发送提醒给 ${count} 位家长`);
  await waitForBoard(page, (s) => s.last.ok && s.rows.filter((r) => r.reminder).length > 0);
  const after = await board(page);
  for (const r of after.rows) assert.equal(!!r.reminder, r.status !== 'leave', `${r.name}: reminded unless on leave`);
  await waitForLabels(page, ['发送提醒给 0 位家长']);
  await shot(page, 'lessons-getting-to-class.png');
});

test('in class: a drop-out shows the 5-minute timer until a call is logged; a highlight is marked', async () => {
  const { page } = app;
  await clickLabel(page, '跟课');
  await waitForBoard(page, (s) => s.stage === 2);
  const student = (await board(page)).rows[0];
  await clickLabel(page, `记进课#${student.studentId}`);
  await waitForBoard(page, (s, id) => s.rows.find((r) => r.studentId === id).inClass, student.studentId);
  await clickLabel(page, `亮点#${student.studentId}`);
  await waitForBoard(page, (s, id) => s.rows.find((r) => r.studentId === id).interaction === 'highlight', student.studentId);
  await clickLabel(page, `记掉线#${student.studentId}`);
  await waitForBoard(page, (s, id) => { const r = s.rows.find((x) => x.studentId === id); return !r.inClass && r.droppedAt > 0; }, student.studentId);
  await page.waitForFunction(() => window.workbench.visibleLabels().some((l) => /^掉线 · [0-4]:[0-5]\d 内回电$/.test(l)));
  await shot(page, 'lessons-in-class.png');

  // A call logged closes the follow-up; a bad duration is explained and nothing is recorded.
  await clickLabel(page, `拨打#${student.studentId}`);
  await focusEmptyField(page, '通话时长（如 2:30 或 3）#field');
  await page.keyboard.type('abc');
  await clickLabel(page, '记录通话');
  await waitForBoard(page, (s) => !s.last.ok && s.last.message !== '');
  assert.equal((await board(page)).rows[0].calls, 0);
  await focusEmptyField(page, '通话时长（如 2:30 或 3）#field');
  await page.keyboard.type('1:30');
  await clickLabel(page, '记录通话');
  await waitForBoard(page, (s, id) => s.rows.find((r) => r.studentId === id).calls === 1, student.studentId);
  await waitForLabels(page, [`已记录与 ${student.name} 家长 1 分 30 秒的通话（已接通）`]);
  const labels = await page.evaluate(() => window.workbench.visibleLabels());
  assert.ok(!labels.some((l) => /内回电$/.test(l)), 'the follow-up is closed');
  assert.deepEqual(app.problems, []);
});
