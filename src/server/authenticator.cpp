#include "server/authenticator.h"

#include <cctype>

namespace wb::server {

namespace {
AuthFailure store_failure(const std::string& message) {
    return {503, "store_unavailable", "the store does not answer: " + message};
}
}  // namespace

Authenticator::Authenticator(store::Store& store, PasswordCost cost, std::int64_t session_ttl_ms)
    : store_(store), ttl_ms_(session_ttl_ms) {
    auto dummy = hash_password(random_password(16), cost);
    if (dummy) dummy_hash_ = dummy.value();
}

AuthResult<SignedIn> Authenticator::login(const std::string& login, const std::string& password,
                                          std::int64_t now_ms) {
    const AuthFailure wrong{401, "invalid_credentials", "the login or the password is wrong"};
    auto found = store_.find_account_by_login(login);
    if (!found) return {std::nullopt, store_failure(found.message())};
    if (!found.value()) {
        (void)verify_password(dummy_hash_, password);
        return {std::nullopt, wrong};
    }
    const store::Account& account = *found.value();
    if (!verify_password(account.password_hash, password)) return {std::nullopt, wrong};

    SignedIn signed_in{new_session_token(), now_ms + ttl_ms_, account};
    auto created = store_.create_session(
        {session_token_hash(signed_in.token), account.user_id, now_ms, signed_in.expires_at_ms});
    if (!created) return {std::nullopt, store_failure(created.message())};
    // Sessions that ran out are removed now and then, here where it costs nobody a wait.
    (void)store_.delete_expired_sessions(now_ms);
    return {signed_in, {}};
}

std::optional<std::string> Authenticator::bearer_token(const std::string& authorization) {
    const std::string scheme = "bearer ";
    if (authorization.size() <= scheme.size()) return std::nullopt;
    for (size_t i = 0; i < scheme.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(authorization[i])) != scheme[i]) return std::nullopt;
    }
    auto token = authorization.substr(scheme.size());
    while (!token.empty() && token.front() == ' ') token.erase(token.begin());
    while (!token.empty() && token.back() == ' ') token.pop_back();
    if (token.empty()) return std::nullopt;
    return token;
}

AuthResult<store::Account> Authenticator::authenticate(const std::string& authorization,
                                                       std::int64_t now_ms) {
    auto token = bearer_token(authorization);
    if (!token) {
        return {std::nullopt, {401, "unauthorized", "sign in first: send 'Authorization: Bearer <token>'"}};
    }
    auto session = store_.find_session(session_token_hash(*token));
    if (!session) return {std::nullopt, store_failure(session.message())};
    if (!session.value()) {
        return {std::nullopt, {401, "unauthorized", "the session token is not valid; sign in again"}};
    }
    if (session.value()->expires_at_ms <= now_ms) {
        return {std::nullopt, {401, "session_expired", "the session has expired; sign in again"}};
    }
    auto account = store_.find_account(session.value()->user_id);
    if (!account) return {std::nullopt, store_failure(account.message())};
    if (!account.value()) {
        return {std::nullopt, {401, "unauthorized", "the account of this session no longer exists"}};
    }
    return {*account.value(), {}};
}

AuthResult<bool> Authenticator::logout(const std::string& authorization, std::int64_t now_ms) {
    auto who = authenticate(authorization, now_ms);
    if (!who.ok() && who.failure.code != "session_expired") return {std::nullopt, who.failure};
    auto deleted = store_.delete_session(session_token_hash(*bearer_token(authorization)));
    if (!deleted) return {std::nullopt, store_failure(deleted.message())};
    return {true, {}};
}

}  // namespace wb::server
