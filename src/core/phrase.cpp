#include "core/phrase.h"

#include "core/metrics.h"
#include "core/outbox.h"
#include "core/refund_risk.h"
#include "core/reply_parser.h"

namespace wb {

std::vector<std::string> core_phrase_keys()
{
    std::vector<std::string> keys;
    for (const auto& list : {risk_reason_keys(), metric_explanation_keys(), reply_note_keys(), outbox_phrase_keys()})
        keys.insert(keys.end(), list.begin(), list.end());
    return keys;
}

}  // namespace wb
