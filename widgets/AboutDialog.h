#pragma once

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QPushButton;

namespace pd {

// Help ▸ About: what `photodesk-cli --version` prints, for people — version and build id,
// Qt/OpenCV/dlib, the face model's checksum and whether it matches, where the data, the
// settings and the logs are — with a button that copies it all for the hotline's message to IT.
// The report (hashing the 22 MB model) is made on a worker thread.
class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The application icon (hicolor theme when installed, else the built-in PNGs).
    static QIcon applicationIcon();
    // True once the version report has arrived and is shown.
    bool isReady() const { return !m_report.isEmpty(); }
    // The text the copy button puts on the clipboard.
    QString reportText() const;

signals:
    void ready();

private:
    void present(const QJsonObject& report);

    QJsonObject m_report;
    QLabel* m_version;
    QLabel* m_buildId;
    QLabel* m_commit;
    QLabel* m_libraries;
    QLabel* m_blas;
    QLabel* m_faceModel;
    QLabel* m_landmarks;
    QLabel* m_folders;
    QLabel* m_system;
    QPushButton* m_copy;
};

} // namespace pd
