#include "js_reply.h"

#include "platform.h"

#include <emscripten/emscripten.h>

#include <unordered_map>
#include <utility>

extern "C" {
void wb_js_random_hex(char* out);
double wb_js_now_utc_ms();
void wb_js_device_time_zone(char* out, int size);
}

namespace wb::app::js {
namespace {

struct Ticket {
    Answer answer;
    bool repeat = false;
    bool redraw = true;
};

std::unordered_map<int, Ticket>& tickets() {
    static std::unordered_map<int, Ticket> all;
    return all;
}

int take_ticket(Answer answer, bool repeat, bool redraw) {
    static int next_id = 1;
    const int id = next_id++;
    tickets()[id] = Ticket{std::move(answer), repeat, redraw};
    return id;
}

}  // namespace

int expect_answer(Answer answer, bool redraw) { return take_ticket(std::move(answer), false, redraw); }
int expect_answers(Answer listener) { return take_ticket(std::move(listener), true, true); }

std::string random_hex() {
    char out[33] = {};
    wb_js_random_hex(out);
    return out;
}

double now_utc_ms() { return wb_js_now_utc_ms(); }

std::string device_time_zone() {
    char out[96] = {};
    wb_js_device_time_zone(out, sizeof out);
    return out;
}

}  // namespace wb::app::js

extern "C" EMSCRIPTEN_KEEPALIVE void wb_js_done(int id, int status, const char* text) {
    auto& all = wb::app::js::tickets();
    auto it = all.find(id);
    if (it == all.end()) return;   // an answer nobody waits for any more
    wb::app::js::Answer answer = it->second.repeat ? it->second.answer : std::move(it->second.answer);
    const bool redraw = it->second.redraw;
    if (!it->second.repeat) all.erase(it);
    answer(status, text ? text : "");
    if (redraw) wb::platform::request_redraw();
}
