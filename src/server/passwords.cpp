#include "server/passwords.h"

#include <sodium.h>

#include <stdexcept>

#include "store/random_name.h"

namespace wb::server {

namespace {
void ensure_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot initialise (no entropy source)");
}
}  // namespace

Result<std::string> hash_password(const std::string& password, PasswordCost cost) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    unsigned long long ops = cost == PasswordCost::Minimal ? crypto_pwhash_OPSLIMIT_MIN
                                                           : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    size_t mem = cost == PasswordCost::Minimal ? crypto_pwhash_MEMLIMIT_MIN
                                               : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    // crypto_pwhash_str uses Argon2id (the library's default algorithm since 1.0.15).
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return fail("cannot hash a password: out of memory");
    }
    return std::string(out);
}

bool verify_password(const std::string& hash, const std::string& password) {
    ensure_sodium();
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_password(size_t length) {
    ensure_sodium();
    static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string out;
    for (size_t i = 0; i < length; ++i) {
        out += alphabet[randombytes_uniform(sizeof alphabet - 1)];
    }
    return out;
}

std::string new_session_token() {
    return store::random_hex(32);
}

std::string session_token_hash(const std::string& token) {
    ensure_sodium();
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                       token.size(), nullptr, 0);
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

}  // namespace wb::server
