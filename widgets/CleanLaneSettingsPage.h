#pragma once

#include "core/domain/Types.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace pd {

class Store;

// Supervisors switch the clean lane on or off and set its page size here (CleanLaneSettings:
// the store's settings table, shared by every desk; validated and audited by the core, which
// also refuses the lane itself while it is off). Reviewers' windows follow within a minute.
class CleanLaneSettingsPage : public QWidget {
    Q_OBJECT

public:
    CleanLaneSettingsPage(std::shared_ptr<Store> store, Session session, QWidget* parent = nullptr);

    QCheckBox* enabledBox() const { return m_enabled; }
    QSpinBox* pageSizeBox() const { return m_pageSize; }

public slots:
    void reload();
    void save();

signals:
    void statusMessage(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::shared_ptr<Store> m_store;
    Session m_session;
    QLabel* m_intro;
    QCheckBox* m_enabled;
    QLabel* m_pageSizeLabel;
    QSpinBox* m_pageSize;
    QLabel* m_state;
    QPushButton* m_save;
};

} // namespace pd
