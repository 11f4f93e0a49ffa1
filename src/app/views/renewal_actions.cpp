#include "views/renewal_actions.h"

#include "core/student_timeline.h"
#include "js_reply.h"
#include "offline/workspace.h"
#include "platform.h"
#include "ui_text.h"
#include "views/lesson_picker.h"
#include "views/family_messages.h"

namespace wb::app {
namespace {

int64_t now_ms() { return static_cast<int64_t>(js::now_utc_ms()); }

std::string name_of(const RenewalModel& m, const std::string& id) {
    const RenewalRow* r = renewal_row(m, id);
    return r && !r->name.empty() ? r->name : id;
}

// The refusal of `step` for the student, translated; "" when it is allowed.
std::string refusal(const RenewalModel& m, const std::string& id, const char* step) {
    const RenewalRow* r = renewal_row(m, id);
    if (!r) return ui::format("renewal.refused.not_yours", {{"student", id}});
    const std::string key = renewal_step_refusal(*r, step);
    return key.empty() ? "" : ui::format(key.c_str(), {{"student", name_of(m, id)}, {"max", std::to_string(kMaxWarmupPushes)}});
}

std::string record_step(const std::string& id, const char* step, const std::string& text) {
    Json args{{"id", workspace().new_id("renewal")}, {"kind", "renewal_step"}, {"at", now_ms()}, {"studentId", id},
              {"value", step}, {"source", "manual"}};
    if (!text.empty()) args["text"] = text;
    if (std::string actor = workspace().actor_id(); !actor.empty()) args["actorId"] = actor;
    const Workspace::Submitted s = workspace().submit(Mutation{"event.record", args});
    return s.ok ? "" : s.reason;
}

std::string message_text(const RenewalModel& m, const char* key, const std::string& id,
                         const std::map<std::string, std::string>& extra) {
    const State* state = workspace().view();
    if (!state || !m.template_error.empty() || !m.tpl.messages.count(key)) return "";
    auto values = message_values(*state, id, m.now, organisation_zone(*state));
    for (const auto& [k, v] : extra) values[k] = v;
    return render_message(m.tpl, key, ui::language() == Language::En, values);
}

}  // namespace

RenewalActionResult push_warmup(const RenewalModel& m, const std::vector<std::string>& student_ids,
                                const std::string& channel_id) {
    std::vector<FamilyMessage> messages;
    for (const std::string& id : student_ids) {
        if (std::string why = refusal(m, id, "warmup"); !why.empty()) return {false, why};
        messages.push_back({id, name_of(m, id), parent_phone_of(id), message_text(m, kWarmupKey, id, {})});
    }
    const FamilyMessagesSent sent = send_family_messages(messages, "other", kWarmupKey, "", channel_id);
    std::string line = sent.line;
    for (const SentFamilyMessage& to : sent.sent)
        if (std::string why = record_step(to.student_id, "warmup", ""); !why.empty())
            return {false, line + " " + ui::format("renewal.refused", {{"reason", why}})};
    return {sent.ok, line};
}

RenewalActionResult record_reservation(const RenewalModel& m, const std::string& student_id, const std::string& coupon,
                                       const std::string& channel_id) {
    if (std::string why = refusal(m, student_id, "reservation"); !why.empty()) return {false, why};
    if (coupon.empty()) return {false, ui::tr("renewal.coupon.missing")};
    if (std::string why = record_step(student_id, "reservation", coupon); !why.empty())
        return {false, ui::format("renewal.refused", {{"reason", why}})};
    const FamilyMessagesSent sent = send_family_messages(
        {{student_id, name_of(m, student_id), parent_phone_of(student_id), message_text(m, kCouponKey, student_id, {{"coupon", coupon}})}},
        "other", kCouponKey, "", channel_id);
    platform::request_redraw();
    return {sent.ok, ui::format("renewal.reserved", {{"student", name_of(m, student_id)}, {"coupon", coupon}}) + " " + sent.line};
}

RenewalActionResult record_order(const RenewalModel& m, const std::string& student_id) {
    if (std::string why = refusal(m, student_id, "order"); !why.empty()) return {false, why};
    if (std::string why = record_step(student_id, "order", ""); !why.empty())
        return {false, ui::format("renewal.refused", {{"reason", why}})};
    platform::request_redraw();
    return {true, ui::format("renewal.ordered", {{"student", name_of(m, student_id)}})};
}

}  // namespace wb::app
