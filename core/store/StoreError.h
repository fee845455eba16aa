#pragma once

#include <QString>

#include <stdexcept>

namespace pd {

// Thrown inside the store layer; an open Transaction rolls back while it unwinds.
// Services catch it at their boundary and return pd::Error instead.
class StoreError : public std::runtime_error {
public:
    StoreError(QString code, QString message)
        : std::runtime_error(message.toStdString()), m_code(std::move(code)), m_message(std::move(message)) {}
    const QString& code() const { return m_code; }
    const QString& message() const { return m_message; }

private:
    QString m_code;
    QString m_message;
};

} // namespace pd
