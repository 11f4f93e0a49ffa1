#include "js_reply.h"

#include "platform.h"

#include <emscripten/emscripten.h>

#include <unordered_map>
#include <utility>

extern "C" {
void wb_js_random_hex(char* out);
double wb_js_now_utc_ms();
}

namespace wb::app::js {
namespace {

struct Ticket {
    Answer answer;
    bool repeat = false;
};

std::unordered_map<int, Ticket>& tickets() {
    static std::unordered_map<int, Ticket> all;
    return all;
}

int take_ticket(Answer answer, bool repeat) {
    static int next_id = 1;
    const int id = next_id++;
    tickets()[id] = Ticket{std::move(answer), repeat};
    return id;
}

}  // namespace

int expect_answer(Answer answer) { return take_ticket(std::move(answer), false); }
int expect_answers(Answer listener) { return take_ticket(std::move(listener), true); }

std::string random_hex() {
    char out[33] = {};
    wb_js_random_hex(out);
    return out;
}

double now_utc_ms() { return wb_js_now_utc_ms(); }

}  // namespace wb::app::js

extern "C" EMSCRIPTEN_KEEPALIVE void wb_js_done(int id, int status, const char* text) {
    auto& all = wb::app::js::tickets();
    auto it = all.find(id);
    if (it == all.end()) return;   // an answer nobody waits for any more
    wb::app::js::Answer answer = it->second.repeat ? it->second.answer : std::move(it->second.answer);
    if (!it->second.repeat) all.erase(it);
    answer(status, text ? text : "");
    wb::platform::request_redraw();
}
