// One-click feedback to the parent and the student, then the channel's read receipt, in Chromium
// against the real server with its delivery worker: tutor1 regrades a work of 1班's last ended
// lesson, sends the feedback through the simulated "sms" channel, the worker delivers both
// messages, the channel posts POST /api/inbound/sms/receipt {status: read} for the parent's, and
// the homework board shows 家长已查看 for that student without anyone recording it by hand; the
// student's own read is a delivery report only. Screenshot.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { homework, waitForHomework, homeworkRow, openLastEndedLesson } from './lib/homework.mjs';
import { giveChannelInboundSecret, postAsChannel } from './lib/server-api.mjs';
import { openSignedIn, waitForLabels, artifactsDir, clickLabel, waitForIdle } from './lib/browser.mjs';

// the delivery worker sends the feedback; the clock is moved out of the parents' quiet hours
const env = useServerAndBrowser({ automation: true, testClock: true });
const SECRET = 'sms-receipts-2718';
let app;
let lesson;

const row = homeworkRow;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Posts the channel's read receipt of `messageId` until the server has it as sent: the message
// reaches the server with the page's next push and the worker sends it within a second or two.
// Meanwhile the server says it does not know it yet (404) or has not sent it (409 not_sent);
// anything else is an answer. The receipt carries the gateway's time: here the page's (real)
// clock, as the server's is moved.
async function postReadReceipt(messageId) {
  const deadline = Date.now() + 30000;
  for (;;) {
    const res = await postAsChannel(env.server, 'sms', '/receipt', SECRET, { messageId, status: 'read', at: Date.now() });
    const body = await res.json();
    const waiting = res.status === 404 || (res.status === 409 && body.error?.code === 'not_sent');
    if (!waiting || Date.now() > deadline) return { status: res.status, body };
    await sleep(250);
  }
}

// The students (their rows in the data) of the lesson who handed in.
async function studentsWhoHandedIn(page) {
  const h = await homework(page);
  return page.evaluate((ids) => ids.map((id) => window.workbench.entity('students', id)),
    h.rows.filter((r) => r.submittedAt).map((r) => r.studentId));
}

// A new grade for the student's work: its feedback is due anew.
async function regrade(page, studentId, grade, extra = {}) {
  const recorded = await page.evaluate(([s, l, g, x]) => window.workbench.submit('event.record',
    { id: `hw-regrade-${g}-${s}`, kind: 'grade', at: Date.now() - 500, studentId: s, lessonId: l, value: g, ...x }),
  [studentId, lesson.lessonId, grade, extra]);
  assert.equal(recorded.ok, true, recorded.reason);
}

before(async () => {
  await env.ready;
  await env.server.moveClockToDaytime();
  await giveChannelInboundSecret(env.server, 'sms', SECRET);
  app = await openSignedIn(env.browser, env.server, 'tutor1');
  const { page } = app;
  lesson = await openLastEndedLesson(page, 'k1');
});

test('a read receipt from the channel shows 家长已查看 for the feedback the tutor sent', async () => {
  const { page } = app;
  // A work by a student with a phone of their own, graded again: its feedback is due anew.
  const student = (await studentsWhoHandedIn(page)).find((st) => st.studentPhone);
  assert.ok(student, 'a student of the lesson who handed in has a phone of their own');
  await regrade(page, student.id, 'A', { text: '思路清晰' });
  await waitForHomework(page, (x, id) => x.rows.find((r) => r.studentId === id).grade === 'A' &&
    !x.rows.find((r) => r.studentId === id).feedbackSentAt, student.id);
  let h = await homework(page);
  const due = h.rows.filter((r) => r.grade && !r.feedbackSentAt).length;

  await clickLabel(page, '提交情况');
  await clickLabel(page, '复制后自己发（微信）#route');
  await clickLabel(page, 'sms  ·  模拟渠道');
  await clickLabel(page, `一键反馈给 ${due} 位学员及家长`);
  await waitForHomework(page, (x, id) => x.rows.find((r) => r.studentId === id).feedbackSentAt > 0, student.id);
  h = await homework(page);
  const target = row(h, student.id);
  assert.ok(target.feedbackMessageId, 'the feedback refers to the outbox message to the parent');
  assert.equal(target.feedbackViewedAt, 0);
  const viewedBefore = h.feedbackViewed;

  const read = await postReadReceipt(target.feedbackMessageId);
  assert.equal(read.status, 200, JSON.stringify(read.body));
  assert.equal(read.body.state, 'delivered');
  assert.equal(read.body.viewedEventId, `viewed:${target.feedbackMessageId}`);
  await waitForHomework(page, (x, id) => x.rows.find((r) => r.studentId === id).feedbackViewedAt > 0, student.id, 30000);
  h = await homework(page);
  assert.equal(h.feedbackViewed, viewedBefore + 1);
  await waitForLabels(page, [`${h.submitted} 已提交，${h.remaining} 未交 · 已批改 ${h.graded} · 已反馈 ${h.feedbackSent} · 家长已查看 ${h.feedbackViewed}`]);

  // The student reads their own message: delivered, and not counted as the parent's view.
  const messages = await page.evaluate((id) => window.workbench.query('homework.messages', { studentId: id }), student.id);
  const own = messages.find((m) => m.role === 'student');
  assert.ok(own, JSON.stringify(messages));
  const ownRead = await postReadReceipt(own.id);
  assert.equal(ownRead.status, 200, JSON.stringify(ownRead.body));
  assert.equal(ownRead.body.viewedEventId, undefined);
  // A receipt for a message the channel was never handed names it.
  const unknown = await postAsChannel(env.server, 'sms', '/receipt', SECRET, { messageId: 'no-such-message', status: 'read' });
  assert.equal(unknown.status, 404);
  assert.match((await unknown.json()).error.message, /no message no-such-message was handed to channel sms/);
  await waitForIdle(page).catch(() => {});
  await page.screenshot({ path: path.join(artifactsDir(), 'homework-feedback-viewed.png') });
  assert.deepEqual(app.problems, []);
});

test('copied to send myself: each parent and each student with a phone; a student without one is named', async () => {
  const { page } = app;
  const students = await studentsWhoHandedIn(page);
  const withPhone = students.find((st) => st.studentPhone);
  const without = students.find((st) => !st.studentPhone);
  assert.ok(withPhone && without, 'the lesson has students with and without a phone of their own');
  for (const st of [withPhone, without]) await regrade(page, st.id, 'S');
  await waitForHomework(page, (x, ids) => ids.every((id) => !x.rows.find((r) => r.studentId === id).feedbackSentAt),
    [withPhone.id, without.id]);
  let h = await homework(page);
  const due = h.rows.filter((r) => r.grade && !r.feedbackSentAt);
  const dueStudents = await page.evaluate((ids) => ids.map((id) => window.workbench.entity('students', id)), due.map((r) => r.studentId));
  await clickLabel(page, 'sms  ·  模拟渠道#route');
  await clickLabel(page, '复制后自己发（微信）');
  await waitForLabels(page, ['复制后自己发（微信）#route']);
  await clickLabel(page, `一键反馈给 ${due.length} 位学员及家长`);
  await waitForHomework(page, (x, ids) => ids.every((id) => x.rows.find((r) => r.studentId === id).feedbackSentAt > 0),
    due.map((r) => r.studentId));
  h = await homework(page);
  const copies = due.length + dueStudents.filter((st) => st.studentPhone).length;
  assert.match(h.last.message, new RegExp(`^已复制 ${copies} 条消息`));
  assert.ok(h.last.message.includes('未发给学生：') && h.last.message.includes(without.name), h.last.message);
  assert.equal(h.last.ok, true, 'every parent got it');
  assert.deepEqual(app.problems, []);
});
