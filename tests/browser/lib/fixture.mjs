// The set-up every browser test file shares: one real server (fresh data directory) and one
// Chromium for the whole file, stopped afterwards. Returns an object whose `server` and
// `browser` are filled in by the time the tests run; a file's own `before` hook awaits
// `env.ready` first (Node's runner does not promise to run root hooks one after the other).
import { before, after } from 'node:test';
import { startServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';

export function useServerAndBrowser(serverOptions = {}) {
  let markReady;
  const env = { server: null, browser: null, ready: new Promise((resolve) => { markReady = resolve; }) };
  before(async () => {
    env.server = await startServer(serverOptions);
    env.browser = await launchBrowser();
    markReady();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
