// The dashboard [数据看板] in Chromium against the real server with the demo data. Every number it
// shows equals the core's metric for the same data: the page's data is exported as a dataset and
// workbench-cli (the native build of the core) computes the metrics for the same scope and period.
// The student × lesson matrix is drawn by the app's own shaders: the pixels of a cell's three
// stripes have the colours of its attendance, homework and grade. A number's students open
// their profiles; a manager sees the team and each tutor. Screenshots.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { useServerAndBrowser } from './lib/fixture.mjs';
import { openSignedIn, waitForLabels, artifactsDir, clickLabel, waitForIdle } from './lib/browser.mjs';

const env = useServerAndBrowser({});
let app;

const dashboard = (page) => page.evaluate(() => window.workbench.query('dashboard.state'));
const utc = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// workbench-cli metrics over the page's own data, for the dashboard's scope and period.
function cliMetrics(dataset, q) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-dash-')), 'data.json');
  fs.writeFileSync(file, JSON.stringify(dataset));
  const bin = process.env.WB_CLI_BIN || path.resolve(path.dirname(process.env.WB_SERVER_BIN), '../cli/workbench-cli');
  const args = ['metrics', '--data', file, '--from', utc(q.from), '--to', utc(q.to), '--now', utc(q.now), '--json'];
  if (q.tutorId) args.push('--tutor', q.tutorId);
  if (q.managerId) args.push('--manager', q.managerId);
  return JSON.parse(execFileSync(bin, args, { encoding: 'utf8' }));
}

async function assertNumbersAreTheCore(page) {
  const d = await dashboard(page);
  assert.equal(d.query.now % 1000, 0, 'whole seconds, as the CLI takes them');
  const dataset = await page.evaluate(() => window.workbench.query('data.dataset'));
  const core = cliMetrics(dataset, d.query);
  assert.equal(d.metrics.length, core.length, 'every metric of the template');
  for (let i = 0; i < core.length; ++i) {
    const [shown, want] = [d.metrics[i], core[i]];
    assert.equal(shown.id, want.id);
    assert.equal(shown.measured, want.measured, want.id);
    assert.equal(shown.numerator, want.numerator, `${want.id} numerator`);
    assert.equal(shown.denominator, want.denominator, `${want.id} denominator`);
    assert.ok(Math.abs(shown.value - want.value) < 1e-9, `${want.id}: ${shown.value} vs ${want.value}`);
    assert.equal(shown.met, want.met, `${want.id} met`);
    assert.equal(shown.missingCount, want.missing.length, `${want.id} students behind it`);
    for (const id of shown.missing) assert.ok(want.missing.includes(id), `${want.id}: ${id} is behind it`);
  }
  return d;
}

// One pixel of the page as [r, g, b] (a 1×1 PNG: every filter type leaves the first pixel as is).
async function pixel(page, x, y) {
  const png = await page.screenshot({ clip: { x: Math.floor(x), y: Math.floor(y), width: 1, height: 1 } });
  let at = 8, idat = [], type = 0;
  while (at < png.length) {
    const len = png.readUInt32BE(at), kind = png.toString('ascii', at + 4, at + 8);
    if (kind === 'IHDR') type = png[at + 8 + 9];
    if (kind === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  assert.ok(type === 2 || type === 6, `an RGB(A) screenshot (${type})`);
  return [raw[1], raw[2], raw[3]];
}
const close = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 4);

before(async () => {
  await env.ready;
  app = await openSignedIn(env.browser, env.server, 'tutor1');
  await app.page.evaluate(() => window.workbench.openView('dashboard'));
  await app.page.waitForFunction(() => window.workbench.query('dashboard.state').ready);
});

test('every number on the dashboard is the core metric for the same data, for each period', async () => {
  const { page } = app;
  for (const period of [1, 0, 2]) {
    await page.evaluate((p) => window.workbench.query('dashboard.choose', { period: p }), period);
    await page.waitForFunction((p) => window.workbench.query('dashboard.state').period === p, period);
    const d = await assertNumbersAreTheCore(page);
    assert.ok(d.withTarget > 0 && d.met <= d.withTarget);
    assert.ok(d.points >= 3, 'a trend point per lesson so far');
  }
  const d = await dashboard(page);
  // What is drawn is those numbers (the first rows of the table are in view).
  await waitForLabels(page, d.metrics.slice(0, 3).map((m) => `${m.shown}#${m.id}`).concat([`${d.met} / ${d.withTarget} 项达标`]));
  assert.deepEqual(app.problems, []);
});

// The first rows' cells at the centre of each stripe are the palette's colours of their states.
async function checkMatrixPixels(page, m) {
  const canvas = await page.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return { x: r.left, y: r.top }; });
  const [x0, y0] = [canvas.x + m.rect[0], canvas.y + m.rect[1]];
  let checked = 0;
  for (let r = 0; r < 3; ++r) {
    for (let c = 0; c < 6; ++c) {
      const [exists, att, hw, grade] = m.first[r].cells[c];
      if (!exists) continue;
      const y = y0 + (r - m.firstRow) * m.cellH + m.cellH / 2;
      const x = x0 + c * m.cellW;
      const want = [m.palette[att], m.palette[4 + hw], m.palette[8 + grade]];
      const got = [await pixel(page, x + m.cellW / 6 + 0.5, y), await pixel(page, x + m.cellW / 2, y), await pixel(page, x + m.cellW * 5 / 6, y)];
      for (let s = 0; s < 3; ++s) assert.ok(close(got[s], want[s]), `${m.renderer}: row ${r} lesson ${c + 1} stripe ${s}: ${got[s]} vs ${want[s]}`);
      ++checked;
    }
  }
  assert.ok(checked >= 12, `cells checked: ${checked}`);
}

test('the student × lesson matrix is drawn by the shaders in the colours of each cell', async () => {
  const { page } = app;
  await page.mouse.move(5, 5);   // no hover highlight
  await waitForIdle(page).catch(() => {});
  const d = await dashboard(page);
  const m = d.matrix;
  assert.equal(m.glError, '');
  assert.equal(m.renderer, 'shader');
  assert.ok(m.framesDrawn > 0, 'the GL program ran');
  assert.ok(m.rows >= 10 && m.columns >= 6, `${m.rows} × ${m.columns}`);
  await checkMatrixPixels(page, m);
  await page.screenshot({ path: path.join(artifactsDir(), 'dashboard-tutor.png') });
});

// The benchmark's peer (tests/bench/matrix.bench.mjs) must draw the same picture to be a peer.
test('the peer renderer (ImGui rectangles) draws the same colours as the shader, and the shader is back after', async () => {
  const { page } = app;
  const shaderFrames = (await dashboard(page)).matrix.framesDrawn;
  await page.evaluate(() => window.workbench.query('dashboard.matrix_renderer', { renderer: 'drawlist' }));
  await page.waitForFunction(() => window.workbench.query('dashboard.state').matrix.renderer === 'drawlist');
  await waitForIdle(page).catch(() => {});
  const m = (await dashboard(page)).matrix;
  assert.equal(m.framesDrawn, shaderFrames, 'the GL program did not draw meanwhile');
  await checkMatrixPixels(page, m);
  await page.evaluate(() => window.workbench.query('dashboard.matrix_renderer', { renderer: 'shader' }));
  await page.waitForFunction((n) => window.workbench.query('dashboard.state').matrix.framesDrawn > n, shaderFrames);
});

test("a number's students open their profiles", async () => {
  const { page } = app;
  const d = await dashboard(page);
  const metric = d.metrics.find((m) => m.missingCount > 0 && m.missingCount < 15);
  assert.ok(metric, 'some metric has students behind it');
  await clickLabel(page, `查看 ${metric.missingCount} 名学员#${metric.id}`);
  const student = metric.missing[0];
  const name = await page.evaluate((id) => window.workbench.entity('students', id).name, student);
  await clickLabel(page, `${name}#${metric.id}`);
  await page.waitForFunction(() => window.workbench.currentView() === 'students');
  const profile = await page.evaluate(() => window.workbench.query('profile.state'));
  assert.equal(profile.studentId, student);
  assert.deepEqual(app.problems, []);
});

test("a manager's dashboard: the team, then one tutor, each the core's numbers", async () => {
  const mgr = await openSignedIn(env.browser, env.server, 'manager');
  const { page } = mgr;
  await page.evaluate(() => window.workbench.openView('dashboard'));
  await page.waitForFunction(() => window.workbench.query('dashboard.state').ready);
  let d = await assertNumbersAreTheCore(page);
  assert.ok(d.query.managerId, 'the team');
  assert.ok(d.scopes.length >= 3, 'the team and each tutor');
  const team = d.matrix.rows;
  await waitForIdle(page).catch(() => {});
  await page.screenshot({ path: path.join(artifactsDir(), 'dashboard-team.png') });
  await clickLabel(page, `${d.scopes[0].label}#scope`);
  await clickLabel(page, d.scopes[1].label);
  await page.waitForFunction(() => window.workbench.query('dashboard.state').scope === 1);
  d = await assertNumbersAreTheCore(page);
  assert.equal(d.query.tutorId, d.scopes[1].tutorId);
  assert.ok(d.matrix.rows < team, 'one tutor has fewer students than the team');
  assert.deepEqual(mgr.problems, []);
  await mgr.context.close();
});
