// The browser services the sync engine uses, each an asynchronous call that answers through
// one exported C function: wb_js_done(id, status, text) (see src/app/js_reply.h). `id` is the
// C++ side's ticket, `status` a small number whose meaning each call documents, `text` a JSON
// or plain string. The IndexedDB store and the tab leadership live in web/local-store.js and
// web/tab-leader.js (plain modules the loading page imports and hands over as Module.wbStore
// and Module.wbTabs); this file only adapts them and fetch() to the C side.
mergeInto(LibraryManager.library, {
  // Copies `text` into the wasm heap for the duration of the call.
  $wbReply__deps: ['malloc', 'free'],
  $wbReply: function(id, status, text) {
    text = text == null ? '' : String(text);
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    try { _wb_js_done(id, status, ptr); } finally { _free(ptr); }
  },

  $wbRequests: {},

  // fetch(): status is the HTTP status, 0 for a network failure (text: the browser's message),
  // -1 when aborted by wb_js_fetch_abort, -2 on timeout. Never served from a cache: sync
  // responses must be current (cache: 'no-store').
  wb_js_fetch__deps: ['$wbReply', '$wbRequests'],
  wb_js_fetch: function(id, methodPtr, urlPtr, bodyPtr, tokenPtr, timeoutMs) {
    var headers = { 'Accept': 'application/json' };
    var token = UTF8ToString(tokenPtr);
    if (token) headers['Authorization'] = 'Bearer ' + token;
    var body = bodyPtr ? UTF8ToString(bodyPtr) : null;
    if (body !== null) headers['Content-Type'] = 'application/json';
    var controller = new AbortController();
    var entry = { controller: controller, why: 0 };
    wbRequests[id] = entry;
    var timer = setTimeout(function() { entry.why = -2; controller.abort(); }, timeoutMs);
    fetch(UTF8ToString(urlPtr), {
      method: UTF8ToString(methodPtr), headers: headers, body: body,
      cache: 'no-store', credentials: 'omit', signal: controller.signal
    }).then(function(response) {
      return response.text().then(function(text) { return [response.status, text]; });
    }).then(function(answer) {
      clearTimeout(timer);
      delete wbRequests[id];
      wbReply(id, answer[0], answer[1]);
    }, function(err) {
      clearTimeout(timer);
      delete wbRequests[id];
      wbReply(id, entry.why || 0, err && err.message ? err.message : String(err));
    });
  },

  wb_js_fetch_abort__deps: ['$wbRequests'],
  wb_js_fetch_abort: function(id) {
    var entry = wbRequests[id];
    if (entry) { entry.why = -1; entry.controller.abort(); }
  },

  // The local store (web/local-store.js). Every answer is JSON; status 1 = the call resolved,
  // 0 = it threw (text: the message) or the module is missing.
  $wbStoreCall__deps: ['$wbReply'],
  $wbStoreCall: function(id, work) {
    var store = Module['wbStore'];
    if (!store) { wbReply(id, 0, 'local-store.js did not load'); return; }
    var promise;
    try { promise = Promise.resolve(work(store)); } catch (e) { promise = Promise.reject(e); }
    promise.then(function(value) { wbReply(id, 1, JSON.stringify(value)); },
                 function(err) { wbReply(id, 0, err && err.message ? err.message : String(err)); });
  },
  wb_js_store_open__deps: ['$wbStoreCall'],
  wb_js_store_open: function(id, namePtr) {
    var name = UTF8ToString(namePtr);
    wbStoreCall(id, function(store) { return store.open(name); });
  },
  wb_js_store_load__deps: ['$wbStoreCall'],
  wb_js_store_load: function(id) { wbStoreCall(id, function(store) { return store.load(); }); },
  wb_js_store_commit__deps: ['$wbStoreCall'],
  wb_js_store_commit: function(id, batchPtr) {
    var batch = JSON.parse(UTF8ToString(batchPtr));
    wbStoreCall(id, function(store) { return store.commit(batch); });
  },
  wb_js_store_estimate__deps: ['$wbStoreCall'],
  wb_js_store_estimate: function(id) { wbStoreCall(id, function(store) { return store.estimate(); }); },
  wb_js_store_persist__deps: ['$wbStoreCall'],
  wb_js_store_persist: function(id) { wbStoreCall(id, function(store) { return store.persist(); }); },

  // Tabs (web/tab-leader.js). wb_js_tabs_start answers status 1 once this tab leads (it may
  // never), or status 2 at once when Web Locks are missing (the tab then runs alone). Messages
  // from other tabs arrive on the `listenId` ticket again and again with status 3.
  $wbTabChannel: null,
  wb_js_tabs_start__deps: ['$wbReply', '$wbTabChannel'],
  wb_js_tabs_start: function(leaderId, listenId, namePtr) {
    var name = UTF8ToString(namePtr);
    var tabs = Module['wbTabs'];
    if (!tabs) { wbReply(leaderId, 2, 'tab-leader.js did not load'); return; }
    wbTabChannel = tabs.channel(name);
    wbTabChannel.onMessage(function(msg) { wbReply(listenId, 3, JSON.stringify(msg)); });
    if (!tabs.supported()) { wbReply(leaderId, 2, 'Web Locks unavailable'); return; }
    tabs.startLeadership(name, function() { wbReply(leaderId, 1, ''); });
  },
  wb_js_tabs_post__deps: ['$wbTabChannel'],
  wb_js_tabs_post: function(textPtr) {
    if (wbTabChannel) wbTabChannel.post(JSON.parse(UTF8ToString(textPtr)));
  },

  // 128 random bits as 32 hex characters into `out` (33 bytes): client ids.
  wb_js_random_hex: function(out) {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    var hex = '';
    for (var i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    stringToUTF8(hex, out, 33);
  },

  wb_js_now_utc_ms: function() { return Date.now(); },

  // The device's IANA time zone ("" when the browser does not say) into `out` (`size` bytes).
  wb_js_device_time_zone: function(out, size) {
    var zone = '';
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { zone = ''; }
    stringToUTF8(zone, out, size);
  },

  // While a change the user made is not yet in IndexedDB (a write takes a moment; the very
  // first demo data takes longer), leaving or reloading the page would lose it: the browser
  // asks first. The C side is asked at that moment, so the answer is never a frame late.
  wb_js_install_leave_guard: function() {
    window.addEventListener('beforeunload', function(event) {
      if (_wb_unsaved_writes() > 0) {
        event.preventDefault();
        event.returnValue = '';
      }
    });
  },
});
