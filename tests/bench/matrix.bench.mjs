// Benchmark: the dashboard's student × lesson matrix drawn by the app's GL program (shaders/)
// against its peer, the same cells as Dear ImGui rectangles (src/app/views/matrix_drawlist.h),
// for a manager's whole team, in Debian's Chromium against the real server. Both sides scroll the
// same matrix with the wheel for the same number of frames, in alternating rounds. Each frame is
// timed twice: to ImGui's draw lists built (the CPU's part) and to the GPU's finish (glFinish).
// A frame also draws much besides the matrix, so each side runs once as the product draws it and
// once with the cells drawn `repeat` times over: the difference, divided by repeat - 1, is the
// cost of one draw of the matrix, and the ratio of those costs is the comparison.
// Prints the medians and the ratios and writes them to build/artifacts/bench-matrix.json.
// Timings are reported, never asserted; what is asserted is that both sides drew scrolled frames.
//
//   WB_BENCH_PER_TUTOR (2500: 4 tutors, 10 000 students), WB_BENCH_LESSONS (8),
//   WB_BENCH_ROUNDS (2), WB_BENCH_WHEELS (60 wheel notches per round and case), WB_BENCH_REPEAT (25).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, openApp, waitForWorkspace, artifactsDir } from '../browser/lib/browser.mjs';
import { startServer } from '../browser/lib/server.mjs';

const perTutor = Number(process.env.WB_BENCH_PER_TUTOR || 2500);
const lessons = Number(process.env.WB_BENCH_LESSONS || 8);
const rounds = Number(process.env.WB_BENCH_ROUNDS || 2);
const wheels = Number(process.env.WB_BENCH_WHEELS || 60);
const repeat = Number(process.env.WB_BENCH_REPEAT || 25);
const viewport = { width: 1600, height: 1000 };
const kClockStep = 0.1;   // ms: performance.now()'s resolution on a page that is not cross-origin isolated

const query = (page, name, args) => page.evaluate(([n, a]) => window.workbench.query(n, a), [name, args]);

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

// One round of one case: the renderer set, timing on, the wheel back and forth, the frames taken.
async function round(page, renderer, times, at) {
  await query(page, 'dashboard.matrix_renderer', { renderer, repeat: times });
  await page.waitForFunction(([r, n]) => window.workbench.query('dashboard.state').matrix.renderer === r &&
    window.workbench.query('dashboard.state').matrix.repeat === n, [renderer, times]);
  await query(page, 'bench.frame_timing', { on: true });
  await page.mouse.move(at.x, at.y);
  const first = (await query(page, 'dashboard.state')).matrix.firstRow;
  let moved = false;
  for (let i = 0; i < wheels; ++i) {
    await page.mouse.wheel(0, (Math.floor(i / 30) % 2 === 0 ? 1 : -1) * 160);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
    if (!moved && (await query(page, 'dashboard.state')).matrix.firstRow !== first) moved = true;
  }
  const frames = await query(page, 'bench.frames');
  await query(page, 'bench.frame_timing', { on: false });
  assert.ok(moved, `${renderer}: the matrix scrolled`);
  assert.ok(frames.total.length >= wheels / 2, `${renderer}: ${frames.total.length} frames timed`);
  return frames;
}

async function main() {
  const total = 4 * perTutor;
  const server = await startServer({ timeoutMs: 300000,
    args: ['--demo-students-per-tutor', String(perTutor), '--demo-lessons', String(lessons)] });
  const browser = await launchBrowser();
  try {
    const app = await openApp(browser, server.url, { viewport });
    const { page } = app;
    await waitForWorkspace(page, (w) => w.phase === 'login' || w.phase === 'ready');
    await page.evaluate(([l, p]) => window.workbench.login(l, p), ['manager', server.accounts.manager]);
    await waitForWorkspace(page, (w) => w.phase === 'ready' && w.sync.phase === 'synced', 300000);
    await page.evaluate(() => window.workbench.openView('dashboard'));
    await page.waitForFunction(() => window.workbench.query('dashboard.state').ready, null, { timeout: 120000, polling: 500 });
    const d = await query(page, 'dashboard.state');
    assert.equal(d.matrix.glError, '');
    assert.ok(d.matrix.rows > total * 0.9, `the team's matrix: ${d.matrix.rows} rows`);
    const canvas = await page.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return { x: r.left, y: r.top }; });
    const [x0, y0, x1, y1] = d.matrix.rect;
    const at = { x: canvas.x + (x0 + x1) / 2, y: canvas.y + (y0 + y1) / 2 };
    const cases = [];
    for (const side of ['shader', 'drawlist']) for (const n of [1, repeat]) cases.push({ side, n, build: [], total: [] });
    for (let r = 0; r < rounds; ++r)
      for (const c of r % 2 === 0 ? cases : [...cases].reverse()) {
        const f = await round(page, c.side, c.n, at);
        c.build.push(...f.build);
        c.total.push(...f.total);
      }
    await query(page, 'dashboard.matrix_renderer', { renderer: 'shader' });
    assert.equal((await query(page, 'dashboard.state')).matrix.glError, '');
    assert.deepEqual(app.problems, []);

    const summary = (list) => {
      const sorted = [...list].sort((a, b) => a - b);
      return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
    };
    const median = (c, part) => summary(c[part]).median;
    const one = (side) => cases.find((c) => c.side === side && c.n === 1);
    const many = (side) => cases.find((c) => c.side === side && c.n === repeat);
    const side = (name) => ({
      frames: one(name).total.length + many(name).total.length,
      frame: { build: summary(one(name).build), total: summary(one(name).total) },
      perDraw: { build: (median(many(name), 'build') - median(one(name), 'build')) / (repeat - 1),
                 total: (median(many(name), 'total') - median(one(name), 'total')) / (repeat - 1) },
    });
    const shader = side('shader'), drawlist = side('drawlist');
    const cellsInView = Math.ceil((y1 - y0) / d.matrix.cellH) * d.matrix.columns;
    const result = {
      students: d.matrix.rows, lessons: d.matrix.columns, viewport, cellsInView, repeat, shader, drawlist,
      // null: the shader's part is within two of the page's clock steps (0.1 ms) over the repeats
      ratio: { perDrawBuild: shader.perDraw.build > 2 * kClockStep / (repeat - 1) ? drawlist.perDraw.build / shader.perDraw.build : null,
               perDrawTotal: drawlist.perDraw.total / shader.perDraw.total,
               frame: drawlist.frame.total.median / shader.frame.total.median },
    };
    writeFileSync(path.join(artifactsDir(), 'bench-matrix.json'), JSON.stringify(result, null, 2) + '\n');
    const ms = (v) => v.toFixed(3).padStart(8);
    const line = (name, s) => `  ${name.padEnd(26)} one draw: build ${ms(s.perDraw.build)} ms, to GPU finish ` +
      `${ms(s.perDraw.total)} ms | the product's frame: build ${ms(s.frame.build.median)} ms, to GPU finish ` +
      `${ms(s.frame.total.median)} ms (p90 ${ms(s.frame.total.p90)})`;
    console.log(`matrix bench: ${result.students} students × ${result.lessons} lessons, ${cellsInView} cells in view ` +
                `(${viewport.width}×${viewport.height}), repeat ${repeat}, ${shader.frames} + ${drawlist.frames} frames, medians`);
    console.log(line('shader (shaders/matrix.*)', shader));
    console.log(line('ImGui rectangles (peer)', drawlist));
    const x = (v) => `${v.toFixed(2)}×`;
    const build = result.ratio.perDrawBuild === null
      ? `its build ${drawlist.perDraw.build.toFixed(3)} ms vs below the clock's resolution`
      : `its build ${x(result.ratio.perDrawBuild)}`;
    console.log(`  ratio peer / shader: one draw to GPU finish ${x(result.ratio.perDrawTotal)}, ${build}; ` +
                `the product's whole frame ${x(result.ratio.frame)}`);
    await app.context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
