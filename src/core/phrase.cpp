#include "core/phrase.h"

#include "core/metrics.h"
#include "core/outbox.h"
#include "core/refund_risk.h"
#include "core/reply_parser.h"
#include "core/sop_template.h"
#include "i18n/translator.h"

namespace wb {

std::string schema_problem_text(const SchemaProblem& problem)
{
    return problem.path + ": " + Translator::builtin().format(Language::En, problem.what.key, problem.what.values);
}

std::vector<std::string> schema_problem_keys()
{
    return {"schema.expected_object", "schema.required",       "schema.expected_bool", "schema.expected_integer",
            "schema.expected_number", "schema.expected_string", "schema.expected_array", "schema.expected_one_of",
            "schema.unknown_field",   "schema.not_json"};
}

std::vector<std::string> core_phrase_keys()
{
    std::vector<std::string> keys;
    for (const auto& list : {risk_reason_keys(), metric_explanation_keys(), reply_note_keys(), outbox_phrase_keys(),
                             schema_problem_keys(), template_problem_keys()})
        keys.insert(keys.end(), list.begin(), list.end());
    return keys;
}

}  // namespace wb
