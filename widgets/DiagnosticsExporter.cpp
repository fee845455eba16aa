#include "widgets/DiagnosticsExporter.h"

#include "core/store/Store.h"
#include "core/support/Diagnostics.h"
#include "core/support/Log.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPromise>
#include <QWidget>
#include <QtConcurrent>

namespace pd {

DiagnosticsExporter::DiagnosticsExporter(std::shared_ptr<Store> store, QWidget* window)
    : QObject(window), m_store(std::move(store)), m_window(window)
{
}

void DiagnosticsExporter::chooseAndExport()
{
    if (m_running)
        return;
    const QString file = QFileDialog::getSaveFileName(m_window, tr("Export diagnostics"), defaultDiagnosticsFileName(),
                                                      tr("Zip archives (*.zip)"));
    if (!file.isEmpty())
        exportTo(file.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive) ? file : file + QStringLiteral(".zip"));
}

bool DiagnosticsExporter::exportTo(const QString& file)
{
    if (m_running)
        return false;
    m_running = true;
    DiagnosticsRequest request;
    request.database = m_store ? m_store->db().location() : QString();
    request.logDir = logging::logDir();
    request.application = QStringLiteral("photodesk");

    m_progress = new QProgressDialog(tr("Collecting diagnostics (versions, settings, logs, database check)…"), QString(), 0, 6, m_window);
    m_progress->setObjectName(QStringLiteral("diagnosticsProgress"));
    m_progress->setWindowTitle(tr("Export diagnostics"));
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->setMinimumDuration(300);
    m_progress->setValue(0);

    // The integrity check reads the whole database: seconds on a big store, never on the UI thread.
    auto* watcher = new QFutureWatcher<Result<DiagnosticsResult>>(this);
    connect(watcher, &QFutureWatcher<Result<DiagnosticsResult>>::progressValueChanged, this, [this](int value) {
        if (m_progress)
            m_progress->setValue(value);
    });
    connect(watcher, &QFutureWatcher<Result<DiagnosticsResult>>::finished, this, [this, watcher, file] {
        watcher->deleteLater();
        m_running = false;
        if (m_progress)
            m_progress->close();
        const Result<DiagnosticsResult> result = watcher->future().result();
        QString message;
        auto* box = new QMessageBox(m_window);
        box->setObjectName(QStringLiteral("diagnosticsResult"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowTitle(tr("Export diagnostics"));
        if (result) {
            message = tr("The diagnostics were saved to %1 (%2). Send this file to your school's IT staff; "
                         "it holds no photos, passwords or unmasked personal numbers.")
                          .arg(QDir::toNativeSeparators(result->path), QLocale().formattedDataSize(result->bytes));
            box->setIcon(QMessageBox::Information);
            if (!result->problems.isEmpty())
                box->setDetailedText(result->problems.join(QLatin1Char('\n')));
        } else {
            message = tr("The diagnostics could not be saved to %1.").arg(QDir::toNativeSeparators(file));
            box->setIcon(QMessageBox::Warning);
            box->setDetailedText(result.error().message);
        }
        box->setText(message);
        box->open();
        emit finished(result ? result->path : QString(), message);
    });
    watcher->setFuture(QtConcurrent::run([request, file](QPromise<Result<DiagnosticsResult>>& promise) {
        promise.setProgressRange(0, 6);
        promise.addResult(exportDiagnostics(request, file, [&promise](int step, int) { promise.setProgressValue(step); }));
    }));
    return true;
}

} // namespace pd
