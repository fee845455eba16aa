#pragma once

#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QByteArray>

#include <memory>

namespace pd {

class Store;

// The clean lane's supervisor setting: whether reviewers may approve clean submissions from a
// grid (core/review/CleanLane) and how many a page holds. Kept in the store's settings table
// (key "review.clean_lane", JSON {"enabled":bool,"page_size":int}) so every desk of a team
// follows the same switch; off until a supervisor turns it on. Saving is validated and audited
// with the value before and after, in one transaction.
struct CleanLaneConfig {
    static constexpr int kMinPageSize = 4;
    static constexpr int kMaxPageSize = 48;
    static constexpr int kDefaultPageSize = 12;

    bool enabled = false;
    int pageSize = kDefaultPageSize;

    QByteArray toJson() const;
    // Refuses (code invalid-setting, message naming the field) anything but the two known
    // fields with the right types and a page size within [kMinPageSize, kMaxPageSize].
    static Result<CleanLaneConfig> fromJson(const QByteArray& json);
    bool operator==(const CleanLaneConfig&) const = default;
};

class CleanLaneSettings {
public:
    static constexpr auto kSettingKey = "review.clean_lane";

    explicit CleanLaneSettings(std::shared_ptr<const Store> store) : m_store(std::move(store)) {}

    // The setting in force: the stored one, or the default (off, 12) when none is stored. A
    // stored value that cannot be read counts as off (the safe side) with code invalid-setting.
    Result<CleanLaneConfig> current() const;
    // Supervisors and administrators. Error codes: forbidden, invalid-setting, store-*.
    Status save(const Session& who, const CleanLaneConfig& config) const;

    static bool mayEdit(Role r) { return r == Role::Supervisor || r == Role::Administrator; }

private:
    std::shared_ptr<const Store> m_store;
};

} // namespace pd
