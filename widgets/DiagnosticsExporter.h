#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QProgressDialog;
class QWidget;

namespace pd {

class Store;

// Help ▸ Export diagnostics (导出诊断信息): asks where to save the zip, writes it on a worker
// thread (core/support/Diagnostics: versions, settings without secrets, logs, schema version and
// integrity check, queue and outbox counts, model checksums) with a progress dialog, then says
// where it is. The window stays usable meanwhile; one export at a time.
class DiagnosticsExporter : public QObject {
    Q_OBJECT

public:
    DiagnosticsExporter(std::shared_ptr<Store> store, QWidget* window);

    // Asks for the file name, then exportTo().
    void chooseAndExport();
    // Starts the export to `file` (the GUI tests call it directly). False when one is running.
    bool exportTo(const QString& file);
    bool isRunning() const { return m_running; }

signals:
    // After each export: the file (empty on failure) and the message shown to the user.
    void finished(const QString& file, const QString& message);

private:
    std::shared_ptr<Store> m_store;
    QWidget* m_window;
    QPointer<QProgressDialog> m_progress;
    bool m_running = false;
};

} // namespace pd
