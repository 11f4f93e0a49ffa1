// The set-up every browser test file shares: one real server (fresh data directory) and one
// Chromium for the whole file, stopped afterwards. Returns an object whose `server` and
// `browser` are filled in by the time the tests run.
import { before, after } from 'node:test';
import { startServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';

export function useServerAndBrowser(serverOptions = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer(serverOptions);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
