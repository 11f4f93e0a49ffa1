#include <nlohmann/json.hpp>

#include "server/channel_adapters.h"

namespace wb::server {

std::string robot_text_body(const OutboundMessage& m) {
    nlohmann::json body = {{"msgtype", "text"}, {"text", {{"content", m.text}}}};
    return body.dump();
}

DeliveryResult read_robot_answer(const HttpExchange& exchange, const ChannelConfig& config, const char* service,
                                 std::initializer_list<RobotErrcode> known_codes) {
    DeliveryResult r = exchange.result;
    if (!r.ok()) return r;
    const std::string where = "channel \"" + config.id + "\": ";
    auto answer = nlohmann::json::parse(exchange.body, nullptr, false);
    if (!answer.is_object() || !answer.contains("errcode") || !answer["errcode"].is_number_integer()) {
        r.outcome = DeliveryOutcome::Permanent;
        r.error = where + "the answer is not a " + std::string(service) +
                  " robot answer (no errcode): check that the URL is the robot's webhook address";
        return r;
    }
    long long code = answer["errcode"].get<long long>();
    if (code == 0) {
        r.outcome = DeliveryOutcome::Delivered;
        return r;
    }
    std::string message = answer.value("errmsg", std::string());
    r.outcome = DeliveryOutcome::Permanent;
    r.error = where + service + " refused the message: errcode " + std::to_string(code) +
              (message.empty() ? "" : " (" + message + ")");
    for (const auto& known : known_codes)
        if (known.code == code) {
            r.outcome = known.retryable ? DeliveryOutcome::Retryable : DeliveryOutcome::Permanent;
            r.error += std::string(": ") + known.hint;
            return r;
        }
    r.error += ": check the robot's settings in " + std::string(service);
    return r;
}

}  // namespace wb::server
