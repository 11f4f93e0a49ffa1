// Messages through channels (issue 6), against the real server: an admin adds a webhook channel
// in Settings → Channels, the server refuses its URL and says why at that channel with nothing
// typed lost, the fixed channel is saved and read back after a reload with its secret shown as
// set (never its value); offline the settings say channels need a connection. A tutor sends a
// template message from a student's profile through the demo's simulated "sms" channel and
// watches the server's delivery loop turn it delivered on the timeline, then plays the parent's
// reply, which marks attendance. A message queued offline can be cancelled before it leaves.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { openSignedIn, waitForLabels as waitForDrawn, waitForWorkspace, clickLabel, focusEmptyField, artifactsDir } from './lib/browser.mjs';

// the server's delivery worker sends; its clock is moved out of the parents' quiet hours
const env = useServerAndBrowser({ automation: true, testClock: true });
const SECRET = 'hook-secret-4711';

before(async () => { await env.ready; await env.server.moveClockToDaytime(); });

async function waitForLabels(page, labels, timeout = 10000) {
  try {
    await waitForDrawn(page, labels, timeout);
  } catch (e) {
    await page.screenshot({ path: path.join(artifactsDir(), `channels-failed-${labels[0].slice(0, 8)}.png`) }).catch(() => {});
    const drawn = await page.evaluate(() => window.workbench.visibleLabels());
    throw new Error(`${labels.filter((l) => !drawn.includes(l)).join(', ')} not drawn; drawn: ${drawn.join(' | ')}`);
  }
}

const channels = (page) => page.evaluate(() => window.workbench.query('channels.state'));
const outbox = (page) => page.evaluate(() => window.workbench.query('channels.messages'));

async function waitFor(page, expression, timeout = 15000) {
  await page.waitForFunction(expression, null, { timeout, polling: 100 });
}

// Clicks the button `label` drawn on the same line as the label `row` (e.g. a channel's Edit).
async function clickOnRow(page, row, label) {
  const box = await page.evaluate(([r, l]) => {
    const all = window.workbench.labels();
    const title = all.find((x) => x.text === r);
    if (!title) return null;
    return all.find((x) => x.text === l && Math.abs((x.y + x.h / 2) - (title.y + title.h / 2)) < 20) || null;
  }, [row, label]);
  if (!box) throw new Error(`no "${label}" beside "${row}"`);
  const canvas = await page.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return { x: r.left, y: r.top }; });
  await page.mouse.click(canvas.x + box.x + box.w / 2, canvas.y + box.y + box.h / 2);
}

// Scrolls the view under the mouse until `label` is drawn whole inside the window (the settings
// are longer than the window).
async function scrollTo(page, label, { x = 700, y = 450, bottom = 760 } = {}) {
  await page.mouse.move(x, y);
  let box = null;
  let up = 15;  // not drawn: look upwards first, then downwards
  for (let i = 0; i < 45; i++) {
    box = await page.evaluate((l) => window.workbench.labelBounds(l), label);
    if (box && box.y + box.h < bottom && box.y >= 62) return;  // below the header's line
    const dy = box ? (box.y < 62 ? -100 : 100) : (up-- > 0 ? -200 : 200);
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(120);
  }
  const drawn = await page.evaluate(() => window.workbench.visibleLabels());
  await page.screenshot({ path: path.join(artifactsDir(), 'channels-failed-scroll.png') });
  throw new Error(`could not scroll "${label}" into view: ${JSON.stringify(box)}; drawn: ${drawn.join(' | ')}`);
}

const PROFILE = { x: 1050, y: 500, bottom: 730 };  // the mouse over the profile pane scrolls it

async function openSettings(page) {
  await page.evaluate(() => window.workbench.openView('settings'));
  await waitFor(page, () => window.workbench.query('channels.state').settings.drafts.length > 0);
}

test('an admin adds a webhook channel: the server\'s refusal shows at the channel, nothing is lost, the fixed one is saved', async () => {
  const { page, context, problems } = await openSignedIn(env.browser, env.server, 'admin');
  await openSettings(page);
  const seeded = (await channels(page)).settings.drafts.map((d) => d.id);
  for (const id of ['sms', 'dingtalk', 'call']) assert.ok(seeded.includes(id), `the demo seeds "${id}": ${seeded}`);
  await waitForLabels(page, ['消息渠道', 'sms  ·  模拟渠道']);
  await scrollTo(page, '+ Webhook');
  await clickLabel(page, '+ Webhook');
  await waitFor(page, () => window.workbench.query('channels.state').settings.drafts.some((d) => d.id === 'webhook'));
  await scrollTo(page, '地址（http://…）#field');
  await focusEmptyField(page, '地址（http://…）#field');
  await page.keyboard.type('hooks.example.test/notify');   // no scheme: the server refuses it
  await scrollTo(page, '回复接收密钥 · 未设置#field');
  await focusEmptyField(page, '回复接收密钥 · 未设置#field');
  await page.keyboard.type(SECRET);
  await waitFor(page, () => window.workbench.query('channels.state').settings.drafts.some((d) => d.typedInbound));
  await scrollTo(page, '保存渠道');
  await clickLabel(page, '保存渠道');
  await waitFor(page, () => window.workbench.query('channels.state').settings.problem !== '');

  let s = await channels(page);
  const index = s.settings.drafts.findIndex((d) => d.id === 'webhook');
  const refused = s.settings.drafts[index];
  assert.match(refused.error, /^服务器：channel "webhook": .*must start with http:\/\//, `the server's reason is shown at the channel: ${refused.error}`);
  assert.equal(s.settings.problem, '没有保存：请修改标红的渠道后再保存。');
  assert.equal(refused.url, 'hooks.example.test/notify', 'the typed URL is kept');
  assert.equal(refused.typedInbound, true, 'the typed secret is kept');
  assert.equal(s.settings.dirty, true);
  assert.ok(!s.directory.channels.some((c) => c.id === 'webhook'), 'nothing was saved');
  await scrollTo(page, refused.error);

  await scrollTo(page, '地址（http://…）#field');
  await focusEmptyField(page, '地址（http://…）#field');
  await page.keyboard.type('http://127.0.0.1:9/notify');
  await scrollTo(page, '保存渠道');
  await clickLabel(page, '保存渠道');
  await waitFor(page, () => window.workbench.query('channels.state').settings.saved);
  s = await channels(page);
  assert.equal(s.settings.dirty, false);
  assert.ok(s.directory.channels.some((c) => c.id === 'webhook' && c.type === 'webhook'));
  await scrollTo(page, '已保存到服务器。');

  await page.reload();
  await waitForWorkspace(page, (w) => w.phase === 'ready' && w.sync.phase === 'synced', 60000);
  await openSettings(page);
  await waitFor(page, () => window.workbench.query('channels.state').settings.drafts.some((d) => d.id === 'webhook'));
  s = await channels(page);
  const saved = s.settings.drafts.find((d) => d.id === 'webhook');
  assert.equal(saved.url, 'http://127.0.0.1:9/notify');
  assert.equal(saved.inboundSecretSet, true, 'the secret is known to be set');
  assert.ok(!JSON.stringify(s).includes(SECRET), 'the secret value never comes back');
  await scrollTo(page, 'webhook  ·  Webhook');
  await clickOnRow(page, 'webhook  ·  Webhook', '编辑');
  await scrollTo(page, '回复接收密钥 · 已设置（留空则不变）#field');
  await waitForLabels(page, ['http://127.0.0.1:9/notify']);
  const labels = await page.evaluate(() => window.workbench.visibleLabels());
  assert.ok(!labels.some((l) => l.includes(SECRET)), 'the secret is never drawn');
  await page.waitForFunction(() => window.workbench.idle(), null, { timeout: 10000, polling: 50 });
  await page.screenshot({ path: path.join(artifactsDir(), 'channels-settings-1280x800.png'), fullPage: false });

  // Offline the list cannot be read or saved: the settings say so, the drafts stay.
  await context.setOffline(true);
  await page.evaluate(() => window.workbench.query('channels.refresh'));
  await page.waitForFunction(() => window.workbench.query('channels.state').directory.problem === 'channels.error.offline');
  await scrollTo(page, '现在离线：渠道保存在服务器上，联网后才能读取和保存。');
  assert.ok((await channels(page)).settings.drafts.some((d) => d.id === 'webhook'));
  await context.setOffline(false);
  // The refused save is a 400 the browser logs; nothing else may go wrong.
  assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
  await context.close();
});

async function openProfile(page, id) {
  await page.evaluate((s) => window.workbench.query('profile.open', { studentId: s, tab: 'timeline' }), id);
  await page.waitForFunction(() => window.workbench.query('profile.state').shown, null, { timeout: 15000 });
}

async function sendThrough(page, channelLabel) {
  await clickLabel(page, '发送模板消息');
  await page.waitForFunction(() => window.workbench.query('profile.state').dialog === 'message');
  await waitForLabels(page, ['复制后自己发（微信）', channelLabel]);
  const before = (await outbox(page)).messages.map((m) => m.id);
  await clickLabel(page, channelLabel);
  await waitForLabels(page, ['发送']);
  await clickLabel(page, '发送');
  await page.waitForFunction(() => window.workbench.query('profile.state').dialog === '');
  await page.waitForFunction((ids) => window.workbench.query('channels.messages').messages.some((m) => !ids.includes(m.id)), before);
  return (await outbox(page)).messages.find((m) => !before.includes(m.id));
}

test('a tutor sends a survey through the simulated sms channel; it is delivered and the parent\'s reply marks attendance', async () => {
  const { page, context, problems } = await openSignedIn(env.browser, env.server, 'tutor1');
  const [studentId] = await page.evaluate(() => window.workbench.ids('students', 1));
  await openProfile(page, studentId);
  const profile = await page.evaluate(() => window.workbench.query('profile.state'));
  assert.equal(profile.messageKeys[0], 'survey.pre_attendance');
  const sent = await sendThrough(page, 'sms  ·  模拟渠道');
  assert.equal(sent.channel, 'sms');
  assert.ok(sent.text.includes(profile.name), 'the survey is rendered for the student');
  const entity = await page.evaluate((id) => window.workbench.entity('messages', id), sent.id);
  assert.equal(entity.kind, 'survey');
  assert.equal(entity.recipient.role, 'parent');
  assert.equal(entity.templateId, 'survey.pre_attendance');
  assert.ok(entity.lessonId, 'the survey names the lesson it asks about');

  // The server's delivery loop sends it; its attempt syncs back.
  await waitFor(page, `window.workbench.query('channels.messages').messages.some((m) => m.id === ${JSON.stringify(sent.id)} && m.state === 'delivered')`, 30000)
    .catch(async () => { throw new Error(`not delivered: ${JSON.stringify((await outbox(page)).messages[0])}`); });
  const delivered = (await outbox(page)).messages.find((m) => m.id === sent.id);
  assert.equal(delivered.summary, '问卷 · sms · 已送达 · 已尝试 1 次');
  assert.ok(delivered.lines.some((l) => l.endsWith('已送达')), delivered.lines.join(' | '));
  await waitForLabels(page, [delivered.summary]);
  await scrollTo(page, '模拟家长回复', PROFILE);
  await waitForLabels(page, delivered.lines);
  await page.waitForFunction(() => window.workbench.idle(), null, { timeout: 10000, polling: 50 });
  await page.screenshot({ path: path.join(artifactsDir(), 'channels-timeline-delivered-1280x800.png') });

  // The parent answers: an empty reply is explained, then "能来" marks attendance.
  await clickLabel(page, '模拟家长回复');
  await waitFor(page, () => window.workbench.query('channels.messages').reply.open);
  await waitForLabels(page, ['回复内容', '发送回复']);
  await page.keyboard.press('Enter');
  await waitFor(page, () => window.workbench.query('channels.messages').reply.error !== '');
  assert.equal((await outbox(page)).reply.error, '请输入家长的回复');
  await focusEmptyField(page, '回复内容#field');
  await page.keyboard.type('能来');
  await page.keyboard.press('Enter');
  await waitFor(page, () => window.workbench.query('channels.messages').reply.outcomeCode !== '', 15000);
  const reply = (await outbox(page)).reply;
  assert.equal(reply.outcomeCode, 'mark', reply.outcome);
  assert.equal(reply.outcome, '已记录回复，出勤标记为：出席');
  await waitForLabels(page, [reply.outcome]);
  await page.keyboard.press('Escape');
  await waitFor(page, () => !window.workbench.query('channels.messages').reply.open);
  // The reply and the mark sync back and show on the timeline.
  await waitFor(page, () => window.workbench.query('profile.state').timeline.some((e) => e.kind === 'reply' && e.text === '能来'), 30000);
  await waitFor(page, () => window.workbench.query('profile.state').timeline.some((e) => e.kind === 'attendance_mark'), 30000);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a message queued offline waits on this device and can be cancelled before it leaves', async () => {
  const { page, context, problems } = await openSignedIn(env.browser, env.server, 'tutor1');
  const [, studentId] = await page.evaluate(() => window.workbench.ids('students', 2));
  await openProfile(page, studentId);
  // The channel list is cached: offline the dialog still offers the channels.
  await page.evaluate(() => window.workbench.query('channels.refresh'));
  await waitFor(page, () => window.workbench.query('channels.state').directory.channels.length > 0);
  await context.setOffline(true);
  const queued = await sendThrough(page, 'sms  ·  模拟渠道');
  assert.equal(queued.state, 'queued');
  assert.match((await outbox(page)).lastAction, /^已加入发件箱（离线）/);
  await waitForLabels(page, ['问卷 · sms · 待发送 · 已尝试 0 次', '等待服务器发送']);
  await scrollTo(page, '取消发送', PROFILE);
  await clickLabel(page, '取消发送');
  await waitFor(page, `window.workbench.query('channels.messages').messages.some((m) => m.id === ${JSON.stringify(queued.id)} && m.state === 'cancelled')`)
    .catch(async () => { throw new Error(`not cancelled: ${JSON.stringify(await outbox(page))}`); });
  await waitForLabels(page, ['问卷 · sms · 已取消 · 已尝试 0 次']);
  await context.setOffline(false);
  await waitForWorkspace(page, (w) => w.sync.pending === 0 && w.sync.rejected === 0, 30000);
  // Pushed queue-then-cancel: the server never sent it.
  await page.waitForTimeout(3000);
  const entity = await page.evaluate((id) => window.workbench.entity('messages', id), queued.id);
  assert.equal(entity.state, 'cancelled');
  assert.equal(entity.attempts || 0, 0);
  assert.deepEqual(problems.filter((p) => !/requestfailed|ERR_INTERNET_DISCONNECTED/.test(p)), []);
  await context.close();
});
