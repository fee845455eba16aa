#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace pd {

// What went wrong, for whom: `code` is stable and machine-readable (tests and logs match on
// it), `message` is a sentence a person can act on (already translated where it is shown).
struct Error {
    QString code;
    QString message;
};

// Value-or-error for service boundaries. The store throws StoreError internally so that RAII
// transactions roll back by themselves; services catch it and hand callers a Result.
template <class T>
class Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(m_v); }
    T& value() & { return std::get<T>(m_v); }
    // By value: `for (auto& x : f().value())` must not dangle on the temporary Result.
    T value() && { return std::get<T>(std::move(m_v)); }
    const T* operator->() const { return &std::get<T>(m_v); }
    const T& operator*() const& { return std::get<T>(m_v); }
    const Error& error() const { return std::get<Error>(m_v); }

private:
    std::variant<T, Error> m_v;
};

struct Unit {};
using Status = Result<Unit>;
inline Status okStatus() { return Unit{}; }

} // namespace pd
