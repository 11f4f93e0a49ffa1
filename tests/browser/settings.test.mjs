// Settings: the organisation's time zone is shown with its offset and local time, a device in
// another zone is told so, a tutor cannot change it, and where it may be changed (the demo; an
// administrator) the searchable picker changes it and the change survives a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { requireEnv } from './lib/server.mjs';
import { openApp, openSignedIn, waitForLabels, waitForWorkspace, clickLabel, artifactsDir } from './lib/browser.mjs';

const env = useServerAndBrowser();
let site;

before(async () => {
  await env.ready;
  site = await startStaticServer({ root: requireEnv('WB_SITE_DIR') });
});

after(async () => { await site?.stop(); });

async function durableBarrier(page) {
  const sid = (await page.evaluate(() => window.workbench.ids('students', 1)))[0];
  const r = await page.evaluate((s) => window.workbench.submit('event.record',
    { id: `e-barrier-${Date.now()}`, kind: 'note', at: Date.now(), studentId: s, actorId: 't1', text: 'barrier' }), sid);
  assert.equal(r.ok, true, r.reason);
  await page.waitForFunction((t) => window.workbench.saved(t), r.ticket, { timeout: 30000 });
}

const zoneLine = (labels, zone) => labels.find((l) => l.startsWith(`机构时区：${zone}`));

test('a tutor sees the organisation time zone, the device zone when it differs, and no picker', async () => {
  const { page, context } = await openSignedIn(env.browser, env.server, 'tutor1', { timezoneId: 'Europe/Berlin' });
  await page.evaluate(() => window.workbench.openView('settings'));
  await page.waitForFunction(() => window.workbench.visibleLabels().some((l) => l.startsWith('机构时区：Asia/Shanghai（UTC+08:00）')));
  const labels = await page.evaluate(() => window.workbench.visibleLabels());
  const line = zoneLine(labels, 'Asia/Shanghai');
  // The local time shown is Shanghai's, computed here independently of the app.
  const shanghai = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const now = Date.now();
  const candidates = [now - 60000, now, now + 60000].map((t) => shanghai.format(new Date(t)));
  assert.ok(candidates.some((c) => line.includes(`当地时间 ${c}`)), `${line} shows Shanghai's clock (${candidates})`);
  assert.ok(labels.some((l) => l.startsWith('这台设备的时区不同：Europe/Berlin')), labels.join('\n'));
  assert.ok(labels.includes('机构时区由管理员设置。'));
  assert.ok(!labels.includes('Asia/Shanghai'), 'no picker for a tutor');
  await page.screenshot({ path: path.join(artifactsDir(), 'settings-1280x800.png') });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.waitForFunction(() => window.workbench.idle());
  await page.screenshot({ path: path.join(artifactsDir(), 'settings-768x1024.png') });
  await context.close();
});

test('in the demo the picker searches zones, changes the organisation zone, and it survives a reload', async () => {
  const { page, context } = await openApp(env.browser, site.url, { timezoneId: 'Asia/Shanghai' });
  await waitForWorkspace(page, (w) => w.phase === 'ready' && w.mode === 'demo', 60000);
  await page.evaluate(() => window.workbench.openView('settings'));
  await waitForLabels(page, ['Asia/Shanghai']);
  const labels = await page.evaluate(() => window.workbench.visibleLabels());
  assert.ok(!labels.some((l) => l.startsWith('这台设备的时区不同')), 'same zone: no warning');
  await clickLabel(page, 'Asia/Shanghai');          // opens the picker, the search field has focus
  await page.keyboard.type('Tokyo');
  await waitForLabels(page, ['Asia/Tokyo']);
  const listed = await page.evaluate(() => window.workbench.visibleLabels().filter((l) => /^[A-Z][a-z]+\//.test(l)));
  assert.deepEqual(listed, ['Asia/Tokyo'], 'the search narrows the list');
  await clickLabel(page, 'Asia/Tokyo');
  await page.waitForFunction(() => window.workbench.visibleLabels().some((l) => l.startsWith('机构时区：Asia/Tokyo（UTC+09:00）')));
  // The store writes in order: once a later change is durable, the zone change is too.
  await durableBarrier(page);
  await page.reload();
  await waitForWorkspace(page, (w) => w.phase === 'ready' && w.mode === 'demo', 60000);
  await page.evaluate(() => window.workbench.openView('settings'));
  await page.waitForFunction(() => window.workbench.visibleLabels().some((l) => l.startsWith('机构时区：Asia/Tokyo')));
  await context.close();
});
