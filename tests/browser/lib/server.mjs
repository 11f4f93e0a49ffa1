// Starts the real workbench server for a browser test: a fresh data directory, port 0 (the
// server picks a free one) and the site from WB_SITE_DIR. Resolves once the server prints
// "listening on http://HOST:PORT".
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const READY = /listening on (http:\/\/[^\s]+)/;
// Browser tests need a few students per tutor, not the full 250: seeding stays quick.
const DEMO_SIZE_ARGS = ['--demo-students-per-tutor', '20'];

export function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (see tests/browser/README.md)`);
  return value;
}

// The demo accounts the server prints on its first start: {tutor1: "password", ...}.
function parseAccounts(output) {
  const accounts = {};
  for (const m of output.matchAll(/^\s+(\S+)\s+password\s+(\S+)/gm)) accounts[m[1]] = m[2];
  return accounts;
}

// `data` reuses a data directory (a restart keeps the database); `port` fixes the port (a
// restart keeps the URL the page talks to). `automation`: run the server's scheduler and
// delivery worker (off by default, so reminders coming due during a test don't change the data
// other tests count); `testClock`: allow POST /api/test/clock.
export async function startServer({ timeoutMs = 60000, data = null, port = 0, args = [], automation = false,
                                    testClock = false } = {}) {
  const bin = requireEnv('WB_SERVER_BIN');
  const site = requireEnv('WB_SITE_DIR');
  const ownData = !data;
  data = data || mkdtempSync(path.join(tmpdir(), 'wb-browser-data-'));
  const child = spawn(bin, ['--host', '127.0.0.1', '--port', String(port), '--site', site, '--data', data,
                            ...DEMO_SIZE_ARGS, ...(automation ? [] : ['--no-automation']),
                            ...(testClock ? ['--test-clock'] : []), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not report "listening on" within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const m = output.match(READY);
      if (m) { clearTimeout(timer); resolve(m[1].replace(/\/$/, '')); }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => { output += chunk; });
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code} before listening:\n${output}`)); });
  });
  child.removeAllListeners('exit');
  return {
    url,
    data,
    accounts: parseAccounts(output),
    output: () => output,
    // Moves the server's clock forward (needs `testClock`); resolves to the server's new time.
    async advanceClock(advanceMs) {
      const res = await fetch(`${url}/api/test/clock`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs }),
      });
      if (!res.ok) throw new Error(`POST /api/test/clock: ${res.status} ${await res.text()}`);
      return (await res.json()).nowMs;
    },
    // Moves the server's clock to the next 10:00 in the demo organisation's time zone
    // (Asia/Shanghai, UTC+8 all year), so messages to parents are outside the quiet hours
    // (21:00-08:00) whatever the time the tests run at. Needs `testClock`.
    async moveClockToDaytime() {
      const now = await this.advanceClock(0);
      const day = 24 * 3600 * 1000;
      const localMs = (now + 8 * 3600 * 1000) % day;
      return this.advanceClock((10 * 3600 * 1000 - localMs + day) % day);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      if (ownData) rmSync(data, { recursive: true, force: true });
    },
    // Ends the process at once, as a crash or a power cut would (the data directory stays).
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
