// Starts the real workbench server for a browser test: a fresh data directory, port 0 (the
// server picks a free one) and the site from WB_SITE_DIR. Resolves once the server prints
// "listening on http://HOST:PORT".
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const READY = /listening on (http:\/\/[^\s]+)/;

export function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (see tests/browser/README.md)`);
  return value;
}

export async function startServer({ timeoutMs = 20000 } = {}) {
  const bin = requireEnv('WB_SERVER_BIN');
  const site = requireEnv('WB_SITE_DIR');
  const data = mkdtempSync(path.join(tmpdir(), 'wb-browser-data-'));
  const child = spawn(bin, ['--host', '127.0.0.1', '--port', '0', '--site', site, '--data', data], {
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
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(data, { recursive: true, force: true });
    },
  };
}
