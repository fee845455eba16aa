#pragma once

#include "core/config/SettingsEditor.h"
#include "core/config/SettingsModel.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

namespace pd {

// The desk's non-secret settings as a table for the settings dialog: setting | value | where it
// comes from. Values of keys the system file locks are read-only (and say so). Edits are held
// as pending changes until the dialog applies them (audited, through SettingsEditor).
class SettingsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SettingColumn, ValueColumn, SourceColumn, ColumnCount };
    enum Role { KeyRole = Qt::UserRole + 1, LockedRole, PendingRole, ChoicesRole };

    explicit SettingsTableModel(SettingsModel& settings, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    int rowOf(const QString& key) const { return int(m_keys.indexOf(key)); }
    QString keyAt(int row) const { return m_keys.value(row); }
    // Back to the system value or the default (pending, like an edit); false when locked.
    bool markReset(int row);
    QList<SettingChange> pendingChanges() const;
    bool hasPendingChanges() const { return !m_pending.isEmpty() || !m_resets.isEmpty(); }
    void clearPending();

    // Translated texts shared with the wizard.
    static QString label(const QString& key);
    static QString choiceText(const QString& key, const QString& value);
    static QString sourceText(SettingSource source, bool locked);

signals:
    // An edit was refused (invalid value: the text names the setting).
    void invalidValue(const QString& message);

private:
    void settingsChanged(const QStringList& keys);

    SettingsModel& m_settings;
    QStringList m_keys;
    QHash<QString, QVariant> m_pending;
    QSet<QString> m_resets;
};

} // namespace pd
