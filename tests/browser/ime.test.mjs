// Chinese input through the IME: the text bridge (src/app/ime_bridge.h) takes the keyboard while
// an ImGui text field is active, sits at the caret so the candidate window opens there, shows
// the composition, and hands committed text to the field exactly once. Driven with Chrome
// DevTools' IME commands on the login form's real fields.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from './lib/fixture.mjs';
import path from 'node:path';
import { openApp, waitForLabels, waitForWorkspace, artifactsDir, focusEmptyField } from './lib/browser.mjs';

const env = useServerAndBrowser();
let app;

before(async () => {
  await env.ready;
  app = await openApp(env.browser, env.server.url);
  await waitForWorkspace(app.page, (w) => w.phase === 'login');
  await waitForLabels(app.page, ['账号#field', '密码#field']);
});

const active = (page) => page.evaluate(() => window.workbench.query('input.active'));
const bridge = (page) => page.evaluate(() => {
  const el = document.getElementById('wb-text-input');
  const r = el.getBoundingClientRect();
  return { focused: document.activeElement === el, x: r.left, y: r.top, h: r.height, value: el.value,
           composing: el.classList.contains('composing'), opacity: getComputedStyle(el).opacity };
});


test('the bridge takes the keyboard at the caret of the active field, and gives it back', async () => {
  const { page } = app;
  await focusEmptyField(page, '账号#field');
  const field = await page.evaluate(() => window.workbench.labelBounds('账号#field'));
  const caret = (await active(page)).caret;
  const b = await bridge(page);
  assert.ok(b.focused);
  // At the caret: inside the field, at its left padding, vertically within it.
  assert.ok(Math.abs(b.x - caret.x) <= 1 && Math.abs(b.y - caret.y) <= 1, JSON.stringify({ b, caret }));
  assert.ok(b.x >= field.x && b.x < field.x + 24, `bridge x ${b.x}, field x ${field.x}`);
  assert.ok(b.y >= field.y && b.y + b.h <= field.y + field.h + 1, `bridge y ${b.y}+${b.h}, field ${field.y}+${field.h}`);

  // Typing moves it with the caret.
  await page.keyboard.type('abc');
  await page.waitForFunction(() => window.workbench.query('input.active').text === 'abc');
  await page.waitForFunction((x0) => document.getElementById('wb-text-input').getBoundingClientRect().left > x0 + 10, b.x);

  // Clicking outside every field deactivates it: the canvas has the keyboard again.
  await page.mouse.click(20, 20);
  await page.waitForFunction(() => document.activeElement === document.getElementById('canvas'));
  assert.equal((await active(page)).active, false);
});

test('pinyin composition commits 汉字 into the field exactly once', async () => {
  const { page } = app;
  await focusEmptyField(page, '账号#field');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'zhong', selectionStart: 5, selectionEnd: 5 });
  // While composing, the pre-edit text shows in the bridge over the field; the field itself
  // does not have it yet.
  let b = await bridge(page);
  assert.equal(b.composing, true);
  assert.equal(b.value, 'zhong');
  assert.equal(b.opacity, '1');
  assert.equal((await active(page)).text, '');
  await cdp.send('Input.imeSetComposition', { text: 'zhongwen', selectionStart: 8, selectionEnd: 8 });
  await page.screenshot({ path: path.join(artifactsDir(), 'ime-composition.png'), clip: { x: 400, y: 250, width: 480, height: 300 } });
  await cdp.send('Input.insertText', { text: '中文' });
  await page.waitForFunction(() => window.workbench.query('input.active').text === '中文');
  b = await bridge(page);
  assert.equal(b.composing, false);
  assert.equal(b.value, '', 'the bridge keeps no text once committed');

  // A second composition appends at the caret; latin typing and Backspace still work once.
  await cdp.send('Input.imeSetComposition', { text: 'lao', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.insertText', { text: '老师' });
  await page.waitForFunction(() => window.workbench.query('input.active').text === '中文老师');
  await page.keyboard.type('ab1');
  await page.waitForFunction(() => window.workbench.query('input.active').text === '中文老师ab1');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => window.workbench.query('input.active').text === '中文老a');
  await page.waitForTimeout(300);
  assert.equal((await active(page)).text, '中文老a', 'nothing arrives twice');
  await cdp.detach();
});

test('a cancelled composition leaves the field as it was', async () => {
  const { page } = app;
  await focusEmptyField(page, '账号#field');
  await page.keyboard.type('x');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
  await page.waitForFunction(() => !document.getElementById('wb-text-input').classList.contains('composing'));
  await page.keyboard.type('y');
  await page.waitForFunction(() => window.workbench.query('input.active').text === 'xy');
  await cdp.detach();
});

test('Tab moves to the next field and the bridge follows it', async () => {
  const { page } = app;
  await focusEmptyField(page, '账号#field');
  const first = await active(page);
  await page.keyboard.press('Tab');
  await page.waitForFunction((id) => { const a = window.workbench.query('input.active'); return a.active && a.id !== id; }, first.id);
  const second = await active(page);
  assert.equal(second.password, true);
  const field = await page.evaluate(() => window.workbench.labelBounds('密码#field'));
  // A password field gets a password input: no IME, no words learned by phone keyboards.
  await page.waitForFunction((f) => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    return el.id === 'wb-secret-input' && el.type === 'password' && r.top >= f.y && r.top < f.y + f.h;
  }, field);
  await page.keyboard.type('pw');
  await page.waitForFunction(() => window.workbench.query('input.active').text === 'pw');
});

test('a tap on a field focuses the bridge, which asks phones for their keyboard', async () => {
  const { page, context } = await openApp(env.browser, env.server.url, { hasTouch: true, isMobile: true, viewport: { width: 768, height: 1024 } });
  await waitForLabels(page, ['账号#field', '密码#field']);
  // The form focuses its first field by itself: tap beside the card first, the keyboard goes.
  await page.touchscreen.tap(5, 5);
  await page.waitForFunction(() => document.activeElement === document.getElementById('canvas'));
  const box = await page.evaluate(() => window.workbench.labelBounds('账号#field'));
  await page.touchscreen.tap(box.x + box.w / 2, box.y + box.h / 2);
  await page.waitForFunction(() => window.workbench.query('input.active').active);
  const attrs = await page.evaluate(() => {
    const el = document.activeElement;
    return { id: el.id, inputmode: el.getAttribute('inputmode'), enterkeyhint: el.getAttribute('enterkeyhint') };
  });
  assert.deepEqual(attrs, { id: 'wb-text-input', inputmode: 'text', enterkeyhint: 'done' });
  await context.close();
});

test('on-screen keyboards that send no key codes still delete and paste from their menu', async () => {
  const { page } = app;
  await focusEmptyField(page, '账号#field');
  await page.keyboard.type('abc');
  await page.waitForFunction(() => window.workbench.query('input.active').text === 'abc');
  // Android keyboards: keydown with keyCode 229, then beforeinput deleteContentBackward.
  await page.evaluate(() => {
    const el = document.getElementById('wb-text-input');
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Unidentified', keyCode: 229, bubbles: true, cancelable: true }));
    el.dispatchEvent(new InputEvent('beforeinput', { inputType: 'deleteContentBackward', bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => window.workbench.query('input.active').text === 'ab');
  // "Paste" from the keyboard's menu: a paste event with no Ctrl+V before it inserts its text.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '张老师');
    document.getElementById('wb-text-input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => window.workbench.query('input.active').text === 'ab张老师');
  await page.waitForTimeout(300);
  assert.equal((await active(page)).text, 'ab张老师');
});

test('no console errors or page errors', () => {
  assert.deepEqual(app.problems, []);
});
