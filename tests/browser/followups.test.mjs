// Follow-up visits [回访] in Chromium against the real server with the demo data: tutor1 picks a
// student not yet visited this month, records a 2-minute reached call (kept in the call log but
// "not counted" by the 3-minute rule: coverage does not move), then a 4-minute call with a note
// (counted: the coverage count moves by one and the student leaves the unvisited list). Screenshot.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { openSignedIn, waitForLabels, artifactsDir, clickLabel, focusEmptyField, waitForPageCondition } from './lib/browser.mjs';

const env = useServerAndBrowser();
let app;

before(async () => {
  await env.ready;
  app = await openSignedIn(env.browser, env.server, 'tutor1');
});

const planState = (page) => page.evaluate(() => window.workbench.query('followups.state'));

async function recordCall(page, minutes, note) {
  await focusEmptyField(page, '通话时长（分钟）#field');
  await page.keyboard.type(String(minutes));
  await focusEmptyField(page, '备注#field');
  await page.keyboard.type(note);
  await waitForLabels(page, [minutes >= 3 ? '将计入回访' : '不计入（不足 3 分钟或未接通）']);
  await clickLabel(page, '保存通话');
}

test('a 2-minute call is not counted; a 4-minute call with a note moves the coverage', async () => {
  const { page } = app;
  await page.evaluate(() => window.workbench.openView('followups'));
  await page.waitForFunction(() => window.workbench.query('followups.state').ready === true, null, { timeout: 20000 });
  const start = await planState(page);
  assert.ok(start.roster > 0, 'tutor1 has a roster');
  assert.equal(start.unvisited.length, start.roster - start.visited);
  assert.ok(start.unvisited.length > 0, 'someone is still to visit this month');
  await waitForLabels(page, [`本月已回访 ${start.visited}/${start.roster}（${Math.round((100 * start.visited) / start.roster)}%）`,
    '规则：接通且通话不少于 3 分钟才计入回访']);

  const student = start.unvisited[0];
  const name = start.names[student];
  await clickLabel(page, name);
  await waitForLabels(page, [`学员：${name}`]);

  await recordCall(page, 2, 'short call');
  await waitForPageCondition(page, (id) => {
    const s = window.workbench.query('followups.state');
    return s.calls.some((c) => c.studentId === id && c.durationSec === 120);
  }, student);
  const afterShort = await planState(page);
  const short = afterShort.calls.find((c) => c.studentId === student && c.durationSec === 120);
  assert.equal(short.counted, false, 'under 3 minutes does not count');
  assert.equal(short.note, 'short call');
  assert.equal(afterShort.visited, start.visited, 'coverage did not move');
  assert.ok(afterShort.unvisited.includes(student), 'still unvisited');
  await waitForLabels(page, ['不计入', `已保存，${name} 未计入（不足 3 分钟）`]);

  await recordCall(page, 4, 'parent happy');
  await waitForPageCondition(page, (id) => !window.workbench.query('followups.state').unvisited.includes(id), student);
  const after = await planState(page);
  const long = after.calls.find((c) => c.studentId === student && c.durationSec === 240);
  assert.equal(long.counted, true);
  assert.equal(long.reached, true);
  assert.equal(long.note, 'parent happy');
  assert.equal(after.visited, start.visited + 1, 'coverage count moved by one');
  assert.equal(after.roster, start.roster);
  await waitForLabels(page, [`本月已回访 ${after.visited}/${after.roster}（${Math.round((100 * after.visited) / after.roster)}%）`,
    '已计入', `本月未回访（${after.unvisited.length}）`]);
  await page.screenshot({ path: path.join(artifactsDir(), 'followups.png') });
});
