// window.workbench: a small interface browser tests use to read the app's state and drive it.
// The product never depends on it. It is installed once the module is running; `ready` turns
// true with the first drawn frame.
(function () {
  'use strict';

  var api = { ready: false };
  window.workbench = api;

  window.wbInstallTestInterface = function (module) {
    var str = function (ptr) { return module.UTF8ToString(ptr); };
    var call = function (name, arg) { return module.ccall(name, 'number', ['string'], [arg]); };

    api.frameCount = function () { return module._wb_test_frame_count(); };
    // True while the main loop is paused with no wake-up pending: nothing is being drawn.
    api.idle = function () { return module._wb_test_idle() === 1; };
    api.language = function () { return str(module._wb_test_language()); };
    api.setLanguage = function (code) { return call('wb_test_set_language', String(code)) === 1; };
    api.currentView = function () { return str(module._wb_test_current_view()); };
    api.openView = function (id) { return call('wb_test_open_view', String(id)) === 1; };
    // The translated labels drawn in the last complete frame, as text...
    api.visibleLabels = function () { return api.labels().map(function (l) { return l.text; }); };
    // ...and with where they were drawn ({text, x, y, w, h} in CSS pixels of the canvas).
    api.labels = function () { return JSON.parse(str(module._wb_test_visible_labels())); };
    // The rectangle of the first drawn label with this text, or null.
    api.labelBounds = function (text) {
      var found = api.labels().filter(function (l) { return l.text === text; })[0];
      return found ? { x: found.x, y: found.y, w: found.w, h: found.h } : null;
    };
    // {ctrl, shift, alt, super, anyKey, mouseDown: [l, r, m], x, y, source: 0 mouse / 1 touch / 2 pen}
    api.inputState = function () { return JSON.parse(str(module._wb_test_input_state())); };
    api.online = function () { return module._wb_test_online() === 1; };

    // The workspace: {phase, mode, leader, storage, sessionExpired, user, loginError,
    // sync: {phase, pending, rejected, lastSynced, error}, rejectedList, replica: {clientId, cursor, acked, nextId}}.
    api.workspace = function () { return JSON.parse(str(module._wb_test_workspace())); };
    api.login = function (login, password) {
      module.ccall('wb_test_login', null, ['string', 'string'], [String(login), String(password)]);
    };
    api.startDemo = function () { module._wb_test_start_demo(); };
    // A change through the same path the views use: {ok, reason, ticket}; saved(ticket) turns
    // true once it is durable in IndexedDB.
    api.submit = function (name, args) {
      return JSON.parse(module.ccall('wb_test_submit', 'string', ['string', 'string'], [String(name), JSON.stringify(args || {})]));
    };
    api.saved = function (ticket) { return module._wb_test_saved(ticket) === 1; };
    api.entity = function (kind, id) {
      return JSON.parse(module.ccall('wb_test_entity', 'string', ['string', 'string'], [String(kind), String(id)]));
    };
    api.ids = function (kind, limit) {
      return JSON.parse(module.ccall('wb_test_ids', 'string', ['string', 'number'], [String(kind), limit || 10]));
    };
    api.count = function (kind) { return module.ccall('wb_test_count', 'number', ['string'], [String(kind)]); };
    // A named query an area of the app registered (src/app/test_queries.h). Throws on an unknown
    // name so a typo fails the test loudly.
    api.query = function (name, args) {
      var answer = JSON.parse(module.ccall('wb_test_query', 'string', ['string', 'string'], [String(name), JSON.stringify(args || {})]));
      if (!answer.ok) throw new Error(answer.error);
      return answer.value;
    };

    if (module._wb_test_frame_count() > 0) api.ready = true;
    else {
      var previous = module.onFirstFrame;
      module.onFirstFrame = function () {
        api.ready = true;
        if (typeof previous === 'function') previous();
      };
    }
  };
})();
