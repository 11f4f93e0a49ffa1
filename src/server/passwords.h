#pragma once
// Password hashing (Argon2id through libsodium's crypto_pwhash_str) and random secrets.
#include <string>

#include "store/result.h"

namespace wb::server {

// Interactive: libsodium's recommended cost for logins (64 MiB, ~0.1–0.5 s). Minimal: for tests
// only, where hundreds of hashes would otherwise take minutes.
enum class PasswordCost { Interactive, Minimal };

Result<std::string> hash_password(const std::string& password, PasswordCost cost);
bool verify_password(const std::string& hash, const std::string& password);

// A password people can type: `length` characters without look-alikes (no 0/O, 1/l/I).
std::string random_password(size_t length);

// A session token (256 random bits as hex) and the hash under which the store keeps it
// (BLAKE2b-256): a stolen database does not hold usable tokens.
std::string new_session_token();
std::string session_token_hash(const std::string& token);

}  // namespace wb::server
