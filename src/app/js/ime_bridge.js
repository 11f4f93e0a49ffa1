// The text bridge between the page and ImGui's text fields (see src/app/ime_bridge.h).
//
// A hidden <textarea> takes the keyboard while an ImGui text field is active: it is what an IME
// composes into (pinyin -> 汉字), what makes a phone open its on-screen keyboard, and what
// receives clipboard events. It sits at the field's caret so the IME's candidate window opens
// there; while composing it becomes visible over the field and shows the pre-edit text.
// Password fields get an <input type="password"> instead (no IME, no learned words on phones).
//
// Who handles what while it has focus:
// - keydown/keyup: the app's window listeners feed ImGui (editing and navigation keys:
//   Backspace, arrows, Enter, Tab, Ctrl+A...), except while an IME composes;
// - text (typed, composed, dictated): `input` / `compositionend` -> ImGui, then the textarea is
//   emptied, so every character reaches ImGui exactly once;
// - clipboard: `paste` hands the page's clipboard text to ImGui's Ctrl/Cmd+V; `copy` / `cut`
//   draw one frame at once so ImGui's Ctrl/Cmd+C lands in the event's clipboardData.
mergeInto(LibraryManager.library, {
  $wbTextInput: {
    text: null,            // the textarea for ordinary fields
    secret: null,          // the password input for password fields
    el: null,              // the one in use
    canvas: null,
    active: false,         // an ImGui text field wants text
    composing: false,
    clipboard: '',         // the last text copied from or pasted into the app
    inClipboardEvent: false,
    pendingCopy: null,     // what ImGui copied during a copy/cut event
    shortcutPasteAt: -1,   // time of the last Ctrl/Cmd+V keydown
  },

  $wbSendText__deps: ['$wbTextInput', 'malloc', 'free'],
  $wbSendText: function(text) {
    if (!text) return;
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    _wb_platform_text(ptr);
    _free(ptr);
  },

  wb_js_text_input_install__deps: ['$wbTextInput', '$wbSendText', '$wbCanvas'],
  wb_js_text_input_install: function(selectorPtr, labelPtr) {
    var state = wbTextInput;
    var canvas = wbCanvas(UTF8ToString(selectorPtr));
    state.canvas = canvas;
    // The element for ordinary fields, and one for password fields: browsers turn the IME off
    // and phones stop suggesting and learning words in a password input.
    function create(tag, id) {
      var el = document.createElement(tag);
      el.id = id;
      el.className = 'wb-text-input';
      el.setAttribute('aria-label', UTF8ToString(labelPtr));
      el.setAttribute('autocomplete', 'off');
      el.setAttribute('autocorrect', 'off');
      el.setAttribute('autocapitalize', 'off');
      el.setAttribute('spellcheck', 'false');
      el.setAttribute('enterkeyhint', 'done');
      el.tabIndex = -1;                          // never a Tab stop of the page itself
      document.body.appendChild(el);
      wire(el);
      return el;
    }
    // The pre-edit text is shown as wide as it is (measured in the element's own font).
    var measure = document.createElement('canvas').getContext('2d');

    function wire(el) {
      // Text that is no longer being composed goes to ImGui, and the element is emptied.
      function commit() {
        var text = el.value;
        el.value = '';
        el.style.width = '';
        if (text) wbSendText(text.replace(/\r\n?|\n/g, ''));
      }
      function showComposition() {
        measure.font = getComputedStyle(el).font;
        el.style.width = Math.ceil(measure.measureText(el.value).width + 6) + 'px';
      }
      el.addEventListener('compositionstart', function() {
        state.composing = true;
        el.classList.add('composing');
        showComposition();
      });
      el.addEventListener('compositionupdate', showComposition);
      el.addEventListener('compositionend', function() {
        state.composing = false;
        el.classList.remove('composing');
        commit();
      });
      el.addEventListener('input', function(e) {
        if (state.composing || e.isComposing) { showComposition(); return; }
        commit();
      });
      // The element keeps no text, so its own editing must not act: undo would bring back
      // committed text, a line break is Enter. Keyboards that send no key codes (Android's
      // on-screen keyboards send keyCode 229) still delete and submit through these.
      el.addEventListener('beforeinput', function(e) {
        if (state.composing || e.isComposing) return;
        var type = e.inputType || '';
        if (type === 'historyUndo' || type === 'historyRedo') { e.preventDefault(); return; }
        if (el.value !== '') return;
        var key = type === 'deleteContentBackward' ? 1 : type === 'deleteContentForward' ? 2
                : (type === 'insertLineBreak' || type === 'insertParagraph') ? 3 : 0;
        if (key) { e.preventDefault(); _wb_platform_edit_key(key); }
      });
      el.addEventListener('keydown', function(e) {
        if ((e.ctrlKey || e.metaKey) && e.code === 'KeyV') state.shortcutPasteAt = performance.now();
      });
    }

    state.text = create('textarea', 'wb-text-input');
    state.text.setAttribute('rows', '1');
    state.text.setAttribute('inputmode', 'text');   // phones open their text keyboard
    state.secret = create('input', 'wb-secret-input');
    state.secret.type = 'password';
    state.el = state.text;

    // Paste: a Ctrl/Cmd+V key already reached ImGui, which asks for the clipboard in its next
    // frame; a paste from a menu (phones) arrives as text. The textarea never inserts it.
    function onPaste(e) {
      if (!state.active || !e.clipboardData) return;
      var text = e.clipboardData.getData('text/plain');
      e.preventDefault();
      state.clipboard = text;
      var fromShortcut = performance.now() - state.shortcutPasteAt < 1000;
      state.shortcutPasteAt = -1;
      if (!fromShortcut) wbSendText(text.replace(/\r\n?|\n/g, ' '));
    }
    // Copy / cut: the key is queued in ImGui; draw a frame now so ImGui's copy happens inside
    // this event and its text goes into the event's clipboardData (no permission needed).
    function onCopy(e) {
      var target = document.activeElement;
      if (target !== state.el && target !== canvas && target !== document.body && target !== null) return;
      state.inClipboardEvent = true;
      state.pendingCopy = null;
      try { _wb_platform_draw_now(1); } finally { state.inClipboardEvent = false; }
      if (state.pendingCopy !== null && e.clipboardData) {
        e.clipboardData.setData('text/plain', state.pendingCopy);
        e.preventDefault();
      }
      state.pendingCopy = null;
    }
    document.addEventListener('paste', onPaste);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
  },

  // Called when ImGui's text input state changes (Platform_SetImeDataFn): focus the textarea at
  // the caret (CSS pixels of the canvas), or hand the keyboard back to the canvas.
  wb_js_text_input_place__deps: ['$wbTextInput'],
  wb_js_text_input_place: function(active, x, y, lineHeight, password) {
    var state = wbTextInput;
    if (!state.text) return;
    var el = password ? state.secret : state.text;
    var other = password ? state.text : state.secret;
    state.active = !!active;
    other.style.left = '-1000px';
    if (!active) {
      el.style.left = '-1000px';
      if (document.activeElement === state.text || document.activeElement === state.secret) {
        state.text.value = state.secret.value = '';
        state.canvas.focus({ preventScroll: true });
      }
      return;
    }
    state.el = el;
    var rect = state.canvas.getBoundingClientRect();
    el.style.left = (rect.left + x) + 'px';
    el.style.top = (rect.top + y) + 'px';
    el.style.height = lineHeight + 'px';
    el.style.lineHeight = lineHeight + 'px';
    el.style.setProperty('--wb-line-height', lineHeight + 'px');
    if (document.activeElement !== el) el.focus({ preventScroll: true });
  },

  wb_js_text_input_label__deps: ['$wbTextInput'],
  wb_js_text_input_label: function(labelPtr) {
    var label = UTF8ToString(labelPtr);
    if (wbTextInput.text) wbTextInput.text.setAttribute('aria-label', label);
    if (wbTextInput.secret) wbTextInput.secret.setAttribute('aria-label', label);
  },

  // Where the keyboard is: 0 the app (canvas or nothing focused), 1 the text bridge, 2 the text
  // bridge while an IME composes, 3 another editable element of the page.
  wb_js_keyboard_target__deps: ['$wbTextInput'],
  wb_js_keyboard_target: function() {
    var el = document.activeElement;
    if (el && (el === wbTextInput.text || el === wbTextInput.secret)) return wbTextInput.composing ? 2 : 1;
    if (!el || el === document.body) return 0;
    var tag = el.tagName;
    return (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable) ? 3 : 0;
  },

  // ImGui copied text: inside a copy/cut event it goes into the event; otherwise (a copy button)
  // through the async Clipboard API, which needs a recent user gesture.
  wb_js_clipboard_set__deps: ['$wbTextInput'],
  wb_js_clipboard_set: function(ptr) {
    var text = UTF8ToString(ptr);
    wbTextInput.clipboard = text;
    if (wbTextInput.inClipboardEvent) { wbTextInput.pendingCopy = text; return; }
    if (navigator.clipboard && navigator.clipboard.writeText)
      navigator.clipboard.writeText(text).catch(function() {});
  },

  // The text ImGui pastes: what the last paste event carried (or the app's own last copy).
  wb_js_clipboard_get__deps: ['$wbTextInput', 'malloc'],
  wb_js_clipboard_get: function() {
    var text = wbTextInput.clipboard || '';
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
  },
});
