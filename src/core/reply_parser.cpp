#include "core/reply_parser.h"

#include <algorithm>

#include "core/conditions.h"
#include "core/event_rules.h"

namespace wb {
namespace {

enum class Signal { Attend, Leave, Question, Hedge, Filler };

struct KnownPhrase {
    const char* text;
    Signal signal;
    bool negates = false;  // a refusal that turns the yes right after it into part of the no
};
constexpr bool kNegates = true;

// Longest match wins at each position, so order does not matter.
const std::vector<KnownPhrase>& phrases()
{
    static const std::vector<KnownPhrase> table{
        {"1", Signal::Attend}, {"可以", Signal::Attend}, {"好的", Signal::Attend}, {"好", Signal::Attend},
        {"能", Signal::Attend}, {"能来", Signal::Attend}, {"会来", Signal::Attend}, {"来", Signal::Attend},
        {"参加", Signal::Attend}, {"准时", Signal::Attend}, {"行", Signal::Attend}, {"没问题", Signal::Attend},
        {"嗯", Signal::Attend}, {"是", Signal::Attend}, {"yes", Signal::Attend}, {"y", Signal::Attend},
        {"ok", Signal::Attend}, {"okay", Signal::Attend}, {"sure", Signal::Attend}, {"yep", Signal::Attend},
        {"will attend", Signal::Attend}, {"attend", Signal::Attend}, {"coming", Signal::Attend},
        {"no problem", Signal::Attend}, {"👍", Signal::Attend}, {"👌", Signal::Attend}, {"✅", Signal::Attend},
        {"0", Signal::Leave}, {"请假", Signal::Leave}, {"来不了", Signal::Leave}, {"不去了", Signal::Leave},
        {"不去", Signal::Leave}, {"去不了", Signal::Leave}, {"不来", Signal::Leave}, {"不能", Signal::Leave, kNegates},
        {"不可以", Signal::Leave, kNegates}, {"不行", Signal::Leave}, {"不了", Signal::Leave}, {"不", Signal::Leave, kNegates},
        {"有事", Signal::Leave}, {"没空", Signal::Leave}, {"没时间", Signal::Leave}, {"参加不了", Signal::Leave},
        {"上不了", Signal::Leave}, {"否", Signal::Leave}, {"不是", Signal::Leave}, {"没法", Signal::Leave, kNegates}, {"no", Signal::Leave}, {"n", Signal::Leave},
        {"cannot", Signal::Leave, kNegates}, {"can't", Signal::Leave, kNegates}, {"cant", Signal::Leave, kNegates}, {"not", Signal::Leave, kNegates},
        {"absent", Signal::Leave}, {"leave", Signal::Leave}, {"won't", Signal::Leave, kNegates}, {"❌", Signal::Leave},
        {"🙅", Signal::Leave},
        {"吗", Signal::Question}, {"么", Signal::Question}, {"?", Signal::Question}, {"还是", Signal::Question},
        {"能不能", Signal::Question}, {"可不可以", Signal::Question}, {"是否", Signal::Question},
        {"是不是", Signal::Question}, {"怎么", Signal::Question}, {"什么", Signal::Question},
        {"or", Signal::Question},
        {"可能", Signal::Hedge}, {"也许", Signal::Hedge}, {"不确定", Signal::Hedge}, {"不一定", Signal::Hedge},
        {"看情况", Signal::Hedge}, {"尽量", Signal::Hedge}, {"晚到", Signal::Hedge}, {"迟到", Signal::Hedge},
        {"晚点", Signal::Hedge}, {"早退", Signal::Hedge}, {"但是", Signal::Hedge}, {"不过", Signal::Hedge},
        {"maybe", Signal::Hedge}, {"not sure", Signal::Hedge}, {"late", Signal::Hedge}, {"but", Signal::Hedge},
        {"谢谢", Signal::Filler}, {"老师", Signal::Filler}, {"不好意思", Signal::Filler}, {"收到", Signal::Filler},
        {"没事", Signal::Filler}, {"thanks", Signal::Filler}, {"thank you", Signal::Filler},
        {"teacher", Signal::Filler},
    };
    return table;
}

// Decodes UTF-8 into code points (invalid bytes become U+FFFD).
std::u32string decode(std::string_view s)
{
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = s[i];
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > s.size()) { out.push_back(0xFFFD); ++i; continue; }
        char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += len;
    }
    return out;
}

std::string encode(const std::u32string& s)
{
    std::string out;
    for (char32_t c : s) {
        if (c < 0x80) out += char(c);
        else if (c < 0x800) { out += char(0xC0 | (c >> 6)); out += char(0x80 | (c & 0x3F)); }
        else if (c < 0x10000) { out += char(0xE0 | (c >> 12)); out += char(0x80 | ((c >> 6) & 0x3F)); out += char(0x80 | (c & 0x3F)); }
        else { out += char(0xF0 | (c >> 18)); out += char(0x80 | ((c >> 12) & 0x3F)); out += char(0x80 | ((c >> 6) & 0x3F)); out += char(0x80 | (c & 0x3F)); }
    }
    return out;
}

bool is_signal_emoji(char32_t c) { return c == U'👍' || c == U'👌' || c == U'✅' || c == U'❌' || c == U'🙅'; }

// Full-width to ASCII, lower case; punctuation, symbols and other emoji become spaces.
std::u32string normalise(const std::u32string& in)
{
    std::u32string out;
    for (char32_t c : in) {
        if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII block
        if (c == 0x3000) c = ' ';
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
        bool keep = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '?' || c == '\'' ||
                    (c >= 0x4E00 && c <= 0x9FFF) || is_signal_emoji(c);
        out.push_back(keep ? c : U' ');
    }
    return out;
}

bool is_word_char(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\''; }

// ASCII phrases must not start or end inside a word or number ("1" is not the 1 of "10").
bool bounded(const std::u32string& s, size_t pos, size_t len, const std::u32string& phrase)
{
    if (!is_word_char(phrase.front())) return true;
    bool left_ok = pos == 0 || !is_word_char(s[pos - 1]);
    bool right_ok = pos + len >= s.size() || !is_word_char(s[pos + len]);
    return left_ok && right_ok;
}

}  // namespace

ParsedReply parse_reply(std::string_view text)
{
    std::u32string s = normalise(decode(text));
    ParsedReply out;
    std::vector<Signal> found;
    bool negation_open = false;  // "不能" + "来": the yes belongs to the refusal
    bool negation_ascii = false;
    for (size_t i = 0; i < s.size();) {
        size_t best_len = 0;
        const KnownPhrase* best = nullptr;
        for (const auto& p : phrases()) {
            auto phrase = decode(p.text);
            if (phrase.size() > best_len && s.compare(i, phrase.size(), phrase) == 0 && bounded(s, i, phrase.size(), phrase)) {
                best_len = phrase.size();
                best = &p;
            }
        }
        if (!best) {
            // A CJK refusal ends at a separator ("不，可以" is two answers); "can't attend" does not.
            if (s[i] == ' ' && !negation_ascii) negation_open = false;
            ++i;
            continue;
        }
        bool absorbed = negation_open && best->signal == Signal::Attend;
        if (!absorbed) found.push_back(best->signal);
        out.reason += (out.reason.empty() ? "" : " ") + std::string(best->text) + (absorbed ? "(negated)" : "");
        negation_open = best->negates;
        negation_ascii = best->negates && is_word_char(s[i]);
        i += best_len;
    }
    auto has = [&](Signal x) { return std::count(found.begin(), found.end(), x) > 0; };
    out.normalized = encode(s);
    const auto& notes = reply_note_keys();  // question, hedge, both, no answer
    if (has(Signal::Question)) out.note.key = notes[0];
    else if (has(Signal::Hedge)) out.note.key = notes[1];
    else if (has(Signal::Attend) && has(Signal::Leave)) out.note.key = notes[2];
    else if (!has(Signal::Attend) && !has(Signal::Leave)) out.note.key = notes[3];
    if (!out.note.key.empty()) {
        out.intent = ReplyIntent::Unclear;
        out.note.values = {{"matched", out.reason}};
    } else {
        out.intent = has(Signal::Attend) ? ReplyIntent::Attend : ReplyIntent::Leave;
    }
    return out;
}

const std::vector<std::string>& reply_note_keys()
{
    static const std::vector<std::string> keys{"reply.unclear.question", "reply.unclear.hedge", "reply.unclear.both",
                                               "reply.unclear.no_answer"};
    return keys;
}

ReplyDecision decide_reply(const State& state, const Event& reply)
{
    ReplyDecision d;
    d.parsed = parse_reply(reply.text);
    if (reply.value == kStudentReplyValue) {
        d.outcome = ReplyOutcome::FromStudent;
        return d;
    }
    const Event* survey = find_event(state, reply.ref_id);
    if (reply.kind != EventKind::Reply || !survey || survey->lesson_id.empty() || survey->student_id != reply.student_id) {
        d.outcome = ReplyOutcome::NotASurveyReply;
        return d;
    }
    if (reply.at < survey->at || reply.at > survey->at + kReplyWindowMs) {
        d.outcome = ReplyOutcome::OutsideWindow;
        return d;
    }
    std::set<std::string> retracted;  // looked up once a manual mark is found (rare)
    bool looked_up = false;
    for (const auto& e : state.events) {
        if (e.kind == EventKind::AttendanceMark && e.student_id == reply.student_id &&
            e.lesson_id == survey->lesson_id && e.source == EventSource::Manual) {
            if (!looked_up) retracted = retracted_events(state);
            looked_up = true;
            if (retracted.count(e.id)) continue;
            d.outcome = ReplyOutcome::ManualMarkStands;
            return d;
        }
    }
    if (d.parsed.intent == ReplyIntent::Unclear) {
        d.outcome = ReplyOutcome::Unclear;
        return d;
    }
    d.outcome = ReplyOutcome::Mark;
    d.mark = Mutation{"event.record",
                      {{"id", "mark:" + reply.id}, {"kind", "attendance_mark"}, {"at", reply.at},
                       {"studentId", reply.student_id}, {"lessonId", survey->lesson_id},
                       {"value", to_string(d.parsed.intent)}, {"source", "reply"}, {"refId", reply.id}}};
    return d;
}

}  // namespace wb
