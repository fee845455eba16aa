#pragma once

#include "core/audit/AuditLog.h"
#include "core/domain/Types.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace pd {

class AuditLogModel;
class Store;
class StoreWorker;
struct AuditFilter;

// The supervisor's audit log: filters (user, action, student, date range), the lazily loaded
// table, the selected event's details with before/after as indented JSON, the chain
// verification banner and the CSV export of the filtered events (which is audited itself).
class AuditLogPage : public QWidget {
    Q_OBJECT

public:
    AuditLogPage(std::shared_ptr<Store> store, Session session, QWidget* parent = nullptr);
    ~AuditLogPage() override;

    AuditLogModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    // Where the checkpoint of this store lives (<db folder>/audit.checkpoint); empty for a
    // PostgreSQL store.
    QString checkpointPath() const;
    AuditFilter currentFilter() const;
    bool isVerifying() const { return m_verifying; }

    // Human words for AuditLog::Verification::problem (the core's sentence is English).
    static QString problemText(const QString& problem);

public slots:
    void applyFilter();
    void clearFilter();
    void verify();
    // Writes the filtered events to `path` (asks for a file when empty).
    void exportCsv(const QString& path = {});

signals:
    void statusMessage(const QString& text);
    void verified(bool ok, pd::Id firstBadEvent);
    void exported(bool ok, int rows);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void loadFilterChoices();
    void resetFilterWidgets();
    void showDetails();
    void updateCount();
    void showVerification(const AuditLog::Verification& v, bool hadCheckpoint);
    void selectEvent(Id id);

    std::shared_ptr<Store> m_store;
    Session m_session;
    std::unique_ptr<StoreWorker> m_worker; // pages, counts, export
    AuditLogModel* m_model;

    QLabel* m_actorLabel;
    QComboBox* m_actor;
    QLabel* m_actionLabel;
    QComboBox* m_action;
    QLabel* m_studentLabel;
    QLineEdit* m_student;
    QLabel* m_fromLabel;
    QDateEdit* m_from;
    QLabel* m_toLabel;
    QDateEdit* m_to;
    QPushButton* m_apply;
    QPushButton* m_clear;
    QPushButton* m_export;
    QPushButton* m_verify;
    QLabel* m_banner;
    QLabel* m_count;
    QTableView* m_view;
    QTextBrowser* m_detail;

    bool m_verifying = false;
    bool m_exporting = false;
    Id m_pendingSelection = 0; // an event to select once its page has arrived
    AuditLog::Verification m_lastVerification;
    bool m_hasVerification = false;
};

} // namespace pd
