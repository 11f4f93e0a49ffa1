#pragma once
// A small pool of libpqxx connections: request threads each lease one for the length of a
// transaction, so transactions run concurrently (unlike SQLite's single connection).
#include <pqxx/pqxx>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/result.h"

namespace wb::store {

class PgPool {
public:
    PgPool(std::string url, size_t max_connections) : url_(std::move(url)), max_(max_connections) {}

    class Lease {
    public:
        Lease(PgPool& pool, std::unique_ptr<pqxx::connection> c) : pool_(pool), c_(std::move(c)) {}
        Lease(Lease&& other) noexcept : pool_(other.pool_), c_(std::move(other.c_)) {}
        ~Lease() { if (c_) pool_.give_back(std::move(c_)); }
        pqxx::connection& operator*() { return *c_; }
        pqxx::connection* operator->() { return c_.get(); }

    private:
        PgPool& pool_;
        std::unique_ptr<pqxx::connection> c_;
    };

    // Waits for a free connection, opening a new one while under the maximum.
    Result<Lease> acquire();

private:
    void give_back(std::unique_ptr<pqxx::connection> c);

    std::string url_;
    size_t max_;
    std::mutex mutex_;
    std::condition_variable freed_;
    std::vector<std::unique_ptr<pqxx::connection>> idle_;
    size_t open_ = 0;
};

}  // namespace wb::store
