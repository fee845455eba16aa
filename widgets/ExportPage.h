#pragma once

#include "core/domain/Types.h"
#include "core/export/ExportTypes.h"
#include "core/util/Result.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace pd {

class ExportLeftOutModel;
class Store;
class StoreWorker;

// 导出: supervisors and administrators export the approved photos for the national
// graduate-registration upload (core/export/ExportService, docs/export.md). The filter choices,
// the preview count and the export itself run on the page's store worker; the progress bar
// follows the export and Cancel stops it (nothing is left on disk then). The result lists what
// was left out and why.
class ExportPage : public QWidget {
    Q_OBJECT

public:
    ExportPage(std::shared_ptr<Store> store, Session session, QWidget* parent = nullptr);
    ~ExportPage() override;

    QComboBox* cohortBox() const { return m_cohort; }
    QComboBox* majorBox() const { return m_major; }
    QComboBox* stateBox() const { return m_state; }
    QComboBox* keyBox() const { return m_key; }
    QLineEdit* destinationEdit() const { return m_destination; }
    QPushButton* exportButton() const { return m_export; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    QLabel* previewLabel() const { return m_preview; }
    QLabel* resultLabel() const { return m_result; }
    ExportLeftOutModel* leftOutModel() const { return m_leftOut; }
    bool isRunning() const { return m_running; }
    // The page's store thread (choices, preview, export run there in order; tests queue on it).
    StoreWorker* worker() const { return m_worker.get(); }

    ExportFilter filter() const;
    ExportKey key() const;

public slots:
    void reloadChoices();
    void refreshPreview();
    void startExport();
    void cancelExport();

signals:
    void statusMessage(const QString& text);
    void choicesLoaded();
    void previewReady(int photos, int leftOut);
    void exportFinished(bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void chooseFolder();
    void chooseZip();
    void setRunning(bool running);
    void showOutcome(const Result<ExportOutcome>& outcome);

    std::shared_ptr<Store> m_store;
    Session m_session;
    std::unique_ptr<StoreWorker> m_worker;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
    bool m_running = false;
    int m_previewSerial = 0;

    QLabel* m_intro;
    QLabel* m_cohortLabel;
    QComboBox* m_cohort;
    QLabel* m_majorLabel;
    QComboBox* m_major;
    QCheckBox* m_fromOn;
    QDateEdit* m_from;
    QCheckBox* m_toOn;
    QDateEdit* m_to;
    QLabel* m_stateLabel;
    QComboBox* m_state;
    QLabel* m_keyLabel;
    QComboBox* m_key;
    QLabel* m_preview;
    QLabel* m_destinationLabel;
    QLineEdit* m_destination;
    QPushButton* m_pickFolder;
    QPushButton* m_pickZip;
    QPushButton* m_export;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_result;
    ExportLeftOutModel* m_leftOut;
    QTableView* m_table;
};

} // namespace pd
