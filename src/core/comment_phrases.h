#pragma once
// The comment phrase library [话术库] of batch grading: the organisation's shared phrases for a
// grade (the SOP template's messages "phrase.<grade>.<n>" and "phrase.any.<n>", so an admin edits
// them in the template editor and they reach every tutor by sync), then the tutor's own phrases,
// learnt from the comments they wrote before: the student's name and the lesson's title in a past
// comment become {student} and {lesson}, so the same words fit the next student. Pure.
#include <map>
#include <string>
#include <vector>

#include "core/sop_template.h"
#include "core/state.h"

namespace wb {

struct CommentPhrase {
    std::string text;       // with {student} / {lesson} placeholders
    bool personal = false;  // learnt from the tutor's own comments
    int uses = 0;           // personal: how many of the tutor's comments it was
};

// Shared phrases for `grade` ("S" / "A" / "B"), in key order, then up to `max_personal` of the
// tutor's own (most used first, then most recent); a personal phrase equal to a shared one is
// left out. Retracted grades do not count.
std::vector<CommentPhrase> comment_phrases(const State& state, const SopTemplate& tpl, const std::string& tutor_id,
                                           const std::string& grade, bool english, TimeMs now, int max_personal = 6);

// A past comment as a reusable phrase: every occurrence of the student's name becomes {student},
// of the lesson's title {lesson}.
std::string generalise_comment(const std::string& comment, const std::string& student_name,
                               const std::string& lesson_title);

}  // namespace wb
