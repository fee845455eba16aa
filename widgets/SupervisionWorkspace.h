#pragma once

#include "core/domain/Types.h"

#include <QWidget>

#include <memory>

class QTabWidget;

namespace pd {

class AccountPage;
class AuditLogPage;
class CleanLaneSettingsPage;
class DashboardPage;
class ExportPage;
class SecondReviewPage;
class SmsTemplatePage;
class Store;

// The supervisor's workspace: the audit log (with verification and export), the dashboards,
// second review, the export for the national upload, and — for administrators — account
// management, as tabs.
class SupervisionWorkspace : public QWidget {
    Q_OBJECT

public:
    SupervisionWorkspace(std::shared_ptr<Store> store, Session session, QWidget* parent = nullptr);

    QString title() const { return tr("Supervision"); }
    QTabWidget* pages() const { return m_pages; }
    AuditLogPage* auditLog() const { return m_audit; }
    DashboardPage* dashboard() const { return m_dashboard; }
    SecondReviewPage* secondReview() const { return m_secondReview; } // nullptr for administrators
    AccountPage* accounts() const { return m_accounts; }              // administrators only
    SmsTemplatePage* smsTemplates() const { return m_templates; }
    CleanLaneSettingsPage* cleanLane() const { return m_cleanLane; }
    ExportPage* exportPage() const { return m_export; }              // supervisors and administrators

signals:
    void statusMessage(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QTabWidget* m_pages;
    AuditLogPage* m_audit;
    DashboardPage* m_dashboard;
    SecondReviewPage* m_secondReview = nullptr;
    AccountPage* m_accounts = nullptr;
    SmsTemplatePage* m_templates = nullptr;
    CleanLaneSettingsPage* m_cleanLane = nullptr;
    ExportPage* m_export = nullptr;
};

} // namespace pd
