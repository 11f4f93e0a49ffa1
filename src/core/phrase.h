#pragma once
// Text the core produces for people (risk reasons, metric explanations, notes on unclear
// replies, outbox messages on the timeline) travels as a translation key plus named values, never as an English sentence: the
// interface renders it in the reader's language with
// `Translator::builtin().format(lang, phrase.key, phrase.values)`. The texts live in
// assets/i18n/core.json; `core_phrase_keys()` lists every key the core can emit, so a test can
// check that each one is translated. Developer messages (template validator, rejected
// mutations, JSON paths) stay in English.
#include <map>
#include <string>
#include <vector>

namespace wb {

struct Phrase {
    std::string key;
    std::map<std::string, std::string> values;
};

inline bool operator==(const Phrase& a, const Phrase& b) { return a.key == b.key && a.values == b.values; }

// Every key the core may put in a Phrase, gathered from the tables that emit them.
std::vector<std::string> core_phrase_keys();

}  // namespace wb
