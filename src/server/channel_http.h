#pragma once
// The HTTP exchange the webhook-style adapters share: one JSON POST with the configured
// timeouts and an Idempotency-Key header, and the mapping of transport errors and statuses to
// Retryable / Permanent. Robot adapters then read the answer body for their service's errcode.
#include <httplib.h>

#include <string>

#include "server/channel.h"

namespace wb::server {

struct HttpExchange {
    DeliveryResult result;  // Sent for any 2xx; Retryable / Permanent otherwise
    std::string body;       // the answer's body when one arrived
};

HttpExchange post_json(const ChannelConfig& config, const std::string& url, const std::string& idempotency_key,
                       const std::string& json_body, const httplib::Headers& extra_headers = {});

// Appends `name=value` to a URL's query (value already encoded).
std::string with_query_param(const std::string& url, const std::string& name, const std::string& value);

}  // namespace wb::server
