#include "widgets/AboutDialog.h"

#include "core/support/Log.h"
#include "core/support/Versions.h"
#include "core/util/BuildInfo.h"
#include "core/util/Paths.h"
#include "widgets/WhenFinished.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace pd {

namespace {

QString shortSha(const QString& sha)
{
    return sha.size() > 16 ? sha.left(16) + QStringLiteral("…") : sha;
}

} // namespace

QIcon AboutDialog::applicationIcon()
{
    QIcon builtIn;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        builtIn.addFile(QStringLiteral(":/photodesk/icons/%1x%1/apps/photodesk.png").arg(size), QSize(size, size));
    return QIcon::fromTheme(QStringLiteral("photodesk"), builtIn);
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About PhotoDesk"));

    auto* icon = new QLabel(this);
    icon->setPixmap(applicationIcon().pixmap(96, 96));
    icon->setAlignment(Qt::AlignTop);
    auto* title = new QLabel(QStringLiteral("<h2>%1</h2><p>%2</p>")
                                 .arg(tr("PhotoDesk"),
                                      tr("Review workstation for graduation ID photos: compare the submitted photo with the "
                                         "enrollment and ID-card photos, approve or reject with reasons from the school's rules.")),
                             this);
    title->setWordWrap(true);
    auto* header = new QHBoxLayout;
    header->addWidget(icon);
    header->addWidget(title, 1);

    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    auto row = [this, form](const QString& objectName, const QString& label) {
        auto* value = new QLabel(tr("…"), this);
        value->setObjectName(objectName);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        form->addRow(label, value);
        return value;
    };
    m_version = row(QStringLiteral("aboutVersion"), tr("Version:"));
    m_buildId = row(QStringLiteral("aboutBuildId"), tr("Build:"));
    m_commit = row(QStringLiteral("aboutCommit"), tr("Commit:"));
    m_libraries = row(QStringLiteral("aboutLibraries"), tr("Libraries:"));
    m_blas = row(QStringLiteral("aboutBlas"), tr("BLAS:"));
    m_faceModel = row(QStringLiteral("aboutFaceModel"), tr("Face model:"));
    m_landmarks = row(QStringLiteral("aboutLandmarkModel"), tr("Landmark model:"));
    m_folders = row(QStringLiteral("aboutFolders"), tr("Folders:"));
    m_system = row(QStringLiteral("aboutSystem"), tr("System:"));
    // What needs no work is there at once.
    m_version->setText(build::version());
    m_buildId->setText(build::buildId());

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("&Copy details"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("aboutCopy"));
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(reportText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(560);

    whenFinished(this, QtConcurrent::run([] { return versionReport(); }), [this](const QJsonObject& report) { present(report); });
}

void AboutDialog::present(const QJsonObject& r)
{
    m_report = r;
    m_version->setText(r.value(QStringLiteral("photodesk")).toString());
    m_buildId->setText(r.value(QStringLiteral("build_id")).toString());
    m_commit->setText(tr("%1 (%2)").arg(r.value(QStringLiteral("commit")).toString().left(12), r.value(QStringLiteral("commit_date")).toString()));
    m_libraries->setText(tr("Qt %1 (built with %2), OpenCV %3, dlib %4")
                             .arg(r.value(QStringLiteral("qt_runtime")).toString(), r.value(QStringLiteral("qt_build")).toString(),
                                  r.value(QStringLiteral("opencv")).toString(), r.value(QStringLiteral("dlib")).toString()));
    const QJsonObject blas = r.value(QStringLiteral("blas")).toObject();
    m_blas->setText(blas.value(QStringLiteral("openblas")).toBool() ? blas.value(QStringLiteral("config")).toString().section(QLatin1Char(' '), 0, 1)
                                                                     : tr("reference BLAS — face comparison is slow (install libopenblas0-pthread)"));
    auto model = [](const QJsonObject& m) {
        const QString status = m.value(QStringLiteral("status")).toString();
        if (status == QLatin1String("missing"))
            return tr("✗ missing");
        const QString sha = shortSha(m.value(QStringLiteral("sha256")).toString());
        if (status == QLatin1String("ok"))
            return tr("✓ checksum verified, SHA-256 %1").arg(sha);
        if (status == QLatin1String("mismatch"))
            return tr("✗ does not match its checksum (SHA-256 %1): reinstall PhotoDesk").arg(sha);
        if (status == QLatin1String("unverified"))
            return tr("SHA-256 %1 (no checksum file to compare with)").arg(sha);
        return tr("✗ cannot be read");
    };
    const QJsonObject face = r.value(QStringLiteral("face_model")).toObject();
    m_faceModel->setText(model(face));
    m_faceModel->setToolTip(face.value(QStringLiteral("path")).toString());
    const QJsonObject landmarks = r.value(QStringLiteral("shape_predictor")).toObject();
    m_landmarks->setText(model(landmarks));
    m_landmarks->setToolTip(landmarks.value(QStringLiteral("path")).toString());
    m_folders->setText(tr("program data %1\nyour data %2\nlogs %3")
                           .arg(r.value(QStringLiteral("share_dir")).toString(), userDataDir(), logging::logDir()));
    m_system->setText(r.value(QStringLiteral("os")).toString());
    m_copy->setEnabled(true);
    emit ready();
}

QString AboutDialog::reportText() const
{
    if (m_report.isEmpty())
        return {};
    QStringList lines = versionLines(m_report);
    lines << QStringLiteral("user data: %1").arg(userDataDir()) << QStringLiteral("logs: %1").arg(logging::logDir());
    return lines.join(QLatin1Char('\n'));
}

} // namespace pd
