#pragma once
// Sign-in and sessions: checks passwords, issues bearer tokens with an expiry, resolves a
// request's token to its account. Failures carry the HTTP status and the API error code.
#include <cstdint>
#include <optional>
#include <string>

#include "server/passwords.h"
#include "store/store.h"

namespace wb::server {

struct AuthFailure {
    int status = 401;
    std::string code;     // invalid_credentials, unauthorized, session_expired, store_unavailable
    std::string message;
};

template <class T>
struct AuthResult {
    std::optional<T> value;
    AuthFailure failure;  // when !value
    bool ok() const { return value.has_value(); }
};

struct SignedIn {
    std::string token;
    std::int64_t expires_at_ms = 0;
    store::Account account;
};

class Authenticator {
public:
    Authenticator(store::Store& store, PasswordCost cost, std::int64_t session_ttl_ms);

    AuthResult<SignedIn> login(const std::string& login, const std::string& password, std::int64_t now_ms);
    // `authorization` is the request's Authorization header ("Bearer <token>").
    AuthResult<store::Account> authenticate(const std::string& authorization, std::int64_t now_ms);
    // Ends the session named by the header; an unknown token is an error.
    AuthResult<bool> logout(const std::string& authorization, std::int64_t now_ms);

private:
    static std::optional<std::string> bearer_token(const std::string& authorization);

    store::Store& store_;
    std::int64_t ttl_ms_;
    std::string dummy_hash_;  // verified against for unknown logins, so timing does not tell
};

}  // namespace wb::server
