#include "core/comment_phrases.h"

#include <algorithm>

#include "core/event_rules.h"

namespace wb {
namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to)
{
    if (from.empty()) return;
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

bool starts_with(const std::string& s, const std::string& head) { return s.compare(0, head.size(), head) == 0; }

struct Learnt {
    std::string text;
    int uses = 0;
    TimeMs last = 0;
};

}  // namespace

std::string generalise_comment(const std::string& comment, const std::string& student_name, const std::string& lesson_title)
{
    std::string out = comment;
    // The longer one first: a lesson title that contains the name stays whole.
    if (lesson_title.size() >= student_name.size()) {
        replace_all(out, lesson_title, "{lesson}");
        replace_all(out, student_name, "{student}");
    } else {
        replace_all(out, student_name, "{student}");
        replace_all(out, lesson_title, "{lesson}");
    }
    return out;
}

std::vector<CommentPhrase> comment_phrases(const State& state, const SopTemplate& tpl, const std::string& tutor_id,
                                           const std::string& grade, bool english, TimeMs now, int max_personal)
{
    std::vector<CommentPhrase> out;
    for (const auto& [key, text] : tpl.messages) {
        if (!starts_with(key, "phrase." + grade + ".") && !starts_with(key, "phrase.any.")) continue;
        out.push_back({english && !text.en.empty() ? text.en : text.zh, false, 0});
    }
    const size_t shared = out.size();
    const std::set<std::string> retracted = retracted_events(state, now);
    std::map<std::string, Learnt> learnt;
    for (const Event& e : state.events) {
        if (e.kind != EventKind::Grade || e.value != grade || e.text.empty() || e.actor_id != tutor_id || e.at > now ||
            retracted.count(e.id))
            continue;
        auto student = state.students.find(e.student_id);
        auto lesson = state.lessons.find(e.lesson_id);
        const std::string phrase = generalise_comment(e.text, student == state.students.end() ? "" : student->second.name,
                                                      lesson == state.lessons.end() ? "" : lesson->second.title);
        Learnt& l = learnt[phrase];
        l.text = phrase;
        ++l.uses;
        l.last = std::max(l.last, e.at);
    }
    std::vector<Learnt> ranked;
    for (const auto& entry : learnt) {
        const std::string& text = entry.first;
        const bool is_shared = std::any_of(out.begin(), out.begin() + static_cast<long>(shared),
                                           [&text](const CommentPhrase& p) { return p.text == text; });
        if (!is_shared) ranked.push_back(entry.second);
    }
    std::sort(ranked.begin(), ranked.end(), [](const Learnt& a, const Learnt& b) {
        if (a.uses != b.uses) return a.uses > b.uses;
        if (a.last != b.last) return a.last > b.last;
        return a.text < b.text;
    });
    for (size_t i = 0; i < ranked.size() && static_cast<int>(i) < max_personal; ++i)
        out.push_back({ranked[i].text, true, ranked[i].uses});
    return out;
}

}  // namespace wb
