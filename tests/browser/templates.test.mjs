// The template editor [模板] in Chromium against the real server. The admin renames a task of the
// tutor template and gets a target wrong, then a number field: each is explained as typed and
// blocks saving, nothing typed is lost; saved as version 2 it reaches a tutor's Today by sync,
// version 1 is restored, and switching the organisation to the CSM template changes the tutor's
// tasks and dashboard metrics without code. A tutor sees the editor read-only. Screenshots.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { openSignedIn, waitForLabels, waitForWorkspace, artifactsDir, clickLabel, focusEmptyField, waitForIdle, waitForQuery } from './lib/browser.mjs';

const env = useServerAndBrowser({});
let admin;

const editor = (page) => page.evaluate(() => window.workbench.query('templates.state'));
const waitForEditor = (page, predicate, arg, timeout) => waitForQuery(page, 'templates.state', predicate, arg, timeout);
const synced = (w) => w.sync.pending === 0 && w.sync.phase === 'synced';
const taskTitle = (page, id) => page.evaluate((t) => {
  const s = window.workbench.query('today.state');
  return s.ready ? (s.tasks.find((x) => x.id === t) || {}).title : undefined;
}, id);

before(async () => {
  await env.ready;
  admin = await openSignedIn(env.browser, env.server, 'admin');
  await admin.page.evaluate(() => window.workbench.openView('templates'));
  await waitForEditor(admin.page, (e) => e.id === 'tutor' && e.active === 'tutor' && e.tree > 10);
});

test('edits are validated as typed; a bad value blocks saving and keeps what was typed; version 2 reaches the tutor', async () => {
  const { page } = admin;
  await waitForLabels(page, ['✓ 模板有效', '✓ 本组织正在使用', '/tasks/0#node']);
  await clickLabel(page, '/tasks/0#node');
  await waitForEditor(page, (e) => e.selected === '/tasks/0' && e.fields.some((f) => f.label === 'title/zh-CN'));

  await focusEmptyField(page, '标题 › 中文#field');
  await page.keyboard.insertText('家访与首联');
  await waitForEditor(page, (e) => e.dirty && e.valid && e.fields.find((f) => f.label === 'title/zh-CN').text === '家访与首联');

  // A rate target of 85 (for 85 %): the validator names the field; the tree marks the task.
  await focusEmptyField(page, '指标 1 › 目标值 › 数值#field');
  await page.keyboard.insertText('85');
  await waitForEditor(page, (e) => !e.valid && e.problem.path === '/tasks/0/metrics/0/target/value' && e.problem.node === '/tasks/0');
  let e = await editor(page);
  // Said in the admin's language: the node and the field by name, not as a JSON path.
  assert.equal(e.problem.key, 'template.check.rate_target');
  assert.equal(e.problem.what, '比率目标是 0 到 1 之间的小数（0.9 = 90%）');
  assert.equal(e.problem.where, '任务 home_visit › 指标 1 › 目标值 › 数值');
  await waitForLabels(page, [`模板有误：${e.problem.where}：${e.problem.what}`, e.problem.what]);
  await page.screenshot({ path: path.join(artifactsDir(), 'templates-invalid.png') });
  // In English the same field and problem read in English (names follow a language switch).
  await page.evaluate(() => window.workbench.setLanguage('en'));
  await waitForLabels(page, ['Metric 1 › Target › Value#field', 'a rate target is a fraction between 0 and 1 (0.9 = 90 %)']);
  await page.evaluate(() => window.workbench.setLanguage('zh-CN'));
  await waitForLabels(page, ['指标 1 › 目标值 › 数值#field']);
  await focusEmptyField(page, '指标 1 › 目标值 › 数值#field');
  await page.keyboard.insertText('0.9');
  await waitForEditor(page, (x) => x.valid);

  // Not a number at all: the text stays, the field says why, saving is blocked.
  await focusEmptyField(page, '序号#field');
  await page.keyboard.insertText('一');
  await waitForEditor(page, (x) => x.fields.find((f) => f.label === 'number').error === '需要一个数字');
  e = await editor(page);
  assert.equal(e.fields.find((f) => f.label === 'number').text, '一', 'what was typed is kept');
  await waitForLabels(page, ['有 1 处输入无效，改正后才能保存']);
  await clickLabel(page, '保存为第 2 版');
  await page.waitForTimeout(300);
  assert.equal((await editor(page)).versions.length, 1, 'nothing saved while a field is wrong');
  await focusEmptyField(page, '序号#field');
  await page.keyboard.insertText('1');
  await waitForEditor(page, (x) => x.valid && x.fields.every((f) => !f.error));

  await focusEmptyField(page, '修改说明（可选）#field');
  await page.keyboard.insertText('家访与首联合并');
  await clickLabel(page, '保存为第 2 版');
  await waitForEditor(page, (x) => x.versions.length === 2 && !x.dirty && x.last.ok);
  e = await editor(page);
  assert.equal(e.versions[0].version, 2);
  assert.equal(e.versions[0].note, '家访与首联合并');
  assert.equal(e.versions[0].by, 'a1', 'saved by the admin');
  await waitForWorkspace(page, synced, 30000);

  // A tutor's workbench runs the new version.
  const tutor = await openSignedIn(env.browser, env.server, 'tutor1');
  await tutor.page.waitForFunction(() => window.workbench.query('today.state').ready);
  assert.equal(await taskTitle(tutor.page, 'home_visit'), '家访与首联');
  // The editor is read-only for them.
  await tutor.page.evaluate(() => window.workbench.openView('templates'));
  await waitForLabels(tutor.page, ['只有管理员可以修改模板。']);
  await tutor.context.close();
  assert.deepEqual(admin.problems, []);
});

test('an earlier version is restored, and the CSM template changes the tutors\' tasks and metrics', async () => {
  const { page } = admin;
  const tutor = await openSignedIn(env.browser, env.server, 'tutor1');
  await tutor.page.waitForFunction(() => window.workbench.query('today.state').ready);
  assert.equal(await taskTitle(tutor.page, 'home_visit'), '家访与首联');

  await clickLabel(page, '恢复第 1 版#v1');
  await waitForEditor(page, (e) => e.versions.length === 3 && e.last.ok);
  await waitForWorkspace(page, synced, 30000);
  await tutor.page.waitForFunction(() => window.workbench.query('today.state').tasks.some((t) => t.id === 'home_visit' && t.title === '家访'),
    null, { timeout: 30000 });   // the long-poll brings it

  await clickLabel(page, 'tutor#template');
  await clickLabel(page, 'csm');
  await waitForEditor(page, (e) => e.id === 'csm');
  await clickLabel(page, '在本组织启用');
  await waitForEditor(page, (e) => e.active === 'csm');
  await waitForLabels(page, ['✓ 本组织正在使用']);
  await waitForIdle(page).catch(() => {});
  await page.screenshot({ path: path.join(artifactsDir(), 'templates-csm.png') });
  await waitForWorkspace(page, synced, 30000);
  await tutor.page.waitForFunction(() => {
    const t = window.workbench.query('today.state');
    return t.ready && t.tasks.some((x) => x.id === 'onboarding') && !t.tasks.some((x) => x.id === 'home_visit');
  }, null, { timeout: 30000 });
  await tutor.page.evaluate(() => window.workbench.openView('dashboard'));
  await tutor.page.waitForFunction(() => {
    const d = window.workbench.query('dashboard.state');
    return d.ready && !d.metrics.some((m) => m.id === 'home_visit_rate');
  }, null, { timeout: 20000 });
  assert.deepEqual(admin.problems, []);
  await tutor.context.close();
});
