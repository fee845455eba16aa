#pragma once

// Thresholds of the photo rules, read from resources/config/photo-rules.json (versioned). A
// school may override any value with its own file, applied on top of the shipped one. Unknown
// rules or keys, wrong types and out-of-range values are refused with a message naming the
// field (error code "config"), so a broken file stops start-up instead of silently passing.

#include "core/vision/VisionError.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace pd::rules {

class RuleConfig {
public:
    QString name;
    int version = 0;
    QString source;

    bool enabled(const QString& rule) const;
    double number(const QString& rule, const QString& key) const; // asserts a known key
    QStringList strings(const QString& rule, const QString& key) const;

    // Values as parsed, rule → key → value (numbers as double, lists as QStringList).
    QHash<QString, QVariantMap> values;
};

// Parses a complete configuration (every rule, every key: the shipped file).
VisionResult<RuleConfig> parseRuleConfig(const QByteArray& json, const QString& source = {});
// Applies a school's override on top of `base`: it needs "name" and "version" and may set any
// subset of rules/keys (the schema is the same).
VisionResult<RuleConfig> applyRuleConfigOverride(const RuleConfig& base, const QByteArray& json, const QString& source = {});

// $PHOTODESK_SHARE_DIR/config/photo-rules.json, the build tree's share/photodesk/config, the
// installed /usr/share/photodesk/config.
QStringList ruleConfigSearchPaths();
// The shipped configuration, plus the override file when `overridePath` is not empty.
VisionResult<RuleConfig> loadRuleConfig(const QString& overridePath = {});
// Where the GUI finds the school's override until it is a setting: $PHOTODESK_RULES_CONFIG
// (empty: the shipped file only). The pre-screen and the hotline's photo view read the same one.
QString schoolRuleConfigPath();

} // namespace pd::rules
