// The Homework view [练习] as its browser tests read it: the board (query homework.state), waits
// on it, and opening the last ended lesson of a class.
import assert from 'node:assert/strict';
import { waitForQuery } from './browser.mjs';

export const homework = (page) => page.evaluate(() => window.workbench.query('homework.state'));
export const waitForHomework = (page, predicate, arg, timeout) =>
  waitForQuery(page, 'homework.state', predicate, arg, timeout, (h) => JSON.stringify({ ...h, rows: h.rows?.slice(0, 6) }));
export const homeworkRow = (h, id) => h.rows.find((r) => r.studentId === id);

// Opens the Homework view on the class's lesson that ended last; returns that lesson.
export async function openLastEndedLesson(page, classId) {
  await page.evaluate(() => window.workbench.openView('homework'));
  const lessons = (await page.evaluate(() => window.workbench.query('lessons.state'))).lessons;
  const now = await page.evaluate(() => Date.now());
  const lesson = lessons.filter((l) => l.classId === classId && l.end < now).sort((a, b) => b.end - a.end)[0];
  assert.ok(lesson, `class ${classId} has an ended lesson`);
  await page.evaluate((l) => window.workbench.query('lessons.choose', l), lesson);
  await waitForHomework(page, (h, l) => h.ready && h.lessonId === l.lessonId, lesson);
  return lesson;
}
