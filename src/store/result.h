#pragma once
// Expected failures travel as values: a Result<T> holds either a T or an Error with a message a
// person can act on ("data directory /x is not writable: Permission denied").
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace wb {

struct Error {
    std::string message;
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<1>(state_); }
    const std::string& message() const { return error().message; }

private:
    std::variant<T, Error> state_;
};

// For operations that return nothing on success.
struct Done {};
using Status = Result<Done>;
inline Status ok_status() { return Done{}; }

inline Error fail(std::string message) { return Error{std::move(message)}; }

}  // namespace wb
