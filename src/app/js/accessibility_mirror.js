// The page half of the accessibility mirror (src/app/accessibility_mirror.h): the live region a
// screen reader follows and the canvas' accessible name. Called only when the words change.
mergeInto(LibraryManager.library, {
  wb_js_a11y_announce: function(textPtr) {
    var region = document.getElementById('wb-a11y-status');
    if (region) region.textContent = UTF8ToString(textPtr);
  },

  wb_js_a11y_name_app__deps: ['$wbCanvas'],
  wb_js_a11y_name_app: function(namePtr) {
    var canvas = wbCanvas('#canvas');
    if (canvas) canvas.setAttribute('aria-label', UTF8ToString(namePtr));
  },
});
