// Accessibility: the page passes axe-core (no serious or critical violations) on the login
// screen and in the workbench, and the focused control is mirrored into an ARIA live region
// (label, role, value; a password field only says how long it is), updated only on change.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { openApp, openSignedIn, waitForLabels, waitForWorkspace, waitForIdle } from './lib/browser.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const env = useServerAndBrowser();

before(async () => { await env.ready; });

const spoken = (page) => page.evaluate(() => document.getElementById('wb-a11y-status').textContent);
const waitSpoken = (page, words) => page.waitForFunction((w) => document.getElementById('wb-a11y-status').textContent === w, words);

// Runs axe-core in the page; returns the serious and critical violations, one line each.
async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the login screen passes axe-core and names the focused field', async () => {
  const { page, context, problems } = await openApp(env.browser, env.server.url);
  await waitForWorkspace(page, (w) => w.phase === 'login');
  await waitForLabels(page, ['账号#field']);
  await waitSpoken(page, '账号，编辑框，空');
  assert.deepEqual(await axeViolations(page), []);
  // The canvas and the text bridge have names; the bridge is named after the active field.
  const names = await page.evaluate(() => ({
    canvas: document.getElementById('canvas').getAttribute('aria-label'),
    bridge: document.getElementById('wb-text-input').getAttribute('aria-label'),
  }));
  assert.deepEqual(names, { canvas: '工作台', bridge: '账号' });

  // Typing is mirrored; a password only says how long it is.
  await page.keyboard.type('tutor1');
  await waitSpoken(page, '账号，编辑框，tutor1');
  await page.keyboard.press('Tab');
  await waitSpoken(page, '密码，密码框，0 个字符');
  await page.keyboard.type('hunter22');
  await waitSpoken(page, '密码，密码框，8 个字符');
  assert.ok(!(await spoken(page)).includes('hunter22'));
  assert.deepEqual(await page.evaluate(() => [document.activeElement.type, document.activeElement.getAttribute('aria-label')]), ['password', '密码']);
  await page.keyboard.press('Tab');
  await waitSpoken(page, '登录，按钮');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the workbench passes axe-core; Tab into the sidebar names the row; nothing is written while idle', async () => {
  const { page, context, problems } = await openSignedIn(env.browser, env.server);
  await waitForLabels(page, ['今日待办']);
  await waitForIdle(page);
  assert.deepEqual(await axeViolations(page), []);

  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.getElementById('wb-a11y-status').textContent !== '');
  const first = await spoken(page);
  const labels = await page.evaluate(() => window.workbench.visibleLabels());
  assert.ok(labels.some((l) => first.startsWith(`${l}，`)), `"${first}" names a drawn control`);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((f) => document.getElementById('wb-a11y-status').textContent !== f, first);

  // No DOM writes while nothing changes (the pointer is parked first: its cursor may change once).
  await page.mouse.move(900, 500);
  await waitForIdle(page);
  await page.evaluate(() => {
    window.__a11yWrites = 0;
    window.__a11yLog = [];
    const count = new MutationObserver((m) => { window.__a11yWrites += m.length; m.forEach((r) => window.__a11yLog.push(`${r.type} ${r.target.id || r.target.nodeName} ${r.attributeName} ${r.target.textContent || ''} ${r.target.getAttribute ? r.target.getAttribute('style') : ''}`)); });
    count.observe(document.getElementById('wb-a11y-status'), { subtree: true, childList: true, characterData: true });
    for (const id of ['canvas', 'wb-text-input', 'wb-secret-input'])
      count.observe(document.getElementById(id), { attributes: true, attributeFilter: ['aria-label'] });
  });
  await page.mouse.move(905, 510);
  await page.mouse.move(910, 520);
  await waitForIdle(page);
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__a11yWrites), 0, `hovering wrote nothing to the page: ${await page.evaluate(() => window.__a11yLog.join(' | '))}`);

  // The names follow the language.
  await page.evaluate(() => window.workbench.setLanguage('en'));
  await page.waitForFunction(() => document.getElementById('canvas').getAttribute('aria-label') === 'Workbench');
  await page.evaluate(() => window.workbench.setLanguage('zh-CN'));
  await page.waitForFunction(() => document.getElementById('canvas').getAttribute('aria-label') === '工作台');
  assert.deepEqual(problems, []);
  await context.close();
});
