#pragma once
// The platform layer: everything the app needs from the page it runs in, behind one header.
// The Emscripten implementation (platform_emscripten.cpp + js/platform.js) owns the WebGL2
// context, turns DOM events (keyboard, Pointer Events, wheel, resize, devicePixelRatio, focus)
// into Dear ImGui input, and decides when a frame is drawn: only after something changed, so an
// idle page draws nothing and uses no CPU.
//
// Coordinates: ImGui works in CSS pixels (io.DisplaySize) and io.DisplayFramebufferScale is the
// devicePixelRatio; Dear ImGui 1.92 then rasterises glyphs at that density, so text stays crisp
// on HiDPI screens and after browser zoom without the views knowing about it.
#include <cstdint>
#include <vector>
#include <string>

namespace wb::platform {

// Why the platform could not start; the page shows a translated error screen for each.
enum class StartError { None, NoWebGL2, FontMissing };

// Creates the WebGL2 context on `canvas_selector` (a CSS selector), installs the event
// listeners and sets up ImGui's IO (ImGui's context must exist). Call once.
StartError start(const char* canvas_selector);

// Runs `frame` whenever a frame is due; the platform wraps it in ImGui::NewFrame() / Render().
// Returns immediately (the browser's event loop drives everything afterwards).
using FrameFn = void (*)();
void run(FrameFn frame);

// Scheduling. Input and resize events request frames by themselves; data arriving from
// elsewhere (storage, sync, timers) calls request_redraw(). An animation keeps the loop running
// until `until_ms` (platform time, see now_ms()).
void request_redraw();
void request_redraw_in(double ms);  // one frame after `ms` (data whose recompute was deferred)
void animate_until(double until_ms);
double now_ms();                 // monotonic milliseconds (performance.now())
std::uint64_t frames_drawn();    // frames rendered since start
bool idle();                     // the loop is paused and no wake-up timer is pending
// Counts WebGL contexts: it moves on when a lost context is restored, and every GL object the
// app made itself (programs, textures) must then be made again.
std::uint64_t gl_generation();

// Benchmarks (tests/bench): while on, the loop draws every animation frame, each frame waits
// for the GPU to finish (glFinish) and its times are kept (the first 10 000): from its start to
// ImGui's draw lists built (the CPU's part) and to the finished draw. take_frame_times() hands
// them over and forgets them.
struct FrameTime {
    double build_ms = 0, total_ms = 0;
};
void set_frame_timing(bool on);
std::vector<FrameTime> take_frame_times();

// Runs `hook` after every frame, once ImGui has rendered (the accessibility mirror compares
// what is focused with what it last told the page). Register at start-up.
void after_each_frame(void (*hook)());

// The CJK font the loading page fetched (with progress) before the app started: a malloc'ed
// buffer whose ownership passes to the caller (Dear ImGui's default allocator is malloc/free,
// so it can be handed to the font atlas as owned data). data == nullptr when there is none.
struct FontBytes { void* data = nullptr; int size = 0; };
FontBytes take_preloaded_font();

// Page state.
bool online();                                   // navigator.onLine, kept current by events
void on_online_changed(void (*listener)(bool online));   // one listener (the sync engine)
std::string stored_setting(const char* key);     // localStorage; "" when unset or unavailable
void store_setting(const char* key, const char* value);
void set_document_language(const char* bcp47);   // <html lang>, for screen readers and fonts
void set_document_title(const char* title);

// Replaces the app by the page's error screen; `reason` is a key the page translates
// ("webgl2", "font", ...), `detail` is shown small for support.
void show_fatal_error(const char* reason, const char* detail);

}  // namespace wb::platform
