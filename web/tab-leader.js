// tab-leader.js: one leader per account among the tabs of a browser, and a channel between them.
//
// API:
//   supported() -> boolean
//       false when navigator.locks is missing (old browser, insecure context): the caller runs
//       single-tab and warns.
//   startLeadership(lockName, onBecameLeader) -> {isLeader(), error(), release()}
//       Asks for the Web Lock `lockName` (exclusive) and holds it until the page goes away (the
//       browser releases it when the tab closes or crashes, and the next waiting tab gets it).
//       onBecameLeader() is called once, when the lock is granted; isLeader() is true from then
//       on. Two tabs can never both hold the lock, so two leaders are impossible by construction.
//       error() is null, or the message when the browser refused the request (e.g. an opaque
//       origin): then this tab never leads. release() gives the lock up (logout, account switch).
//       Without navigator.locks the handle never leads and error() says why.
//   channel(name) -> {post(msg), onMessage(cb), close()}
//       A BroadcastChannel between the tabs of this origin. msg must be structured-cloneable.
//       A tab never receives its own messages, even from another channel() of the same name.
//       onMessage(cb) returns a function that removes cb. Without BroadcastChannel post() does
//       nothing (one tab alone has nobody to tell).

// Tells this tab's messages apart from the other tabs'.
const TAB_ID = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export function supported() {
  return typeof navigator !== 'undefined' && !!navigator.locks && typeof navigator.locks.request === 'function';
}

export function startLeadership(lockName, onBecameLeader) {
  let leader = false;
  let failure = supported() ? null : 'This browser has no Web Locks: this tab syncs on its own; ' +
    'keep the workbench open in one tab only.';
  let releaseLock = null;
  let released = false;
  const handle = {
    isLeader: () => leader,
    error: () => failure,
    release() {
      released = true;
      leader = false;
      releaseLock?.();
    },
  };
  if (failure) return handle;
  navigator.locks.request(String(lockName), { mode: 'exclusive' }, () => {
    if (released) return undefined; // given up while waiting: let the next tab have it
    leader = true;
    // Held until release() or until the page goes away.
    const held = new Promise((resolve) => { releaseLock = resolve; });
    try {
      onBecameLeader?.();
    } catch (error) {
      console.warn('tab-leader: onBecameLeader threw', error);
    }
    return held;
  }).catch((error) => {
    leader = false;
    failure = `The browser refused the tab lock (${error && error.name}: ${error && error.message}): ` +
      'this tab does not sync for the others.';
  });
  return handle;
}

export function channel(name) {
  const listeners = new Set();
  const bc = typeof BroadcastChannel === 'function' ? new BroadcastChannel(String(name)) : null;
  if (bc) {
    bc.onmessage = (event) => {
      const data = event.data;
      if (!data || data.from === TAB_ID || !('msg' in data)) return;
      for (const cb of listeners) {
        try { cb(data.msg); } catch (error) { console.warn('tab-leader: a channel listener threw', error); }
      }
    };
  }
  return {
    post(msg) { bc?.postMessage({ from: TAB_ID, msg }); },
    onMessage(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    close() {
      listeners.clear();
      bc?.close();
    },
  };
}
