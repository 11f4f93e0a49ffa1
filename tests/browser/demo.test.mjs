// Demo mode with no server: the built site served by a plain static file server (no API) runs
// the workbench on a demo organisation generated in the browser, stored in IndexedDB, with a
// visible demo banner; edits survive a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startStaticServer } from './lib/static-server.mjs';
import { requireEnv } from './lib/server.mjs';
import { launchBrowser, openApp, waitForLabels, waitForWorkspace, workspace, artifactsDir } from './lib/browser.mjs';

let site;
let browser;

before(async () => {
  site = await startStaticServer({ root: requireEnv('WB_SITE_DIR') });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.stop();
});

test('a static host without an API runs the workbench on demo data kept in the browser', async () => {
  const { page, context, problems } = await openApp(browser, site.url);
  await waitForWorkspace(page, (w) => w.phase === 'ready' && w.mode === 'demo', 60000);
  await waitForLabels(page, ['这是演示数据，只保存在这个浏览器里，不会发送到任何服务器。', '演示模式 · 数据只保存在这个浏览器']);
  const students = await page.evaluate(() => window.workbench.count('students'));
  assert.ok(students >= 100, `the demo organisation has students (${students})`);
  assert.ok(await page.evaluate(() => window.workbench.count('events')) > students, 'and their history');
  await page.screenshot({ path: path.join(artifactsDir(), 'demo-mode.png') });

  const sid = (await page.evaluate(() => window.workbench.ids('students', 1)))[0];
  const r = await page.evaluate((s) => window.workbench.submit('event.record',
    { id: 'e-demo-note', kind: 'note', at: Date.now(), studentId: s, actorId: 't1', text: '演示备注' }), sid);
  assert.equal(r.ok, true, r.reason);
  await page.waitForFunction((t) => window.workbench.saved(t), r.ticket);

  await page.reload();
  await waitForWorkspace(page, (w) => w.phase === 'ready' && w.mode === 'demo', 60000);
  assert.equal((await page.evaluate(() => window.workbench.entity('events', 'e-demo-note'))).text, '演示备注');
  assert.equal(await page.evaluate(() => window.workbench.count('students')), students, 'the same demo, not a new one');
  // The only failures are the probes of the missing API (one 404 per page load).
  const probes = problems.filter((p) => p.includes('status of 404'));
  assert.ok(probes.length <= 2, problems.join('\n'));
  assert.deepEqual(problems.filter((p) => !p.includes('status of 404')), []);
  await context.close();
});

test('leaving the page while an edit is not yet stored asks first; once stored it does not', async () => {
  const { page, context } = await openApp(browser, site.url);
  await waitForWorkspace(page, (w) => w.phase === 'ready' && w.mode === 'demo', 60000);
  await page.evaluate(() => {
    window.testLeaving = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
  });
  // The edit and the question in one task: IndexedDB cannot have answered in between.
  const r = await page.evaluate(() => {
    const sid = window.workbench.ids('students', 1)[0];
    const submitted = window.workbench.submit('event.record',
      { id: 'e-leave-note', kind: 'note', at: Date.now(), studentId: sid, actorId: 't1', text: '还没存好' });
    return { ...submitted, asked: window.testLeaving() };
  });
  assert.equal(r.ok, true, r.reason);
  assert.equal(r.asked, true, 'an unsaved edit makes the browser ask before leaving');
  await page.waitForFunction((t) => window.workbench.saved(t), r.ticket);
  await page.waitForFunction(() => window.testLeaving() === false);
  await context.close();
});
