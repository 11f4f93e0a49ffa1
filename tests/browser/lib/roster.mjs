// The roster's test query, shared by roster.test.mjs and roster-10k.test.mjs.
export const roster = (page, args = {}) => page.evaluate((a) => window.workbench.query('roster.state', a), args);

// Waits until `predicate` (serialized into the page: no closures) holds for the roster's state.
export async function waitForRoster(page, predicate, timeout = 20000) {
  await page.waitForFunction(`(${predicate})(window.workbench.query('roster.state', {first: 0}))`, null,
                             { timeout, polling: 100 });
}
