#include "widgets/SettingsTableModel.h"

#include "widgets/ErrorTexts.h"
#include "widgets/UiLanguage.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace pd {

SettingsTableModel::SettingsTableModel(SettingsModel& settings, QObject* parent) : QAbstractTableModel(parent), m_settings(settings)
{
    for (const SettingSpec& spec : SettingsCatalog::all())
        if (!spec.secret)
            m_keys << spec.key;
    connect(&m_settings, &SettingsModel::changed, this, &SettingsTableModel::settingsChanged);
}

int SettingsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int SettingsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SettingsTableModel::label(const QString& key)
{
    using K = SettingKey;
    if (key == QLatin1String(K::DatabaseMode)) return tr("Database");
    if (key == QLatin1String(K::DatabasePath)) return tr("Database file (embedded)");
    if (key == QLatin1String(K::DatabaseUrl)) return tr("Team database URL");
    if (key == QLatin1String(K::DatabaseBlobDir)) return tr("Photo folder");
    if (key == QLatin1String(K::DatabasePassword)) return tr("Team database password");
    if (key == QLatin1String(K::PlatformUrl)) return tr("Platform URL");
    if (key == QLatin1String(K::PlatformToken)) return tr("Platform access token");
    if (key == QLatin1String(K::PlatformCaFile)) return tr("Extra CA certificate (PEM)");
    if (key == QLatin1String(K::PlatformPinnedCert)) return tr("Pinned platform certificate (SHA-256)");
    if (key == QLatin1String(K::SyncIntervalMinutes)) return tr("Sync every (minutes)");
    if (key == QLatin1String(K::SmsProvider)) return tr("SMS provider");
    if (key == QLatin1String(K::SmsEndpoint)) return tr("SMS gateway URL");
    if (key == QLatin1String(K::SmsRegion)) return tr("SMS region");
    if (key == QLatin1String(K::SmsSdkAppId)) return tr("Tencent SMS app id");
    if (key == QLatin1String(K::SmsTemplateApproved)) return tr("SMS template: approved");
    if (key == QLatin1String(K::SmsTemplateRejected)) return tr("SMS template: rejected");
    if (key == QLatin1String(K::SmsSignName)) return tr("SMS signature");
    if (key == QLatin1String(K::SmsAccessKeyId)) return tr("SMS access key id");
    if (key == QLatin1String(K::SmsAccessKeySecret)) return tr("SMS access key secret");
    if (key == QLatin1String(K::SchoolName)) return tr("School name");
    if (key == QLatin1String(K::UiLanguage)) return tr("Interface language");
    if (key == QLatin1String(K::LogLevel)) return tr("Log level");
    return key;
}

QString SettingsTableModel::choiceText(const QString& key, const QString& value)
{
    using K = SettingKey;
    if (key == QLatin1String(K::DatabaseMode))
        return value == QLatin1String("team") ? tr("Team (PostgreSQL)") : tr("Embedded (SQLite)");
    if (key == QLatin1String(K::SmsProvider)) {
        if (value == QLatin1String("aliyun")) return tr("Aliyun");
        if (value == QLatin1String("tencent")) return tr("Tencent Cloud");
        if (value == QLatin1String("generic")) return tr("Generic gateway");
        return tr("None (no SMS)");
    }
    if (key == QLatin1String(K::UiLanguage))
        return UiLanguage::nativeName(value);
    if (key == QLatin1String(K::LogLevel)) {
        if (value == QLatin1String("debug")) return tr("Debug");
        if (value == QLatin1String("warning")) return tr("Warnings");
        if (value == QLatin1String("error")) return tr("Errors only");
        return tr("Information");
    }
    return value;
}

QString SettingsTableModel::sourceText(SettingSource source, bool locked)
{
    if (locked)
        return tr("System file (locked)");
    switch (source) {
    case SettingSource::Default: return tr("Default");
    case SettingSource::System: return tr("System file");
    case SettingSource::User: return tr("Your settings");
    case SettingSource::CommandLine: return tr("Command line (this run)");
    case SettingSource::Environment: return tr("Environment");
    }
    return {};
}

QVariant SettingsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_keys.size())
        return {};
    const QString key = m_keys.at(index.row());
    const SettingSpec* spec = SettingsCatalog::find(key);
    const bool locked = m_settings.isLocked(key);
    const bool pending = m_pending.contains(key) || m_resets.contains(key);
    auto current = [&]() -> QVariant {
        if (m_pending.contains(key))
            return m_pending.value(key);
        if (m_resets.contains(key)) {
            const QVariant system = m_settings.layerValue(key, SettingSource::System);
            return system.isValid() ? system : spec->defaultValue;
        }
        return m_settings.value(key);
    };
    switch (role) {
    case KeyRole: return key;
    case LockedRole: return locked;
    case PendingRole: return pending;
    case ChoicesRole: return spec->choices;
    case Qt::ToolTipRole:
        if (locked)
            return tr("%1 — locked by the system configuration %2").arg(key, m_settings.locations().systemFile);
        return QStringLiteral("%1 — %2").arg(key, spec->description);
    case Qt::ForegroundRole:
        if (locked)
            return QBrush(QColor(0x6b, 0x6b, 0x6b));
        return {};
    case Qt::FontRole:
        if (pending && index.column() != SettingColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    default: break;
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case SettingColumn:
        return label(key);
    case ValueColumn: {
        const QVariant v = current();
        if (role == Qt::EditRole)
            return v;
        if (spec->type == SettingType::Choice)
            return choiceText(key, v.toString());
        if (v.toString().isEmpty())
            return tr("(not set)");
        return v.toString();
    }
    case SourceColumn:
        if (pending)
            return m_resets.contains(key) ? tr("Back to the default when saved") : tr("Your settings (when saved)");
        return sourceText(m_settings.sourceOf(key), locked);
    default: break;
    }
    return {};
}

QVariant SettingsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SettingColumn: return tr("Setting");
    case ValueColumn: return tr("Value");
    case SourceColumn: return tr("From");
    default: return {};
    }
}

Qt::ItemFlags SettingsTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == ValueColumn && !m_settings.isLocked(m_keys.value(index.row())))
        f |= Qt::ItemIsEditable;
    return f;
}

bool SettingsTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.column() != ValueColumn)
        return false;
    const QString key = m_keys.value(index.row());
    if (m_settings.isLocked(key)) {
        emit invalidValue(tr("%1 is locked by the system configuration and cannot be changed here.").arg(label(key)));
        return false;
    }
    auto valid = SettingsCatalog::validate(key, value);
    if (!valid) {
        emit invalidValue(tr("%1: %2").arg(label(key), valid.error().message.section(QStringLiteral(": "), 1)));
        return false;
    }
    if (valid.value() == m_settings.value(key) && m_settings.sourceOf(key) == SettingSource::User) {
        m_pending.remove(key);
    } else {
        m_pending.insert(key, valid.value());
    }
    m_resets.remove(key);
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

bool SettingsTableModel::markReset(int row)
{
    const QString key = m_keys.value(row);
    if (key.isEmpty() || m_settings.isLocked(key))
        return false;
    m_pending.remove(key);
    if (m_settings.layerValue(key, SettingSource::User).isValid())
        m_resets.insert(key);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

QList<SettingChange> SettingsTableModel::pendingChanges() const
{
    QList<SettingChange> changes;
    for (const QString& key : m_keys) {
        if (m_pending.contains(key))
            changes.append({key, m_pending.value(key), false});
        else if (m_resets.contains(key))
            changes.append({key, {}, true});
    }
    return changes;
}

void SettingsTableModel::clearPending()
{
    m_pending.clear();
    m_resets.clear();
    if (!m_keys.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_keys.size()) - 1, ColumnCount - 1));
}

void SettingsTableModel::settingsChanged(const QStringList& keys)
{
    for (const QString& key : keys) {
        const int row = rowOf(key);
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

} // namespace pd
