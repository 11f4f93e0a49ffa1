#include "core/demo.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/demo_random.h"
#include "core/reply_parser.h"
#include "core/schedule.h"
#include "core/time_zone.h"

// Determinism rule: never draw two random numbers in one function call's arguments (their order
// differs between g++ and clang, so native and wasm would build different datasets). Braced
// lists are fine: they are evaluated left to right.

namespace wb {
namespace {

// How a student behaves over the course.
struct Profile {
    double engagement = 0.9;  // chance to attend / submit at the start
    double drift = 0;         // lost per lesson
    bool refund_prone = false;
};

struct Builder {
    DemoDataset& out;
    DemoRandom rng;
    uint64_t seed;
    TimeZone zone;
    TimeMs now;
    int counter = 0;

    bool run(const std::string& name, Json args)
    {
        if (!out.error.empty()) return false;
        Mutation m{name, std::move(args)};
        auto r = apply(out.state, m);
        if (!r.ok) {
            out.error = name + ": " + r.reason;
            return false;
        }
        out.mutations.push_back(std::move(m));
        return true;
    }
    // Records an event if it already happened at `now`; returns its id ("" if not).
    std::string event(const std::string& kind, TimeMs at, const std::string& student, Json extra = Json::object())
    {
        if (at > now) return "";
        if (!extra.contains("id")) extra["id"] = "ev" + std::to_string(++counter);
        extra["kind"] = kind;
        extra["at"] = at;
        extra["studentId"] = student;
        std::string id = extra["id"];
        return run("event.record", extra) ? id : "";
    }
};

const char* const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
const char* const kGiven[] = {"子涵", "欣怡", "浩然", "梓萱", "宇轩", "一诺", "俊杰", "雨桐", "思远", "嘉怡",
                              "明轩", "诗涵", "天佑", "可馨", "博文", "若曦", "晨阳", "佳琪", "子墨", "安然"};

std::string person_name(DemoRandom& rng)
{
    std::string name = kSurnames[rng.below(16)];  // two statements: operand order is unspecified
    return name + kGiven[rng.below(20)];
}

Profile draw_profile(DemoRandom& rng)
{
    double roll = rng.uniform();
    if (roll < 0.70) return {0.90 + 0.08 * rng.uniform(), 0.0, false};        // steady
    if (roll < 0.90) return {0.85 + 0.10 * rng.uniform(), 0.07, false};       // drifting away
    return {0.45 + 0.25 * rng.uniform(), 0.05, true};                         // at risk
}

// The lesson-1 start: Saturday 14:00 local, so that half the course lies before `now`.
TimeMs first_lesson_start(const TimeZone& zone, TimeMs now, int lessons)
{
    auto local = zone.to_local(now);
    int back = (local.weekday + 1) % 7;  // days since the last Saturday
    TimeMs saturday = zone.local_day_at(now, -back, 14 * 60);
    if (saturday + 2 * kHourMs > now) saturday = zone.local_day_at(now, -back - 7, 14 * 60);
    int done = lessons / 2;
    return zone.local_day_at(saturday, -7 * (done - 1), 14 * 60);
}

void build_roster(Builder& b, const DemoOptions& o, TimeMs first_start)
{
    b.run("org.configure", {{"id", "demo-org"}, {"name", "示例教育"}, {"timeZone", o.time_zone}});
    b.run("user.upsert", {{"id", "m1"}, {"name", "王主管"}, {"role", "manager"}});
    b.run("user.upsert", {{"id", "a1"}, {"name", "运营管理员"}, {"role", "admin"}});
    b.run("user.upsert", {{"id", "lec1"}, {"name", "李主讲"}, {"role", "admin"}});
    b.run("course.upsert", {{"id", "c1"}, {"name", "Python 少儿编程（春季）"}});
    for (int i = 1; i <= o.lessons; ++i) {
        TimeMs start = b.zone.local_day_at(first_start, 7 * (i - 1), 14 * 60);
        b.run("lesson.upsert", {{"id", "c1-l" + std::to_string(i)}, {"courseId", "c1"}, {"number", i},
                                {"title", "第" + std::to_string(i) + "课"}, {"start", start},
                                {"end", start + 2 * kHourMs}, {"lecturerId", "lec1"}});
    }
    for (int t = 1; t <= o.tutors; ++t) {
        auto id = "t" + std::to_string(t);
        b.run("user.upsert", {{"id", id}, {"name", person_name(b.rng) + "老师"}, {"role", "tutor"}, {"managerId", "m1"}});
        b.run("class.upsert", {{"id", "k" + std::to_string(t)}, {"courseId", "c1"}, {"tutorId", id},
                               {"name", std::to_string(t) + "班"}});
    }
}

}  // namespace

namespace {

const char* const kYes[] = {"1", "可以", "好的", "1 谢谢老师", "能", "１", "好的，准时到", "可以的👍"};
const char* const kNo[] = {"0", "请假", "来不了", "有事，请假", "不去了", "０"};
const char* const kUnsure[] = {"可以请假吗", "1还是0", "尽量", "收到"};

void onboard(Builder& b, const std::string& sid, TimeMs enrolled)
{
    TimeMs call_at = enrolled + b.rng.between(2, 40) * kHourMs;
    bool reached = b.rng.chance(0.9);
    b.event("call", call_at, sid, {{"durationSec", reached ? b.rng.between(60, 600) : 0}, {"value", reached ? "reached" : "unreached"},
                                   {"actorId", ""}});
    if (b.rng.chance(0.98)) b.event("material_mailed", enrolled + b.rng.between(4, 60) * kHourMs, sid);
    if (b.rng.chance(0.97)) b.event("wechat_added", enrolled + b.rng.between(1, 20) * kHourMs, sid);
}

// The survey, the parent's reply (parsed as in production) and, when unclear, the tutor's mark.
bool survey(Builder& b, const std::string& sid, const Lesson& l, double p_attend)
{
    TimeMs sent = b.zone.local_day_at(l.start, -2, 19 * 60);
    auto survey_id = b.event("message_sent", sent, sid, {{"lessonId", l.id}, {"channel", "dingtalk"}, {"value", "survey.pre_attendance"}});
    bool attends = b.rng.chance(p_attend);
    if (survey_id.empty() || b.rng.chance(0.08)) return attends;  // no reply
    double roll = b.rng.uniform();
    const char* text = roll < 0.06 ? kUnsure[b.rng.below(4)] : attends ? kYes[b.rng.below(8)] : kNo[b.rng.below(6)];
    auto reply_id = b.event("reply", sent + b.rng.between(3, 400) * kMinuteMs, sid, {{"refId", survey_id}, {"text", text}});
    if (reply_id.empty()) return attends;
    auto decision = decide_reply(b.out.state, *find_event(b.out.state, reply_id));
    if (decision.outcome == ReplyOutcome::Mark) {
        b.run(decision.mark.name, decision.mark.args);
    } else if (decision.outcome == ReplyOutcome::Unclear) {
        b.event("attendance_mark", sent + 10 * kHourMs, sid, {{"lessonId", l.id}, {"value", attends ? "attend" : "leave"}});
    }
    return attends;
}

void in_class(Builder& b, const std::string& sid, const std::string& tutor, const Lesson& l)
{
    b.event("class_entry", l.start - b.rng.between(0, 25) * kMinuteMs, sid, {{"lessonId", l.id}});
    if (!b.rng.chance(0.05)) return;
    TimeMs dropped = l.start + b.rng.between(10, 100) * kMinuteMs;
    b.event("class_dropout", dropped, sid, {{"lessonId", l.id}});
    if (!b.rng.chance(0.8)) return;
    TimeMs called = dropped + b.rng.between(1, 9) * kMinuteMs;
    b.event("call", called, sid, {{"durationSec", b.rng.between(30, 240)}, {"value", "reached"}, {"actorId", tutor}});
}

void homework(Builder& b, const std::string& sid, const std::string& tutor, const Lesson& l, double p_submit)
{
    if (!b.rng.chance(p_submit)) return;
    int hours = b.rng.chance(0.88) ? b.rng.between(1, 47) : b.rng.between(48, 96);  // most within 48 h
    TimeMs submitted = l.end + hours * kHourMs;
    if (b.event("homework_submitted", submitted, sid, {{"lessonId", l.id}}).empty() || !b.rng.chance(0.96)) return;
    TimeMs graded = submitted + b.rng.between(1, 30) * kHourMs;
    double roll = b.rng.uniform();
    const char* grade = roll < 0.3 ? "S" : roll < 0.75 + 0.2 * (1 - p_submit) ? "A" : "B";
    if (b.event("grade", graded, sid, {{"lessonId", l.id}, {"value", grade}, {"actorId", tutor}}).empty()) return;
    if (b.rng.chance(0.97)) b.event("feedback_sent", graded + 10 * kMinuteMs, sid, {{"lessonId", l.id}, {"actorId", tutor}});
    if (b.rng.chance(0.7)) b.event("feedback_viewed", graded + b.rng.between(1, 20) * kHourMs, sid, {{"lessonId", l.id}});
    if (std::string(grade) == "B") {
        if (b.rng.chance(0.85)) b.event("correction", graded + b.rng.between(2, 40) * kHourMs, sid, {{"lessonId", l.id}});
        if (b.rng.chance(0.9)) {
            TimeMs called = graded + b.rng.between(1, 20) * kHourMs;
            b.event("call", called, sid, {{"durationSec", b.rng.between(120, 600)}, {"value", "reached"}, {"actorId", tutor}});
        }
    }
}

// Interaction marks and complaints come from a second random stream per student (seeded from the
// demo seed and the student's id), so adding them left every draw of the main stream, and with it
// the rest of the dataset, exactly as it was. The tutors' task.done draws use one per instance.
DemoRandom side_stream(uint64_t seed, const std::string& key)
{
    uint64_t h = 1469598103934665603ull ^ seed;
    for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
    return DemoRandom(h);
}

// The lecturer's mark of how the student took part. Students who are about to drift away take
// part less the lesson before (it follows next lesson's engagement), and students inclined to ask
// for a refund are quiet or disengaged more often than their attendance alone shows.
void interaction(Builder& b, DemoRandom& side, const std::string& sid, const Lesson& l, const Profile& p)
{
    double next = std::max(0.05, p.engagement - p.drift * l.number);
    double fading = std::min(1.0, std::max(0.0, 0.95 - next));
    double low = 0.03 + 0.25 * fading + (p.refund_prone ? 0.3 : 0);
    double quiet = low + 0.12 + 0.25 * fading + (p.refund_prone ? 0.15 : 0);
    double high = quiet + 0.2 * (1 - fading) * (p.refund_prone ? 0.3 : 1);
    double roll = side.uniform();
    const char* mark = roll < low ? "lowlight" : roll < quiet ? "quiet" : roll < high ? "highlight" : "active";
    b.event("interaction", l.end + 10 * kMinuteMs, sid,
            {{"id", "ix-" + sid + "-" + std::to_string(l.number)}, {"lessonId", l.id}, {"value", mark}, {"actorId", "lec1"}});
}

// Now and then a parent complains, more often when the student is unhappy with the course.
void complaint(Builder& b, DemoRandom& side, const std::string& sid, const std::string& tutor, const Lesson& l, const Profile& p)
{
    static const char* const kinds[] = {"teaching", "service", "schedule", "other"};
    static const char* const texts[] = {"老师讲得太快，孩子跟不上", "作业批改太慢", "上课时间总是调整", "班群消息太多"};
    if (!side.chance(p.refund_prone ? 0.03 : 0.003)) return;
    int which = side.below(4);
    TimeMs at = l.end + side.between(2, 72) * kHourMs;
    auto id = "cp-" + sid + "-" + std::to_string(l.number);
    if (b.event("complaint", at, sid, {{"id", id}, {"value", kinds[which]}, {"text", texts[which]}}).empty()) return;
    if (!side.chance(0.85)) return;  // most are followed up by the tutor within a day
    TimeMs called = at + side.between(1, 30) * kHourMs;
    int duration = side.between(120, 900);
    b.event("call", called, sid, {{"id", id + "-call"}, {"durationSec", duration}, {"value", "reached"}, {"actorId", tutor}});
}

// Returns false once the student has left (refunded).
bool maybe_refund(Builder& b, const std::string& sid, const Lesson& l, const Profile& p, int missed_recent)
{
    double chance = p.refund_prone ? 0.01 + 0.16 * missed_recent : 0.001 + 0.008 * missed_recent;
    if (l.number < 2 || !b.rng.chance(chance)) return true;
    TimeMs asked = l.end + b.rng.between(20, 120) * kHourMs;
    static const char* const reasons[] = {"孩子跟不上", "时间冲突", "兴趣不大", "价格原因"};
    if (b.event("refund_requested", asked, sid, {{"reason", reasons[b.rng.below(4)]}}).empty()) return true;
    bool retained = b.rng.chance(0.25);
    b.event("refund_decision", asked + b.rng.between(2, 23) * kHourMs, sid,
            {{"value", retained ? "retain" : "refund"}, {"reason", retained ? "加强辅导后愿意继续" : "家长坚持退费"}});
    return retained || asked + 23 * kHourMs > b.now;
}

void student_history(Builder& b, const std::string& sid, const std::string& tutor, const std::vector<const Lesson*>& lessons)
{
    Profile p = draw_profile(b.rng);
    DemoRandom side = side_stream(b.seed, sid);
    int missed_recent = 0;
    for (const Lesson* l : lessons) {
        if (l->start - 2 * kDayMs > b.now) break;
        double engagement = std::max(0.05, p.engagement - p.drift * (l->number - 1));
        bool attends = survey(b, sid, *l, engagement);
        if (l->start > b.now) break;
        if (attends) in_class(b, sid, tutor, *l);
        if (attends) interaction(b, side, sid, *l, p);
        complaint(b, side, sid, tutor, *l, p);
        missed_recent = attends ? 0 : missed_recent + 1;
        homework(b, sid, tutor, *l, engagement * (attends ? 0.97 : 0.5));
        if (b.rng.chance(0.65 * engagement))  // the extra session [小灶课] two days later
            b.event("class_entry", b.zone.local_day_at(l->end, 2, 19 * 60), sid, {{"lessonId", l->id}, {"value", "extra"}});
        if (l->number % 4 == 0 && b.rng.chance(0.82)) {
            TimeMs visited = l->end + b.rng.between(1, 6) * kDayMs;
            b.event("visit", visited, sid, {{"durationSec", b.rng.between(120, 900)}, {"actorId", tutor}});
        }
        if (!maybe_refund(b, sid, *l, p, missed_recent)) break;
    }
}

// When a diligent tutor marked an instance done: mostly before it fell due, now and then a few
// hours late, never after `latest`.
TimeMs done_time(DemoRandom& r, const DueTask& t, TimeMs latest)
{
    TimeMs end = std::min(t.due_at, latest);
    TimeMs at = t.open_at + TimeMs(r.uniform() * double(std::max<TimeMs>(0, end - t.open_at)));
    if (r.chance(0.12)) at = t.due_at + r.between(10, 20 * 60) * kMinuteMs;
    return std::max(t.open_at, std::min(at, latest));
}

// The chance that the tutor has not yet marked an instance done at `now`. Work past its due
// time is done unless it fell due in the last day or two (a human falls a little behind);
// open work still ahead of its due time is done early by some, more the longer it has been open.
double chance_left_open(const DueTask& t, TimeMs now)
{
    TimeMs late = now - t.due_at;
    if (late > 2 * kDayMs) return 0.005;
    if (late > kDayMs) return 0.15;
    if (late > 0) return 0.35;
    double open_share = double(now - t.open_at) / double(std::max<TimeMs>(kHourMs, t.due_at - t.open_at));
    return 1.0 - 0.3 * std::min(1.0, std::max(0.0, open_share));
}

// The tutors' own record of their work: task.done for the instances of the schedule at `now`
// that they got through. Each instance draws from its own stream, so the events stay as they were.
void complete_past_work(Builder& b)
{
    SopTemplate tpl;
    auto err = active_template(b.out.state, tpl);
    if (!err.empty()) {
        b.out.error = "demo template: " + err;
        return;
    }
    ScheduleQuery query;
    query.now = b.now;
    query.fired_after = b.now;  // the instances only, no reminders
    auto schedule = compute_schedule(b.out.state, tpl, query);
    if (!schedule.error.empty()) {
        b.out.error = "demo schedule: " + schedule.error;
        return;
    }
    // Every tutor trails a little: the last two instances that fell due are still on their list,
    // so Today has something overdue whatever the hour the demo is made at.
    std::map<std::string, int> trailing;
    std::set<std::string> backlog;
    for (auto it = schedule.tasks.rbegin(); it != schedule.tasks.rend(); ++it)
        if (it->status == DueStatus::Overdue && ++trailing[it->tutor_id] <= 2) backlog.insert(it->id);
    TimeMs latest = b.now - 10 * kMinuteMs;
    for (const DueTask& t : schedule.tasks) {
        if (t.status != DueStatus::Open && t.status != DueStatus::Overdue) continue;
        if (t.open_at > latest || backlog.count(t.id)) continue;
        DemoRandom r = side_stream(b.seed, "done:" + t.id);  // a stream per instance
        if (r.chance(chance_left_open(t, b.now))) continue;
        TimeMs at = done_time(r, t, latest);
        b.run("task.done", {{"instanceId", t.id}, {"at", at}, {"by", t.tutor_id}});
    }
}

}  // namespace

DemoDataset generate_demo(const DemoOptions& o)
{
    DemoDataset out;
    Builder b{out, DemoRandom(o.seed), o.seed, TimeZone(), o.now};
    if (!TimeZone::find(o.time_zone, b.zone, out.error)) return out;
    if (o.tutors < 1 || o.students_per_tutor < 1 || o.lessons < 2) {
        out.error = "demo needs at least 1 tutor, 1 student per tutor and 2 lessons";
        return out;
    }
    TimeMs first_start = first_lesson_start(b.zone, o.now, o.lessons);
    build_roster(b, o, first_start);
    std::vector<const Lesson*> lessons;
    for (const auto& [_, l] : out.state.lessons) lessons.push_back(&l);
    std::sort(lessons.begin(), lessons.end(), [](const Lesson* a, const Lesson* c) { return a->number < c->number; });
    for (int t = 1; t <= o.tutors && out.error.empty(); ++t) {
        for (int i = 1; i <= o.students_per_tutor && out.error.empty(); ++i) {
            char id[32];
            std::snprintf(id, sizeof id, "s%d-%03d", t, i);
            TimeMs enrolled = first_start - b.rng.between(3 * 24, 14 * 24) * kHourMs;
            // An 11-digit mainland mobile number, unique per tutor and student: 13 + tutor (2) + student (7).
            char phone[24];
            std::snprintf(phone, sizeof phone, "13%02d%07d", t % 100, i % 10000000);
            Json student{{"id", id}, {"name", person_name(b.rng)}, {"parentName", person_name(b.rng) + "家长"},
                         {"parentPhone", phone}};
            // Three students in four have a mobile of their own (15 + tutor + student); drawn
            // without the random stream, so the rest of the demo stays as it was.
            if (i % 4 != 0) {
                std::snprintf(phone, sizeof phone, "15%02d%07d", t % 100, i % 10000000);
                student["studentPhone"] = phone;
            }
            b.run("student.upsert", student);
            b.run("enrolment.upsert", {{"id", std::string("e-") + id}, {"studentId", id}, {"classId", "k" + std::to_string(t)}, {"enrolledAt", enrolled}});
            onboard(b, id, enrolled);
            student_history(b, id, "t" + std::to_string(t), lessons);
        }
    }
    if (out.error.empty()) complete_past_work(b);
    return out;
}

}  // namespace wb
