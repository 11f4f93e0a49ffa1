// The platform layer for the browser: <emscripten/html5.h> for keyboard, wheel, resize and focus,
// js/platform.js for what html5.h lacks in Emscripten 3.1.6 (Pointer Events, devicePixelRatio
// changes, online state, localStorage), a WebGL2 context, imgui_impl_opengl3 as the renderer.
//
// [SECTION] State and scheduling   - when a frame is drawn, and when the loop pauses
// [SECTION] Viewport               - CSS size x devicePixelRatio -> canvas backing store
// [SECTION] Input                  - keyboard, text, pointer, wheel, focus
// [SECTION] Public API             - platform.h
#include "platform.h"

#include "dom_keys.h"
#include "ime_bridge.h"

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cfloat>
#include <cstdlib>
#include <cstring>
#include <vector>

extern "C" {
int wb_js_install_listeners(const char* selector);
int wb_js_is_mac();
int wb_js_online();
void* wb_js_take_font(int* size_out);
char* wb_js_storage_get(const char* key);
void wb_js_storage_set(const char* key, const char* value);
void wb_js_set_document_language(const char* code);
void wb_js_set_document_title(const char* title);
void wb_js_first_frame();
void wb_js_fatal_error(const char* reason, const char* detail);
void wb_js_set_cursor(const char* css_cursor);
}

namespace wb::platform {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] State and scheduling
//-----------------------------------------------------------------------------
// After an event ImGui needs a few frames to settle (hover, layout that depends on the previous
// frame's sizes). Tooltips and hover highlights wait for timers after the pointer stops, so the
// loop keeps running a little after pointer input. A focused text field blinks its caret: the
// loop sleeps but wakes on a timer. With none of these the loop pauses completely.
constexpr int kSettleFrames = 3;
constexpr double kHoverTimersMs = 800.0;      // > style.HoverDelayNormal + HoverStationaryDelay
constexpr double kCaretWakeMs = 100.0;        // caret blink resolution while a field is active
constexpr double kMaxDeltaSeconds = 0.25;     // first frame after a long sleep
constexpr size_t kMaxFrameTimes = 10000;        // a benchmark takes them long before

struct State {
    const char* canvas = "#canvas";
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    FrameFn frame = nullptr;
    bool paused = false;
    long wake_timer = 0;              // emscripten_set_timeout id, 0 when none
    long later_timer = 0;             // request_redraw_in(): a frame asked for later, 0 when none
    double later_at = 0.0;
    int frames_pending = kSettleFrames;
    double animate_until = 0.0;
    double last_frame_ms = 0.0;
    bool frame_timing = false;          // set_frame_timing: benchmarks
    std::vector<platform::FrameTime> frame_times;
    std::uint64_t frames = 0;
    bool online = true;
    bool is_mac = false;
    double css_w = 0, css_h = 0, ratio = 1;
    ImGuiMouseCursor cursor = ImGuiMouseCursor_Arrow;
    bool context_lost = false;        // between webglcontextlost and webglcontextrestored
    std::uint64_t gl_generation = 1;  // see platform::gl_generation()
    bool in_frame = false;            // tick() is running (a synchronous frame must not nest)
};
State g_state;

std::vector<void (*)()>& frame_end_hooks() {
    static std::vector<void (*)()> hooks;
    return hooks;
}
void (*g_online_listener)(bool) = nullptr;   // platform::on_online_changed

void resume_loop() {
    if (g_state.wake_timer) {
        emscripten_clear_timeout(g_state.wake_timer);
        g_state.wake_timer = 0;
    }
    if (g_state.paused) {
        g_state.paused = false;
        emscripten_resume_main_loop();
    }
}

// Something changed: draw the next few frames.
void wake(int frames = kSettleFrames) {
    g_state.frames_pending = std::max(g_state.frames_pending, frames);
    resume_loop();
}

void on_wake_timer(void*) {
    g_state.wake_timer = 0;
    wake(1);
}

// Called after every frame: keep running, sleep until a timer, or stop.
void schedule_after_frame() {
    if (g_state.frames_pending > 0) --g_state.frames_pending;
    if (g_state.frame_timing) return;   // a benchmark measures every frame
    const double now = emscripten_performance_now();
    if (g_state.frames_pending > 0 || now < g_state.animate_until) return;
    g_state.paused = true;
    emscripten_pause_main_loop();
    if (ImGui::GetIO().WantTextInput)
        g_state.wake_timer = emscripten_set_timeout(on_wake_timer, kCaretWakeMs, nullptr);
}

void keep_hover_timers_running() {
    g_state.animate_until = std::max(g_state.animate_until, emscripten_performance_now() + kHoverTimersMs);
}

//-----------------------------------------------------------------------------
// [SECTION] Viewport
//-----------------------------------------------------------------------------
void update_viewport() {
    double w = 0, h = 0;
    emscripten_get_element_css_size(g_state.canvas, &w, &h);
    const double ratio = emscripten_get_device_pixel_ratio();
    g_state.css_w = w;
    g_state.css_h = h;
    g_state.ratio = ratio > 0 ? ratio : 1.0;
    const int fb_w = std::max(1, static_cast<int>(w * g_state.ratio + 0.5));
    const int fb_h = std::max(1, static_cast<int>(h * g_state.ratio + 0.5));
    int cur_w = 0, cur_h = 0;
    emscripten_get_canvas_element_size(g_state.canvas, &cur_w, &cur_h);
    if (cur_w != fb_w || cur_h != fb_h) emscripten_set_canvas_element_size(g_state.canvas, fb_w, fb_h);
}

const char* css_cursor(ImGuiMouseCursor cursor) {
    switch (cursor) {
        case ImGuiMouseCursor_None: return "none";
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_ResizeAll: return "move";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
        case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_Wait: return "wait";
        case ImGuiMouseCursor_Progress: return "progress";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        default: return "default";
    }
}

void update_cursor() {
    const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (cursor == g_state.cursor) return;
    g_state.cursor = cursor;
    wb_js_set_cursor(css_cursor(cursor));
}

void tick() {
    if (g_state.context_lost) {       // nothing can be drawn; the restore event wakes us
        g_state.paused = true;
        emscripten_pause_main_loop();
        return;
    }
    ImGuiIO& io = ImGui::GetIO();
    const double now = emscripten_performance_now();
    const double dt = g_state.last_frame_ms > 0 ? (now - g_state.last_frame_ms) / 1000.0 : 1.0 / 60.0;
    g_state.last_frame_ms = now;
    io.DeltaTime = static_cast<float>(std::clamp(dt, 1e-4, kMaxDeltaSeconds));

    update_viewport();
    io.DisplaySize = ImVec2(static_cast<float>(g_state.css_w), static_cast<float>(g_state.css_h));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(g_state.ratio), static_cast<float>(g_state.ratio));

    g_state.in_frame = true;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    g_state.frame();
    ImGui::Render();
    const double built = emscripten_performance_now();
    g_state.in_frame = false;
    for (void (*hook)() : frame_end_hooks()) hook();

    int fb_w = 0, fb_h = 0;
    emscripten_get_canvas_element_size(g_state.canvas, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (g_state.frame_timing) {
        glFinish();
        if (g_state.frame_times.size() < kMaxFrameTimes)
            g_state.frame_times.push_back({built - now, emscripten_performance_now() - now});
    }

    update_cursor();
    if (++g_state.frames == 1) wb_js_first_frame();
    schedule_after_frame();
}

//-----------------------------------------------------------------------------
// [SECTION] Input
//-----------------------------------------------------------------------------
void add_modifiers(ImGuiIO& io, const EmscriptenKeyboardEvent& e) {
    io.AddKeyEvent(ImGuiMod_Ctrl, e.ctrlKey);
    io.AddKeyEvent(ImGuiMod_Shift, e.shiftKey);
    io.AddKeyEvent(ImGuiMod_Alt, e.altKey);
    io.AddKeyEvent(ImGuiMod_Super, e.metaKey);
}

// Keys are listened for on the window so the app has the keyboard without the canvas holding
// focus. While the text bridge (ime_bridge.h) has focus, keys still feed ImGui but text comes
// from the bridge's `input` events; while an IME composes, or another editable element has
// focus, the app leaves keys alone. Only keys that carry no text and would move focus or act on
// the page are preventDefault'ed: printable keys must reach `keypress` (or the bridge), and
// browser shortcuts (copy/paste events included) stay intact.
constexpr unsigned long kImeProcessingKeyCode = 229;   // keydown while an IME handles the key

bool bridge_must_not_see(ImGuiKey key, const EmscriptenKeyboardEvent& e) {
    if (key == ImGuiKey_Enter || key == ImGuiKey_KeypadEnter) return true;   // no newline in it
    const bool shortcut = e.ctrlKey || e.metaKey;
    return shortcut && (key == ImGuiKey_Z || key == ImGuiKey_Y);   // ImGui undoes, not the textarea
}

// The app's own shortcuts, which the browser must not also act on (Ctrl+K would focus the
// address bar's search): Ctrl+K, Cmd+K on a Mac (the command palette).
bool is_app_shortcut(ImGuiKey key, const EmscriptenKeyboardEvent& e, bool is_mac) {
    const bool command = is_mac ? e.metaKey : e.ctrlKey;
    return command && !e.altKey && key == ImGuiKey_K;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    const KeyboardTarget target = keyboard_target();
    if (target == KeyboardTarget::OtherEditable || target == KeyboardTarget::BridgeComposing) return EM_FALSE;
    if (type == EMSCRIPTEN_EVENT_KEYDOWN && e->keyCode == kImeProcessingKeyCode) return EM_FALSE;
    ImGuiIO& io = ImGui::GetIO();
    add_modifiers(io, *e);
    const ImGuiKey key = imgui_key_from_dom_code(e->code);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, type == EMSCRIPTEN_EVENT_KEYDOWN);
    wake();
    if (type != EMSCRIPTEN_EVENT_KEYDOWN) return EM_FALSE;
    if (target == KeyboardTarget::Bridge && bridge_must_not_see(key, *e)) return EM_TRUE;
    if (is_app_shortcut(key, *e, g_state.is_mac)) return EM_TRUE;
    const bool browser_combo = e->metaKey || (e->altKey && !g_state.is_mac);
    return is_navigation_key(key) && !browser_combo;
}

// Text while the canvas has the keyboard (the text bridge delivers its own through `input`).
EM_BOOL on_keypress(int, const EmscriptenKeyboardEvent* e, void*) {
    if (keyboard_target() != KeyboardTarget::App) return EM_FALSE;
    const bool alt_gr = e->ctrlKey && e->altKey;
    if ((e->ctrlKey || e->metaKey) && !alt_gr) return EM_FALSE;
    unsigned int c = 0;
    const char* end = e->key + std::strlen(e->key);
    const int used = ImTextCharFromUtf8(&c, e->key, end);
    if (used <= 0 || e->key + used != end || c < 0x20 || c == 0x7F) return EM_FALSE;  // "Enter" etc.
    ImGui::GetIO().AddInputCharacter(c);
    wake();
    return EM_FALSE;
}

// deltaMode: 0 pixels, 1 lines, 2 pages. One ImGui wheel step is one notch: Chromium reports a
// notch as 100 px, Firefox as 3 lines; a page scrolls about a screenful.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    if (e->mouse.ctrlKey) return EM_FALSE;   // pinch / ctrl+wheel: let the browser zoom
    double scale = 1.0 / 100.0;
    if (e->deltaMode == DOM_DELTA_LINE) scale = 1.0 / 3.0;
    else if (e->deltaMode == DOM_DELTA_PAGE) scale = std::max(1.0, g_state.css_h / 100.0);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMouseWheelEvent(static_cast<float>(-e->deltaX * scale), static_cast<float>(-e->deltaY * scale));
    keep_hover_timers_running();
    wake();
    return EM_TRUE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    wake();
    return EM_FALSE;
}

// Losing focus must not leave keys or buttons held (alt-tab while pressing Ctrl...).
EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
    ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    wake();
    return EM_FALSE;
}

EM_BOOL on_visibility(int, const EmscriptenVisibilityChangeEvent* e, void*) {
    if (e->hidden) ImGui::GetIO().AddFocusEvent(false);
    wake();
    return EM_FALSE;
}

void install_html5_listeners() {
    const char* window = EMSCRIPTEN_EVENT_TARGET_WINDOW;
    emscripten_set_keydown_callback(window, nullptr, EM_FALSE, on_key);
    emscripten_set_keyup_callback(window, nullptr, EM_FALSE, on_key);
    emscripten_set_keypress_callback(window, nullptr, EM_FALSE, on_keypress);
    emscripten_set_wheel_callback(g_state.canvas, nullptr, EM_FALSE, on_wheel);
    emscripten_set_resize_callback(window, nullptr, EM_FALSE, on_resize);
    emscripten_set_blur_callback(window, nullptr, EM_FALSE, on_focus);
    emscripten_set_focus_callback(window, nullptr, EM_FALSE, on_focus);
    emscripten_set_visibilitychange_callback(nullptr, EM_FALSE, on_visibility);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Public API
//-----------------------------------------------------------------------------
StartError start(const char* canvas_selector) {
    g_state.canvas = canvas_selector;
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;   // ImGui anti-aliases its own shapes
    g_state.gl = emscripten_webgl_create_context(canvas_selector, &attrs);
    if (g_state.gl <= 0) return StartError::NoWebGL2;
    emscripten_webgl_make_context_current(g_state.gl);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "wb_platform_emscripten";
    io.IniFilename = nullptr;     // window settings are the app's own business
    io.LogFilename = nullptr;
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    g_state.is_mac = wb_js_is_mac() != 0;
    io.ConfigMacOSXBehaviors = g_state.is_mac;
    g_state.online = wb_js_online() != 0;
    if (!ImGui_ImplOpenGL3_Init("#version 300 es")) return StartError::NoWebGL2;

    install_html5_listeners();
    wb_js_install_listeners(canvas_selector);
    install_text_bridge(canvas_selector, "");
    update_viewport();
    return StartError::None;
}

void run(FrameFn frame) {
    g_state.frame = frame;
    emscripten_set_main_loop(tick, 0, EM_FALSE);
}

void request_redraw() { wake(); }

void request_redraw_in(double ms) {
    const double at = emscripten_performance_now() + ms;
    if (g_state.later_timer && g_state.later_at <= at) return;   // an earlier one is pending
    if (g_state.later_timer) emscripten_clear_timeout(g_state.later_timer);
    g_state.later_at = at;
    g_state.later_timer = emscripten_set_timeout([](void*) {
        g_state.later_timer = 0;
        wake();
    }, ms, nullptr);
}

void after_each_frame(void (*hook)()) { frame_end_hooks().push_back(hook); }

void animate_until(double until_ms) {
    g_state.animate_until = std::max(g_state.animate_until, until_ms);
    wake(1);
}

double now_ms() { return emscripten_performance_now(); }
std::uint64_t frames_drawn() { return g_state.frames; }
std::uint64_t gl_generation() { return g_state.gl_generation; }
bool idle() { return g_state.paused && g_state.wake_timer == 0 && g_state.later_timer == 0; }

void set_frame_timing(bool on) {
    g_state.frame_timing = on;
    g_state.frame_times.clear();
    if (on) request_redraw();
}

std::vector<FrameTime> take_frame_times() {
    std::vector<FrameTime> out;
    out.swap(g_state.frame_times);
    return out;
}

FontBytes take_preloaded_font() {
    FontBytes font;
    font.data = wb_js_take_font(&font.size);
    return font;
}

bool online() { return g_state.online; }
void on_online_changed(void (*listener)(bool)) { g_online_listener = listener; }

std::string stored_setting(const char* key) {
    char* value = wb_js_storage_get(key);
    if (!value) return {};
    std::string out(value);
    std::free(value);
    return out;
}

void store_setting(const char* key, const char* value) { wb_js_storage_set(key, value); }
void set_document_language(const char* bcp47) { wb_js_set_document_language(bcp47); }
void set_document_title(const char* title) { wb_js_set_document_title(title); }
void show_fatal_error(const char* reason, const char* detail) { wb_js_fatal_error(reason, detail); }

}  // namespace wb::platform

// Entry points for js/platform.js (listed in -sEXPORTED_FUNCTIONS).
extern "C" {

EMSCRIPTEN_KEEPALIVE void wb_platform_pointer(int kind, double x, double y, int button, int source) {
    using namespace wb::platform;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(static_cast<ImGuiMouseSource>(std::clamp(source, 0, 2)));
    if (kind == 3) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    else io.AddMousePosEvent(static_cast<float>(x), static_cast<float>(y));
    if ((kind == 1 || kind == 2) && button >= 0 && button < ImGuiMouseButton_COUNT)
        io.AddMouseButtonEvent(button, kind == 1);
    keep_hover_timers_running();
    wake();
}

// Draws `frames` frames right now, inside the DOM event being handled: a copy event gets what
// ImGui copies, and a tap that activates a text field focuses the text bridge within the
// gesture (phones open their keyboard only then).
EMSCRIPTEN_KEEPALIVE void wb_platform_draw_now(int frames) {
    using namespace wb::platform;
    if (g_state.in_frame || !g_state.frame) return;
    wake();
    for (int i = 0; i < frames; ++i) tick();
}

EMSCRIPTEN_KEEPALIVE void wb_platform_viewport_changed() { wb::platform::wake(); }

EMSCRIPTEN_KEEPALIVE void wb_platform_context_lost() { wb::platform::g_state.context_lost = true; }

// Every GL object died with the old context: drop the renderer's buffers, shader and textures
// (ImGui re-creates the font atlas texture when the backend marks it destroyed) and redraw.
EMSCRIPTEN_KEEPALIVE void wb_platform_context_restored() {
    using namespace wb::platform;
    emscripten_webgl_make_context_current(g_state.gl);
    ImGui_ImplOpenGL3_DestroyDeviceObjects();
    // Deleting objects of the dead context is an INVALID_OPERATION the new one reports: expected
    // here, so it must not be taken for a later draw's error.
    for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; ++i) {}
    ++g_state.gl_generation;
    g_state.context_lost = false;
    wake();
}

EMSCRIPTEN_KEEPALIVE void wb_platform_online_changed(int online) {
    wb::platform::g_state.online = online != 0;
    if (wb::platform::g_online_listener) wb::platform::g_online_listener(online != 0);
    wb::platform::wake();
}

}  // extern "C"
