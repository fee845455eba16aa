#pragma once

#include "core/domain/Types.h"
#include "core/hotline/StudentDirectory.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace pd {

class Store;
class StoreWorker;
class StudentSearchModel;
class SubmittedPhotoDialog;
class TimelineModel;
struct TimelineData;

// The hotline agent's workspace: search students (name, student number, phone, last digits
// of the ID number) → masked results → the selected student's timeline; reveal the phone or
// ID number (where the role may; the core audits each reveal), resend the last SMS, record a
// call note; look at an attempt's submitted photo with its rule flags and the SMS sent (read-
// only, audited by the core); beside it the collection-window and hotline-hours facts agents
// read out.
// All store work runs on a StoreWorker; no decisions are made here.
class HotlineWorkspace : public QWidget {
    Q_OBJECT

public:
    HotlineWorkspace(std::shared_ptr<Store> store, Session session, QWidget* parent = nullptr);
    ~HotlineWorkspace() override;

    StudentSearchModel* resultsModel() const { return m_results; }
    TimelineModel* timelineModel() const { return m_timeline; }
    Id currentStudentId() const { return m_studentId; }
    // The open photo view (null when none is open).
    SubmittedPhotoDialog* photoView() const;
    QString title() const { return tr("Hotline"); }

    // The facts from the collection instructions (hotline hours, review window), one place.
    static QString instructionsHtml();

public slots:
    void search(const QString& text);
    void openStudent(Id studentId);
    void revealPhone();
    void revealNationalId();
    void resendLastSms();
    void addCallNote();
    // Opens the read-only view of this attempt's submitted photo (loaded on the worker).
    void viewSubmittedPhoto(pd::Id attemptId);
    // The same for the attempt of the selected timeline row (attempt, decision or SMS).
    void viewSelectedSubmission();

signals:
    void statusMessage(const QString& text);
    void searchFinished(int results);
    void timelineLoaded(pd::Id studentId);
    void actionFinished(bool ok); // reveal, resend or call note done (ok or refused)
    void photoViewLoaded(pd::Id attemptId, bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateButtons();
    void updateStudentHeader();
    void showTimeline(TimelineData data);
    void reveal(StudentDirectory::Field field);
    void fail(const Error& error);
    Id selectedAttemptId() const;
    void closePhotoView();

    std::shared_ptr<Store> m_store;
    Session m_session;
    std::unique_ptr<StoreWorker> m_worker;

    StudentSearchModel* m_results;
    TimelineModel* m_timeline;
    QLabel* m_searchLabel;
    QLineEdit* m_search;
    QPushButton* m_searchButton;
    QTableView* m_resultsView;
    QLabel* m_studentHeader;
    QPushButton* m_revealPhone;
    QPushButton* m_revealId;
    QPushButton* m_resend;
    QPushButton* m_viewPhoto;
    QTableView* m_timelineView;
    QLabel* m_noteLabel;
    QPlainTextEdit* m_note;
    QPushButton* m_addNote;
    QTextBrowser* m_info;
    QTimer m_searchDelay;
    QPointer<SubmittedPhotoDialog> m_photoView; // deletes itself when closed

    Id m_studentId = 0;
    StudentSummary m_student;
    QString m_revealedPhone; // shown until another student is opened
    QString m_revealedId;
    quint64 m_searchGeneration = 0;
    quint64 m_timelineGeneration = 0;
    bool m_busy = false;
};

} // namespace pd
