#include "widgets/SupervisionWorkspace.h"

#include "widgets/AccountPage.h"
#include "widgets/AuditLogPage.h"
#include "widgets/CleanLaneSettingsPage.h"
#include "widgets/DashboardPage.h"
#include "widgets/ExportPage.h"
#include "widgets/SecondReviewPage.h"
#include "widgets/SmsTemplatePage.h"

#include <QEvent>
#include <QTabWidget>
#include <QVBoxLayout>

namespace pd {

SupervisionWorkspace::SupervisionWorkspace(std::shared_ptr<Store> store, Session session, QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("supervisionWorkspace"));
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("supervisionPages"));
    m_audit = new AuditLogPage(store, session, this);
    m_pages->addTab(m_audit, QString());
    m_dashboard = new DashboardPage(store, session, this);
    m_pages->addTab(m_dashboard, QString());
    // Second review is a reviewer's judgement: supervisors take part, administrators manage
    // accounts instead.
    if (session.role == Role::Supervisor) {
        m_secondReview = new SecondReviewPage(store, session, this);
        m_pages->addTab(m_secondReview, QString());
        connect(m_secondReview, &SecondReviewPage::statusMessage, this, &SupervisionWorkspace::statusMessage);
    }
    if (session.role == Role::Administrator) {
        m_accounts = new AccountPage(store, session, this);
        m_pages->addTab(m_accounts, QString());
        connect(m_accounts, &AccountPage::statusMessage, this, &SupervisionWorkspace::statusMessage);
    }
    if (session.role == Role::Supervisor || session.role == Role::Administrator) {
        m_templates = new SmsTemplatePage(store, session, this);
        m_pages->addTab(m_templates, QString());
        connect(m_templates, &SmsTemplatePage::statusMessage, this, &SupervisionWorkspace::statusMessage);
        m_cleanLane = new CleanLaneSettingsPage(store, session, this);
        m_pages->addTab(m_cleanLane, QString());
        connect(m_cleanLane, &CleanLaneSettingsPage::statusMessage, this, &SupervisionWorkspace::statusMessage);
        m_export = new ExportPage(store, session, this);
        m_pages->addTab(m_export, QString());
        connect(m_export, &ExportPage::statusMessage, this, &SupervisionWorkspace::statusMessage);
    }
    connect(m_audit, &AuditLogPage::statusMessage, this, &SupervisionWorkspace::statusMessage);
    connect(m_dashboard, &DashboardPage::statusMessage, this, &SupervisionWorkspace::statusMessage);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    retranslate();
}

void SupervisionWorkspace::retranslate()
{
    m_pages->setTabText(m_pages->indexOf(m_audit), tr("Audit log"));
    m_pages->setTabText(m_pages->indexOf(m_dashboard), tr("Dashboards"));
    if (m_secondReview)
        m_pages->setTabText(m_pages->indexOf(m_secondReview), tr("Second review"));
    if (m_accounts)
        m_pages->setTabText(m_pages->indexOf(m_accounts), tr("Accounts"));
    if (m_templates)
        m_pages->setTabText(m_pages->indexOf(m_templates), tr("SMS templates"));
    if (m_cleanLane)
        m_pages->setTabText(m_pages->indexOf(m_cleanLane), tr("Clean lane"));
    if (m_export)
        m_pages->setTabText(m_pages->indexOf(m_export), tr("Export"));
}

void SupervisionWorkspace::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace pd
