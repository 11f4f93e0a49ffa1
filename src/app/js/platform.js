// The browser half of the platform layer (see src/app/platform.h). What <emscripten/html5.h>
// in Emscripten 3.1.6 does not offer lives here: Pointer Events (mouse, touch, pen), the
// devicePixelRatio watcher, online/offline, localStorage, and the hand-off to the loading page
// (font bytes in, first frame and fatal errors out). Events call back into exported C functions.
mergeInto(LibraryManager.library, {
  wb_js_install_listeners__deps: ['$wbCanvas'],
  wb_js_install_listeners: function(selectorPtr) {
    var canvas = wbCanvas(UTF8ToString(selectorPtr));
    if (!canvas) return 0;
    canvas.style.touchAction = 'none';   // touch drives the app, not page panning or zooming

    var SOURCE = { mouse: 0, touch: 1, pen: 2 };
    var BUTTON = [0, 2, 1];              // DOM left/middle/right -> ImGui left/right/middle
    function send(kind, e) {
      var rect = canvas.getBoundingClientRect();
      var source = SOURCE[e.pointerType] || 0;
      var button = e.button >= 0 && e.button < 3 ? BUTTON[e.button] : -1;
      _wb_platform_pointer(kind, e.clientX - rect.left, e.clientY - rect.top, button, source);
    }
    canvas.addEventListener('pointerdown', function(e) {
      if (!e.isPrimary && e.pointerType === 'touch') return;   // one finger is the mouse
      try { canvas.setPointerCapture(e.pointerId); } catch (err) {}
      // The text bridge keeps the keyboard while a field is active (a click may only move the
      // caret); the app hands it back when the field deactivates.
      var focused = document.activeElement;
      if (focused !== canvas && !(focused && focused.classList.contains('wb-text-input')))
        canvas.focus({ preventScroll: true });
      send(1, e);
      e.preventDefault();
      if (e.pointerType === 'touch') _wb_platform_draw_now(1);   // see pointerup
    });
    canvas.addEventListener('pointermove', function(e) {
      if (!e.isPrimary) return;
      send(0, e);
    });
    canvas.addEventListener('pointerup', function(e) {
      if (!e.isPrimary && e.pointerType === 'touch') return;
      send(2, e);
      // A lifted finger hovers nothing; a mouse stays where it is.
      if (e.pointerType !== 'mouse') send(3, e);
      // A tap on a text field must focus the text bridge within the gesture, or phones keep
      // their on-screen keyboard closed: draw the press and the release now.
      if (e.pointerType === 'touch') _wb_platform_draw_now(2);
    });
    canvas.addEventListener('pointercancel', function(e) { send(2, e); send(3, e); });
    canvas.addEventListener('pointerleave', function(e) {
      if (e.pointerType === 'mouse' && !e.buttons) send(3, e);
    });
    canvas.addEventListener('contextmenu', function(e) { e.preventDefault(); });
    // A lost WebGL context (GPU reset, too many contexts) comes back if the loss is
    // preventDefault'ed; the app then rebuilds its GPU objects and redraws.
    canvas.addEventListener('webglcontextlost', function(e) {
      e.preventDefault();
      _wb_platform_context_lost();
    });
    canvas.addEventListener('webglcontextrestored', function() { _wb_platform_context_restored(); });

    // devicePixelRatio changes (browser zoom, moving to another screen) fire no resize event
    // on every browser: watch a media query for the current ratio and re-arm it on change.
    function watchRatio() {
      var query = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
      var onChange = function() {
        query.removeEventListener('change', onChange);
        _wb_platform_viewport_changed();
        watchRatio();
      };
      query.addEventListener('change', onChange);
    }
    watchRatio();

    window.addEventListener('online', function() { _wb_platform_online_changed(1); });
    window.addEventListener('offline', function() { _wb_platform_online_changed(0); });
    return 1;
  },

  $wbCanvas: function(selector) {
    return Module['canvas'] || document.querySelector(selector);
  },

  wb_js_is_mac: function() {
    var p = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || '';
    return /mac|iphone|ipad/i.test(p) ? 1 : 0;
  },

  wb_js_online: function() { return navigator.onLine ? 1 : 0; },

  // Copies the font the loading page fetched into the heap; the caller frees it.
  wb_js_take_font: function(sizeOut) {
    var bytes = Module['wbFontBytes'];
    delete Module['wbFontBytes'];
    if (!bytes || !bytes.length) { HEAP32[sizeOut >> 2] = 0; return 0; }
    var ptr = _malloc(bytes.length);
    HEAPU8.set(bytes, ptr);
    HEAP32[sizeOut >> 2] = bytes.length;
    return ptr;
  },

  // Returns a malloc'ed UTF-8 copy of localStorage[key], or 0.
  wb_js_storage_get: function(keyPtr) {
    var value = null;
    try { value = window.localStorage.getItem(UTF8ToString(keyPtr)); } catch (err) {}
    if (value === null) return 0;
    var size = lengthBytesUTF8(value) + 1;
    var ptr = _malloc(size);
    stringToUTF8(value, ptr, size);
    return ptr;
  },

  wb_js_storage_set: function(keyPtr, valuePtr) {
    try { window.localStorage.setItem(UTF8ToString(keyPtr), UTF8ToString(valuePtr)); } catch (err) {}
  },

  wb_js_set_document_language: function(ptr) {
    document.documentElement.lang = UTF8ToString(ptr);
  },

  wb_js_set_document_title: function(ptr) { document.title = UTF8ToString(ptr); },

  wb_js_set_cursor__deps: ['$wbCanvas'],
  wb_js_set_cursor: function(ptr) {
    var canvas = wbCanvas('#canvas');
    if (canvas) canvas.style.cursor = UTF8ToString(ptr);
  },

  wb_js_first_frame: function() {
    if (typeof Module['onFirstFrame'] === 'function') Module['onFirstFrame']();
  },

  wb_js_fatal_error: function(reasonPtr, detailPtr) {
    var reason = UTF8ToString(reasonPtr), detail = UTF8ToString(detailPtr);
    if (typeof Module['onFatalError'] === 'function') Module['onFatalError'](reason, detail);
    else console.error('workbench: ' + reason + ': ' + detail);
  },
});
