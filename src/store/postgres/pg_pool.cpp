#include "store/postgres/pg_pool.h"

namespace wb::store {

Result<PgPool::Lease> PgPool::acquire() {
    std::unique_lock<std::mutex> lock(mutex_);
    freed_.wait(lock, [this] { return !idle_.empty() || open_ < max_; });
    if (!idle_.empty()) {
        auto c = std::move(idle_.back());
        idle_.pop_back();
        if (c->is_open()) return Lease(*this, std::move(c));
        --open_;  // a dropped connection: replace it below
    }
    ++open_;
    lock.unlock();
    try {
        return Lease(*this, std::make_unique<pqxx::connection>(url_));
    } catch (const std::exception& e) {
        std::lock_guard<std::mutex> relock(mutex_);
        --open_;
        freed_.notify_one();
        return fail(std::string("cannot connect to PostgreSQL: ") + e.what());
    }
}

void PgPool::give_back(std::unique_ptr<pqxx::connection> c) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (c->is_open()) {
        idle_.push_back(std::move(c));
    } else {
        --open_;
    }
    freed_.notify_one();
}

}  // namespace wb::store
