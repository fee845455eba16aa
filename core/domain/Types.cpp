#include "core/domain/Types.h"

#include <array>
#include <utility>

namespace pd {

namespace {
template <class E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char*>, N>& table, E value)
{
    for (const auto& [e, name] : table)
        if (e == value)
            return QString::fromLatin1(name);
    return {};
}

template <class E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char*>, N>& table, const QString& s)
{
    for (const auto& [e, name] : table)
        if (s == QLatin1String(name))
            return e;
    return std::nullopt;
}

constexpr std::array<std::pair<Role, const char*>, 4> kRoles{{
    {Role::Reviewer, "reviewer"},
    {Role::HotlineAgent, "hotline"},
    {Role::Supervisor, "supervisor"},
    {Role::Administrator, "admin"},
}};
constexpr std::array<std::pair<AttemptState, const char*>, 3> kStates{{
    {AttemptState::Pending, "pending"},
    {AttemptState::Approved, "approved"},
    {AttemptState::Rejected, "rejected"},
}};
constexpr std::array<std::pair<PhotoRole, const char*>, 3> kPhotoRoles{{
    {PhotoRole::Submitted, "submitted"},
    {PhotoRole::Enrollment, "enrollment"},
    {PhotoRole::IdCard, "id_card"},
}};
constexpr std::array<std::pair<Verdict, const char*>, 2> kVerdicts{{
    {Verdict::Approve, "approve"},
    {Verdict::Reject, "reject"},
}};
} // namespace

QString toString(Role r) { return nameOf(kRoles, r); }
QString toString(AttemptState s) { return nameOf(kStates, s); }
QString toString(PhotoRole r) { return nameOf(kPhotoRoles, r); }
QString toString(Verdict v) { return nameOf(kVerdicts, v); }
std::optional<Role> roleFromString(const QString& s) { return valueOf(kRoles, s); }
std::optional<AttemptState> attemptStateFromString(const QString& s) { return valueOf(kStates, s); }
std::optional<PhotoRole> photoRoleFromString(const QString& s) { return valueOf(kPhotoRoles, s); }
std::optional<Verdict> verdictFromString(const QString& s) { return valueOf(kVerdicts, s); }

} // namespace pd
