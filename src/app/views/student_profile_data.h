#pragma once
// What the student profile shows, derived once from the data and kept until the data, the
// minute, the student or the language changes (never per frame): the core's timeline, task
// states, enrolments and risk, with their texts already translated for drawing. Also the
// profile's UI state (note being written, open dialog), which the test interface reads.
#include "core/refund_risk.h"
#include "core/sop_template.h"
#include "core/student_timeline.h"

#include <cstdint>
#include <string>
#include <vector>

namespace wb::app {

struct ProfileTimelineRow {
    TimelineEntry entry;
    std::string summary;     // translated
    std::string exact_time;  // "2026-03-07 19:00" in the organisation's zone
    std::string relative;    // "5 分钟前"
    std::string byline;      // "张老师 · 手动"
    std::string retraction;  // "已撤回：<reason>" or ""
    // An outbox message (entry.message_id set): its channel and state, and translated lines on
    // where it stands (to whom; held until when and why; the last error; each attempt).
    std::string message_channel;
    std::string message_state;   // queued, held, sent, delivered, failed, cancelled
    std::vector<std::string> message_lines;
    std::vector<bool> message_line_alert;  // per line: shown as a problem
};

struct ProfileTaskRow {
    StudentTask task;
    std::string title;   // in the UI language
    std::string status;  // translated status
    std::string due;     // "截止 03-07 19:00" / "完成于 …"
};

struct ProfileData {
    bool found = false;
    Student student;
    std::vector<StudentEnrolment> enrolments;
    std::vector<ProfileTaskRow> tasks;
    std::vector<ProfileTimelineRow> timeline;
    bool risk_known = false;
    RiskAssessment risk;
    std::vector<std::string> risk_reasons;  // translated
    std::string template_error;             // why no template could be used ("" = fine)
    SopTemplate tpl;
    std::vector<std::string> message_keys;  // parent messages of the template
    std::map<std::string, std::string> message_values;
    std::string message_lesson_id;          // the lesson a survey sent now asks about ("" = none)
    std::string zone_name;
};

// The cached profile of `student_id` for the current data, minute and language.
const ProfileData& profile_data(const std::string& student_id);

// The organisation's local time of `utc` as "2026-03-07 19:00" (cached zone lookup).
std::string profile_local_time(int64_t utc);

// What the person is doing in the profile; one profile is open at a time.
enum class ProfileDialog { None, LogCall, SendMessage };

struct ProfileUi {
    std::string student_id;      // whose profile this state belongs to
    std::string note;            // the note editor's text (kept when a save is refused)
    std::string note_error;      // why the last save was refused
    std::string note_saved_id;   // id of the last saved note
    ProfileDialog dialog = ProfileDialog::None;
    bool dialog_opening = false; // OpenPopup on the next frame
    // Log a call.
    char call_duration[32] = "";
    int call_reached = 0;        // 0 = reached, 1 = not reached
    char call_note[512] = "";
    std::string call_error;
    bool call_focus = false;     // put the keyboard back into the duration field
    // Send a template message.
    int message_index = 0;
    std::string message_route;   // "" = copy and send it myself (WeChat), else a channel id
    std::string message_error;
    std::string action_error;    // why cancelling a message was refused ("" = fine)
    // Simulate a parent's reply to a message sent through a simulated channel (its own popup).
    struct SimulatedReply {
        bool open = false, opening = false, busy = false;
        std::string message_id, channel;
        char text[512] = "";
        std::string error;    // translated: why the reply was not taken (the text stays)
        std::string outcome;  // translated: what the reply did
        std::string outcome_code;  // mark / unclear / outside_window / ... for tests
    } reply;
    int tab = 0;                 // 0 动态, 1 资料, 2 任务
    int drawn_frame = -1;        // ImGui frame in which the profile was last drawn
    std::string last_action;     // translated confirmation of the last quick action ("" = none)
};

ProfileUi& profile_ui();

}  // namespace wb::app
