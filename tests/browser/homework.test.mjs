// The Homework view [练习] in Chromium against the real server with the demo data. tutor1 opens
// the last ended lesson of 1班; two missing students hand in (as the homework channel records it);
// the tutor grades every ungraded work with the keyboard alone (S / B, a phrase by its number,
// E for an excellent work, Enter to save and go on), the B grade opens the 1-on-1 explanation task
// on Today, one click sends the feedback of every graded work to the parents and to the students
// with a phone of their own through the sms channel, one click
// urges a missing student found by name, and the leaderboard ranks the graded works. Screenshots.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { homework, waitForHomework, homeworkRow, openLastEndedLesson } from './lib/homework.mjs';
import { openSignedIn, waitForLabels, artifactsDir, clickLabel, focusEmptyField, waitForIdle } from './lib/browser.mjs';

const env = useServerAndBrowser({});
let app;
let lesson;
const handedIn = [];

const row = homeworkRow;
const shot = async (page, name) => { await waitForIdle(page).catch(() => {}); await page.screenshot({ path: path.join(artifactsDir(), name) }); };

before(async () => {
  await env.ready;
  app = await openSignedIn(env.browser, env.server, 'tutor1');
  const { page } = app;
  lesson = await openLastEndedLesson(page, 'k1');
});

test('submissions: who handed in and when, the urge count, and hand-ins recorded arrive on the board', async () => {
  const { page } = app;
  let h = await homework(page);
  const missing = h.rows.filter((r) => !r.submittedAt);
  assert.ok(missing.length >= 3, `the demo leaves some works of the last lesson missing (${missing.length})`);
  assert.equal(h.submitted + h.remaining, h.rows.length);
  await waitForLabels(page, ['提交情况', '批量批改', '排行榜']);
  await waitForLabels(page, [`${h.submitted} 已提交，${h.remaining} 未交 · 已批改 ${h.graded} · 已反馈 ${h.feedbackSent} · 家长已查看 ${h.feedbackViewed}`]);
  for (const r of missing.slice(0, 2)) {
    const sent = await page.evaluate(([s, l]) => window.workbench.submit('event.record',
      { id: `hw-in-${s}`, kind: 'homework_submitted', at: Date.now() - 60000, studentId: s, lessonId: l }), [r.studentId, lesson.lessonId]);
    assert.equal(sent.ok, true, sent.reason);
    handedIn.push(r.studentId);
  }
  await waitForHomework(page, (x, ids) => ids.every((id) => x.rows.find((r) => r.studentId === id).submittedAt > 0), handedIn);
  h = await homework(page);
  assert.equal(h.remaining, missing.length - 2);
  await waitForLabels(page, [`催交 ${h.remaining} 位未交学员`]);
  await shot(page, 'homework-submissions.png');
});

test('batch grading with the keyboard: grade, phrase, excellent, save and next; a B opens the 1-on-1 task', async () => {
  const { page } = app;
  await clickLabel(page, '批量批改');
  await clickLabel(page, '只看未批改');
  await waitForHomework(page, (h) => h.tab === 1 && h.grading.ungradedOnly && h.grading.current !== '');
  let h = await homework(page);
  const queue = h.grading.queue;
  assert.ok(queue >= 2, `at least the two new works wait (${queue})`);
  assert.ok(h.grading.phrases.length >= 3 && !h.grading.phrases[0].personal, 'the shared phrases come first');
  await waitForLabels(page, ['键盘：S / A / B 评等级，1–9 选评语，Enter 保存并下一份，← → 切换，E 标为优秀']);

  const graded = [];
  for (let i = 0; i < queue; ++i) {
    h = await homework(page);
    const id = h.grading.current;
    const grade = i === 0 ? 'B' : 'S';
    await page.keyboard.press(grade.toLowerCase());
    await waitForHomework(page, (x, g) => x.grading.grade === g, grade);
    h = await homework(page);
    const phrase = h.grading.filled[0];
    assert.ok(!phrase.includes('{student}'), `the phrase is filled in: ${phrase}`);
    await page.keyboard.press('1');
    await waitForHomework(page, (x, p) => x.grading.comment === p, phrase);
    if (i === 1) {
      await page.keyboard.press('e');
      await waitForHomework(page, (x, s) => x.rows.find((r) => r.studentId === s).excellent, id);
    }
    if (i === 0) await shot(page, 'homework-grading.png');
    await page.keyboard.press('Enter');
    await waitForHomework(page, (x, [s, g]) => x.rows.find((r) => r.studentId === s).grade === g, [id, grade]);
    graded.push({ id, grade, phrase });
  }
  await waitForLabels(page, ['本节作业已全部批改']);
  h = await homework(page);
  for (const g of graded) assert.equal(row(h, g.id).comment, g.phrase, 'the picked phrase is the comment');
  assert.equal(h.graded, h.submitted, 'every work is graded');
  assert.ok(h.excellent.some((w) => w.studentId === graded[1].id && w.grade === 'S'), 'the excellent work is in the library');

  // The B grade's 1-on-1 explanation task, on Today.
  await page.waitForFunction((s) => {
    const t = window.workbench.query('today.state');
    return t.ready && Object.values(t.groups).flat().some((i) => i.subtaskId === 'b_grade_1on1' && i.students.includes(s));
  }, graded[0].id, { timeout: 20000 }).catch(async (e) => {
    const t = await page.evaluate(() => window.workbench.query('today.state'));
    const all = Object.values(t.groups).flat();
    throw new Error(`${e.message}\nb_grade items: ${JSON.stringify(all.filter((i) => i.subtaskId === 'b_grade_1on1'))} tasks: ${JSON.stringify(t.tasks.map((x) => x.id))} snoozed ${t.snoozed.length} done ${JSON.stringify(t.doneToday.filter((i) => i.subtaskId === 'b_grade_1on1').length)}`);
  });
  await clickLabel(page, '只看未批改');
  await waitForHomework(page, (x) => !x.grading.ungradedOnly);
  assert.deepEqual(app.problems, []);
});

test('one-click feedback to every graded work, an urge found by name, and the leaderboard', async () => {
  const { page } = app;
  await clickLabel(page, '提交情况');
  let h = await homework(page);
  const targets = h.rows.filter((r) => r.grade && !r.feedbackSentAt);
  const unsent = targets.length;
  assert.ok(unsent >= 2, `the new grades have no feedback yet (${unsent})`);
  const students = await page.evaluate((ids) => ids.map((id) => window.workbench.entity('students', id)), targets.map((r) => r.studentId));
  const ownPhone = students.filter((st) => st.studentPhone);
  assert.ok(ownPhone.length > 0, 'some of them have a phone of their own');
  await clickLabel(page, '复制后自己发（微信）#route');
  await clickLabel(page, 'sms  ·  模拟渠道');
  await clickLabel(page, `一键反馈给 ${unsent} 位学员及家长`);
  await waitForHomework(page, (x) => x.last.ok && x.rows.every((r) => !r.grade || r.feedbackSentAt > 0));
  h = await homework(page);
  // One message to each parent, one to each student with a phone; the others are named.
  assert.match(h.last.message, new RegExp(`^已将 ${unsent + ownPhone.length} 条消息加入发件箱，将通过 sms 发送`));
  const noPhone = students.filter((st) => !st.studentPhone).map((st) => st.name);
  if (noPhone.length) assert.ok(h.last.message.includes(`没有学生本人的手机号，未发给学生：${noPhone.join('、')}`), h.last.message);
  for (const st of students) {
    const messages = await page.evaluate((id) => window.workbench.query('homework.messages', { studentId: id }), st.id);
    const parent = messages.find((m) => m.role === 'parent');
    const own = messages.find((m) => m.role === 'student');
    assert.ok(parent && parent.address === st.parentPhone && parent.text.startsWith(`${st.name}家长您好`), JSON.stringify(messages));
    assert.equal(row(h, st.id).feedbackMessageId, parent.id, 'the feedback refers to the parent\'s message');
    if (st.studentPhone) {
      assert.ok(own && own.address === st.studentPhone && own.text.startsWith(`${st.name}同学，你的`), JSON.stringify(messages));
      assert.equal(own.templateId, 'feedback.homework.student');
    } else {
      assert.equal(own, undefined, 'no message to a student without a phone');
    }
  }
  await waitForLabels(page, ['一键反馈给 0 位学员及家长']);

  // The urge, to one missing student found by name.
  const target = h.rows.find((r) => !r.submittedAt);
  await focusEmptyField(page, '按姓名筛选未交学员#field');
  await page.keyboard.insertText(target.name);
  const sameName = h.rows.filter((r) => !r.submittedAt && r.name.includes(target.name)).length;
  await waitForLabels(page, [`催交 ${sameName} 位未交学员`]);
  await clickLabel(page, `催交 ${sameName} 位未交学员`);
  await waitForHomework(page, (x) => x.last.ok && /^已将 \d+ 条消息加入发件箱/.test(x.last.message));
  assert.match((await homework(page)).last.message, new RegExp(`^已将 ${sameName} 条消息加入发件箱`));
  await shot(page, 'homework-feedback.png');

  await clickLabel(page, '排行榜');
  h = await homework(page);
  assert.equal(h.leaderboard.length, h.graded);
  const order = { S: 0, A: 1, B: 2 };
  for (let i = 1; i < h.leaderboard.length; ++i)
    assert.ok(order[h.leaderboard[i - 1].grade] <= order[h.leaderboard[i].grade], 'ranked by grade');
  const lines = h.leaderboardText.split('\n');
  assert.equal(lines.length, h.leaderboard.length + 1);
  await waitForLabels(page, [lines[0], lines[1], '复制排行榜，发到班级群']);
  await clickLabel(page, '复制排行榜，发到班级群');
  await waitForHomework(page, (x) => x.last.ok && x.last.message.startsWith('已复制排行榜'));
  await shot(page, 'homework-leaderboard.png');
  assert.deepEqual(app.problems, []);
});
