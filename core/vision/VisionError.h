#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace pd {

// A failure of the vision layer. `code` is stable and machine-readable (tests, logs and the
// CLI match on it; see VisionErrorCode); `message` is an English sentence for logs and staff.
struct VisionError {
    QString code;
    QString message;
};

// The stable codes (documented in docs/face-analysis.md).
namespace VisionErrorCode {
inline const QString Empty = QStringLiteral("empty");                        // no bytes at all
inline const QString UnsupportedFormat = QStringLiteral("unsupported_format"); // not JPEG/PNG
inline const QString Truncated = QStringLiteral("truncated");                // file ends early
inline const QString Corrupt = QStringLiteral("corrupt");                    // decoder refused it
inline const QString TooLarge = QStringLiteral("too_large");                  // header dims/bytes over limits
inline const QString Cmyk = QStringLiteral("cmyk");                          // CMYK/YCCK JPEG
inline const QString Greyscale = QStringLiteral("greyscale");                // only when greyscale is refused
inline const QString HighBitDepth = QStringLiteral("high_bit_depth");         // 16-bit PNG / 12-bit JPEG
inline const QString Unreadable = QStringLiteral("unreadable");              // file cannot be opened
inline const QString NoFace = QStringLiteral("no_face");                     // no face detected
inline const QString ModelMissing = QStringLiteral("model_missing");          // model file not found
inline const QString ModelInvalid = QStringLiteral("model_invalid");          // model file unreadable
inline const QString Config = QStringLiteral("config");                      // bad match-band config
inline const QString Cancelled = QStringLiteral("cancelled");
} // namespace VisionErrorCode

// Value-or-error returned across the vision API (no exceptions cross it).
template <class T>
class VisionResult {
public:
    VisionResult(T value) : m_v(std::move(value)) {}
    VisionResult(VisionError error) : m_v(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(m_v); }
    T& value() & { return std::get<T>(m_v); }
    T&& value() && { return std::get<T>(std::move(m_v)); }
    const T* operator->() const { return &std::get<T>(m_v); }
    T* operator->() { return &std::get<T>(m_v); }
    const VisionError& error() const { return std::get<VisionError>(m_v); }

private:
    std::variant<T, VisionError> m_v;
};

inline VisionError visionError(const QString& code, const QString& message)
{
    return VisionError{code, message};
}

} // namespace pd
