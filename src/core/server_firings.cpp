#include "core/server_firings.h"

#include "core/enum_names.h"
#include "core/outbox.h"

namespace wb {
namespace {

std::string student_name(const State& state, const std::string& id)
{
    auto it = state.students.find(id);
    return it == state.students.end() ? id : it->second.name;
}

// "王小明" or "王小明等 3 名学员": who a tutor's or manager's message is about.
std::string who(const State& state, const std::vector<std::string>& students, Language language)
{
    if (students.empty()) return "";
    const std::string first = student_name(state, students.front());
    if (students.size() == 1) return first;
    return Translator::builtin().format(language, "firing.students",
                                        {{"first", first},
                                         {"count", std::to_string(students.size())},
                                         {"more", std::to_string(students.size() - 1)}});
}

std::string tutor_of(const State& state, const std::vector<std::string>& students)
{
    for (const auto& [id, e] : state.enrolments) {
        if (students.empty() || e.student_id != students.front()) continue;
        auto c = state.classes.find(e.class_id);
        if (c == state.classes.end()) continue;
        auto u = state.users.find(c->second.tutor_id);
        if (u != state.users.end()) return u->second.name;
    }
    return "";
}

Json recipient(RecipientRole role, const std::string& user_id, const std::string& address)
{
    Json r{{"role", to_string(role)}};
    if (!user_id.empty()) r["userId"] = user_id;
    if (!address.empty()) r["address"] = address;
    return r;
}

Mutation queue_message(const std::string& id, MessageKind kind, const std::string& student_id, Json to,
                       Channel channel, std::string text, const DueReminder& r)
{
    Json args{{"id", id},         {"kind", to_string(kind)}, {"recipient", std::move(to)},
              {"channel", to_string(channel)}, {"text", std::move(text)}, {"taskInstanceId", r.instance_id},
              {"at", r.at}};
    if (!student_id.empty()) args["studentId"] = student_id;
    return {"message.queue", std::move(args)};
}

void plan_messages(const State& state, const DueReminder& r, Language language, std::vector<Mutation>& out)
{
    const Translator& tr = Translator::builtin();
    for (Channel channel : r.channels) {
        if (channel == Channel::Workbench) continue;  // the browser shows those itself
        if (r.audience == Audience::Parent) {
            for (const auto& s : r.student_ids) {
                auto st = state.students.find(s);
                if (st == state.students.end()) continue;
                std::string text = tr.format(language, r.message, {{"student", st->second.name}});
                out.push_back(queue_message(firing_message_id(r, channel, s), MessageKind::Reminder, s,
                                            recipient(RecipientRole::Parent, "", st->second.parent_phone), channel,
                                            std::move(text), r));
            }
            continue;
        }
        const bool manager = r.audience == Audience::Manager;
        std::string text = tr.format(language, r.message,
                                     {{"who", who(state, r.student_ids, language)}, {"tutor", tutor_of(state, r.student_ids)}});
        const std::string about = r.student_ids.size() == 1 ? r.student_ids.front() : "";
        out.push_back(queue_message(firing_message_id(r, channel, ""), manager ? MessageKind::Escalation : MessageKind::Reminder,
                                    about, recipient(manager ? RecipientRole::Manager : RecipientRole::Tutor, r.recipient_id, ""),
                                    channel, std::move(text), r));
    }
}

}  // namespace

std::string firing_message_id(const DueReminder& reminder, Channel channel, const std::string& student_id)
{
    std::string id = "fire/" + reminder.id + "/" + to_string(channel);
    if (!student_id.empty()) id += "/" + student_id;
    return id;
}

std::string firing_refund_id(const DueReminder& reminder, const std::string& student_id)
{
    return "auto-refund/" + reminder.id + "/" + student_id;
}

std::vector<Mutation> plan_firings(const State& state, const std::vector<DueReminder>& due, Language language)
{
    std::vector<Mutation> out;
    for (const DueReminder& r : due) {
        if (r.action != ReminderAction::AutoRefund) {
            plan_messages(state, r, language, out);
            continue;
        }
        const std::string reason = Translator::builtin().format(language, r.message, {});
        for (const auto& s : r.student_ids)
            out.push_back({"event.record", Json{{"id", firing_refund_id(r, s)}, {"kind", "refund_decision"},
                                                {"value", "refund"}, {"reason", reason}, {"studentId", s},
                                                {"at", r.at}, {"source", "auto"}}});
    }
    return out;
}

}  // namespace wb
