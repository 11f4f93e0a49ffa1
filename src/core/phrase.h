#pragma once
// Text the core produces for people (risk reasons, metric explanations, notes on unclear
// replies, outbox messages on the timeline) travels as a translation key plus named values, never as an English sentence: the
// interface renders it in the reader's language with
// `Translator::builtin().format(lang, phrase.key, phrase.values)`. The texts live in
// assets/i18n/core.json; `core_phrase_keys()` lists every key the core can emit, so a test can
// check that each one is translated. The structure and template validators' problems are
// Phrases too (an admin reads them in the template editor); rejected mutations stay in English.
#include <map>
#include <string>
#include <vector>

namespace wb {

struct Phrase {
    std::string key;
    std::map<std::string, std::string> values;
};

inline bool operator==(const Phrase& a, const Phrase& b) { return a.key == b.key && a.values == b.values; }

// A problem a validator found: where (a JSON path, "/" for the whole document) and what.
struct SchemaProblem {
    std::string path;
    Phrase what;
    bool empty() const { return what.key.empty(); }
};
// "<path>: <what in English>", the form the API, the CLI and logs use.
std::string schema_problem_text(const SchemaProblem& problem);
// The keys of JsonReader's problems (core/json_fields.h).
std::vector<std::string> schema_problem_keys();

// Every key the core may put in a Phrase, gathered from the tables that emit them.
std::vector<std::string> core_phrase_keys();

}  // namespace wb
