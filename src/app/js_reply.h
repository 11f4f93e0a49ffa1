#pragma once
// Asynchronous calls into the page (js/bridge.js) answer later through wb_js_done(id, status,
// text). A caller takes a ticket with the function to run on the answer and passes its id to the
// JavaScript call; the function runs once (or, for a listener, every time) and may start new
// calls. Answers arrive outside the frame, so whoever changes what is drawn requests a redraw.
#include <functional>
#include <string>

namespace wb::app::js {

using Answer = std::function<void(int status, std::string text)>;

// Answers request a redraw afterwards unless `redraw` is false (the sync loop's idle long-polls
// must not wake an idle page; it redraws when something visible changed).
int expect_answer(Answer answer, bool redraw = true);   // one answer, then the ticket is gone
int expect_answers(Answer listener);   // every answer with this id, for as long as the page lives

// Client ids and such: 32 hex characters from crypto.getRandomValues.
std::string random_hex();
double now_utc_ms();                   // Date.now(): wall clock, for "last synced" and createdAt
std::string device_time_zone();        // the browser's IANA zone, "" when unknown

}  // namespace wb::app::js

extern "C" {
void wb_js_fetch(int id, const char* method, const char* url, const char* body, const char* token, int timeout_ms);
void wb_js_fetch_abort(int id);
void wb_js_store_open(int id, const char* name);
void wb_js_store_load(int id);
void wb_js_store_commit(int id, const char* batch_json);
void wb_js_store_estimate(int id);
void wb_js_store_persist(int id);
void wb_js_tabs_start(int leader_id, int listen_id, const char* name);
void wb_js_tabs_post(const char* message_json);
void wb_js_install_leave_guard();   // beforeunload asks wb_unsaved_writes()
}
