#include "widgets/CleanLaneSettingsPage.h"

#include "core/review/CleanLaneSettings.h"
#include "widgets/ErrorTexts.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pd {

CleanLaneSettingsPage::CleanLaneSettingsPage(std::shared_ptr<Store> store, Session session, QWidget* parent)
    : QWidget(parent), m_store(std::move(store)), m_session(std::move(session))
{
    setObjectName(QStringLiteral("cleanLaneSettingsPage"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_enabled = new QCheckBox(this);
    m_enabled->setObjectName(QStringLiteral("cleanLaneEnabled"));
    m_pageSizeLabel = new QLabel(this);
    m_pageSize = new QSpinBox(this);
    m_pageSize->setObjectName(QStringLiteral("cleanLanePageSize"));
    m_pageSize->setRange(CleanLaneConfig::kMinPageSize, CleanLaneConfig::kMaxPageSize);
    m_pageSizeLabel->setBuddy(m_pageSize);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("cleanLaneSettingState"));
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("cleanLaneSave"));
    const bool mayEdit = CleanLaneSettings::mayEdit(m_session.role);
    m_enabled->setEnabled(mayEdit);
    m_pageSize->setEnabled(mayEdit);
    m_save->setEnabled(mayEdit);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(m_enabled);
    form->addRow(m_pageSizeLabel, m_pageSize);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_state, 1);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch(1);
    connect(m_save, &QPushButton::clicked, this, &CleanLaneSettingsPage::save);
    retranslate();
    reload();
}

void CleanLaneSettingsPage::retranslate()
{
    m_intro->setText(tr("The clean lane lets reviewers approve, from a grid, submissions whose photo rules all passed "
                        "(warnings are shown) and whose face matches both the enrollment and the ID-card photo. Each "
                        "approval stays an individual decision with its own audit entry and SMS, and second review "
                        "samples them like any other. The setting applies to every desk; changes are recorded in the "
                        "audit log."));
    m_enabled->setText(tr("&Clean lane available to reviewers"));
    m_pageSizeLabel->setText(tr("&Submissions per page:"));
    m_save->setText(tr("Save clean-lane setting"));
}

void CleanLaneSettingsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        reload();
    }
    QWidget::changeEvent(event);
}

void CleanLaneSettingsPage::reload()
{
    // One small indexed row: cheap enough for the UI thread (as the SMS templates page).
    auto current = CleanLaneSettings(m_store).current();
    if (!current) {
        m_state->setText(ErrorTexts::text(current.error()));
        return;
    }
    m_enabled->setChecked(current->enabled);
    m_pageSize->setValue(current->pageSize);
    m_state->setText(current->enabled ? tr("In force: on, %n per page", "", current->pageSize) : tr("In force: off"));
}

void CleanLaneSettingsPage::save()
{
    CleanLaneConfig config;
    config.enabled = m_enabled->isChecked();
    config.pageSize = m_pageSize->value();
    const Status saved = CleanLaneSettings(m_store).save(m_session, config);
    if (!saved) {
        emit statusMessage(ErrorTexts::text(saved.error()));
        m_state->setText(ErrorTexts::text(saved.error()));
        return;
    }
    emit statusMessage(tr("Clean-lane setting saved."));
    reload();
}

} // namespace pd
