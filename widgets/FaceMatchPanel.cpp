#include "widgets/FaceMatchPanel.h"

#include "core/store/Store.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLocale>
#include <QVBoxLayout>

namespace pd {

Result<FaceReportView> loadFaceReportView(const Store& store, Id attemptId, const QString& modelId, const FaceAnalyzer* analyzer)
{
    auto report = loadFaceReport(store, attemptId, modelId, analyzer);
    if (!report)
        return report.error();
    FaceReportView view;
    view.report = report.value();
    const StoredPhotoFaces* photos[3] = {&view.report.submission, &view.report.enrollmentPhoto, &view.report.idCardPhoto};
    for (int i = 0; i < 3; ++i) {
        if (!photos[i]->chipJpeg.isEmpty())
            view.chips[i] = QImage::fromData(photos[i]->chipJpeg, "JPEG");
    }
    return view;
}

namespace {

struct BandStyle {
    const char* background;
    const char* foreground;
    const char* border;
};

BandStyle styleOf(const QString& band)
{
    if (band == QLatin1String("match"))
        return {"#e6f4ea", "#1b5e20", "#2e7d32"};
    if (band == QLatin1String("uncertain"))
        return {"#fff4d6", "#7a4f00", "#e0a100"};
    if (band == QLatin1String("mismatch"))
        return {"#fdecea", "#b71c1c", "#c62828"};
    return {"#f3f4f6", "#4b5563", "#d1d5db"};
}

QString problemText(const QString& code)
{
    if (code == QLatin1String("no_reference"))
        return FaceMatchPanel::tr("No reference photo");
    if (code == QLatin1String("no_face"))
        return FaceMatchPanel::tr("No face found");
    if (code == QLatin1String("unreadable"))
        return FaceMatchPanel::tr("Photo cannot be read");
    if (code.isEmpty())
        return FaceMatchPanel::tr("Not compared");
    return FaceMatchPanel::tr("Photo cannot be analysed (%1)").arg(code);
}

} // namespace

namespace {
// A face chip shown at the width its column gives it (64 to 150 px; FaceMatchPanel::resizeEvent
// keeps it square): the label scales the pixmap, the chip itself stays the stored 150×150 image.
class ChipLabel : public QLabel {
public:
    explicit ChipLabel(QWidget* parent) : QLabel(parent)
    {
        setMinimumWidth(kMinChip);
        setMaximumWidth(FaceMatchPanel::kChipSide + 2);
        setFixedHeight(kMinChip); // grown to the width once laid out (a large minimum would grow the window)
        setScaledContents(true);
    }
    QSize sizeHint() const override { return {FaceMatchPanel::kChipSide + 2, height()}; }
    QSize minimumSizeHint() const override { return {kMinChip, height()}; }
    static constexpr int kMinChip = 64;
};
} // namespace

FaceMatchPanel::FaceMatchPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("faceMatchPanel"));
    // Top to bottom for the review workspace's side column: the three chips in a row, then the
    // two comparisons and the note.
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto* chips = new QHBoxLayout;
    chips->setSpacing(8);
    const char* chipNames[3] = {"submittedChip", "enrollmentChip", "idCardChip"};
    for (int i = 0; i < 3; ++i) {
        auto* box = new QVBoxLayout;
        box->setSpacing(2);
        m_chips[i] = new ChipLabel(this);
        m_chips[i]->setObjectName(QLatin1String(chipNames[i]));
        m_chips[i]->setAlignment(Qt::AlignCenter);
        m_chips[i]->setWordWrap(true);
        m_chips[i]->setStyleSheet(QStringLiteral("QLabel { border: 1px solid #d1d5db; background: #f9fafb; color: #6b7280; }"));
        m_captions[i] = new QLabel(this);
        m_captions[i]->setAlignment(Qt::AlignCenter);
        m_captions[i]->setWordWrap(true);
        m_captions[i]->setStyleSheet(QStringLiteral("color: #6b7280;"));
        box->addWidget(m_chips[i]);
        box->addWidget(m_captions[i]);
        chips->addLayout(box, 1);
    }
    layout->addLayout(chips);
    m_chipSpacing = chips->spacing();

    auto* scores = new QGridLayout;
    scores->setHorizontalSpacing(8);
    scores->setVerticalSpacing(4);
    const char* badgeNames[2] = {"enrollmentMatchBadge", "idCardMatchBadge"};
    for (int i = 0; i < 2; ++i) {
        m_titles[i] = new QLabel(this);
        m_titles[i]->setWordWrap(true);
        QFont f = m_titles[i]->font();
        f.setBold(true);
        m_titles[i]->setFont(f);
        m_badges[i] = new QLabel(this);
        m_badges[i]->setObjectName(QLatin1String(badgeNames[i]));
        m_badges[i]->setTextFormat(Qt::PlainText);
        m_badges[i]->setWordWrap(true); // "— 无参考照片" and the like in a narrow column
        QFont bf = m_badges[i]->font();
        bf.setBold(true);
        bf.setPointSizeF(bf.pointSizeF() * 1.1);
        m_badges[i]->setFont(bf);
        scores->addWidget(m_titles[i], i, 0);
        scores->addWidget(m_badges[i], i, 1);
    }
    scores->setColumnStretch(1, 1);
    layout->addLayout(scores);

    retranslate();
    clear();
}

void FaceMatchPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // Square chips as wide as a third of the panel allows.
    const int side = qBound(int(ChipLabel::kMinChip), (width() - 2 * m_chipSpacing) / 3, kChipSide + 2);
    for (QLabel* chip : m_chips)
        if (chip->height() != side)
            chip->setFixedHeight(side);
}

QString FaceMatchPanel::enrollmentBand() const
{
    return m_badges[0]->property("band").toString();
}

QString FaceMatchPanel::idCardBand() const
{
    return m_badges[1]->property("band").toString();
}

void FaceMatchPanel::setBadge(int i, const QString& band, const QString& text, const QString& tooltip)
{
    QLabel* badge = m_badges[i];
    badge->setProperty("band", band);
    const BandStyle s = styleOf(band);
    badge->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border: 2px solid %3; border-radius: 5px; padding: 1px 8px; }")
                             .arg(QLatin1String(s.background), QLatin1String(s.foreground), QLatin1String(s.border)));
    badge->setText(text);
    badge->setToolTip(tooltip);
    badge->setAccessibleName(m_titles[i]->text() + QLatin1Char(' ') + text);
}

void FaceMatchPanel::setChip(int i, const QImage& chip, const QString& problem)
{
    if (!chip.isNull()) {
        m_chips[i]->setPixmap(QPixmap::fromImage(chip.scaled(kChipSide, kChipSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        m_chips[i]->setToolTip(QString());
    } else {
        m_chips[i]->setPixmap(QPixmap());
        m_chips[i]->setText(problem);
    }
}

void FaceMatchPanel::setNote(const QString& note)
{
    // A tooltip over the chips and titles, not a line of its own: the side column is short at
    // 1366×768, and the badges say the same in a word (分析中…, 不可用) with the reason in theirs.
    setToolTip(note);
}

void FaceMatchPanel::clear()
{
    m_mode = Mode::Cleared;
    m_view.reset();
    for (int i = 0; i < 3; ++i)
        setChip(i, {}, QString());
    for (int i = 0; i < 2; ++i)
        setBadge(i, QString(), QStringLiteral(" "), QString());
    setNote(QString());
}

void FaceMatchPanel::showAnalysing()
{
    m_mode = Mode::Analysing;
    m_view.reset();
    for (int i = 0; i < 3; ++i)
        setChip(i, {}, tr("Analysing…"));
    for (int i = 0; i < 2; ++i)
        setBadge(i, QStringLiteral("analysing"), tr("Analysing…"), tr("The face pre-screen has not reached this submission yet; it is being analysed now."));
    setNote(tr("Face comparison is being computed in the background."));
}

void FaceMatchPanel::showUnavailable(const QString& reason)
{
    m_mode = Mode::Unavailable;
    m_unavailableReason = reason;
    m_view.reset();
    for (int i = 0; i < 3; ++i)
        setChip(i, {}, QString());
    for (int i = 0; i < 2; ++i)
        setBadge(i, QStringLiteral("none"), tr("Unavailable"), reason);
    setNote(tr("Face comparison is unavailable: %1").arg(reason));
}

void FaceMatchPanel::showReport(const FaceReportView& view, const MatchBands& bands)
{
    m_mode = Mode::Report;
    m_view = view;
    m_bands = bands;
    const FaceReport& r = view.report;
    const QLocale locale;
    const StoredPhotoFaces* photos[3] = {&r.submission, &r.enrollmentPhoto, &r.idCardPhoto};
    for (int i = 0; i < 3; ++i) {
        QString problem;
        if (!photos[i]->present)
            problem = i == 0 ? tr("No photo") : problemText(QStringLiteral("no_reference"));
        else if (!photos[i]->errorCode.isEmpty())
            problem = problemText(photos[i]->errorCode);
        else if (view.chips[i].isNull())
            problem = tr("No face chip");
        setChip(i, view.chips[i], problem);
        if (photos[i]->faceCount > 1)
            m_chips[i]->setToolTip(tr("%n faces in the photo; the largest is compared.", "", photos[i]->faceCount));
    }
    const StoredMatch* matches[2] = {&r.enrollment, &r.idCard};
    for (int i = 0; i < 2; ++i) {
        const StoredMatch& m = *matches[i];
        if (!m.available) {
            setBadge(i, QStringLiteral("none"), QStringLiteral("— ") + problemText(m.problem),
                     tr("No comparison: %1.").arg(problemText(m.problem)));
            continue;
        }
        const QString distance = locale.toString(m.distance, 'f', 2);
        const QString thresholds = tr("Bands: match ≤ %1, mismatch ≥ %2 (Euclidean distance of dlib face descriptors).")
                                       .arg(locale.toString(bands.matchMax, 'f', 2), locale.toString(bands.mismatchMin, 'f', 2));
        const QString model = tr("Model: %1").arg(m.modelId);
        switch (m.band) {
        case MatchBand::Match:
            setBadge(i, QStringLiteral("match"), tr("✓ Match  %1").arg(distance),
                     tr("Distance %1: same person by the face descriptor.").arg(distance) + QLatin1Char('\n')
                         + tr("The descriptor cannot rule out a close relative or a twin; check the student's details when in doubt.")
                         + QLatin1Char('\n') + thresholds + QLatin1Char('\n') + model);
            break;
        case MatchBand::Uncertain:
            setBadge(i, QStringLiteral("uncertain"), tr("? Uncertain  %1").arg(distance),
                     tr("Distance %1: neither clearly the same nor clearly another person; compare the photos yourself.").arg(distance)
                         + QLatin1Char('\n') + thresholds + QLatin1Char('\n') + model);
            break;
        case MatchBand::Mismatch:
            setBadge(i, QStringLiteral("mismatch"), tr("✗ Mismatch  %1").arg(distance),
                     tr("Distance %1: very likely a different person. The national system checks this too and blocks the registration.")
                             .arg(distance)
                         + QLatin1Char('\n') + thresholds + QLatin1Char('\n') + model);
            break;
        }
    }
    setNote(tr("Automatic pre-screen; the decision stays with the reviewer."));
}

void FaceMatchPanel::retranslate()
{
    m_captions[0]->setText(tr("Submitted"));
    m_captions[1]->setText(tr("Enrollment"));
    m_captions[2]->setText(tr("ID card"));
    m_titles[0]->setText(tr("Enrollment photo check"));
    m_titles[1]->setText(tr("ID-card check"));
    switch (m_mode) {
    case Mode::Cleared:
        break;
    case Mode::Analysing:
        showAnalysing();
        break;
    case Mode::Unavailable:
        showUnavailable(m_unavailableReason);
        break;
    case Mode::Report:
        if (m_view) {
            const FaceReportView view = *m_view;
            showReport(view, m_bands);
        }
        break;
    }
}

// ---------------------------------------------------------------------------------------------

FaceMatchProgressLabel::FaceMatchProgressLabel(PreScreenService* service, QWidget* parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("preScreenProgress"));
    connect(service, &PreScreenService::progress, this, [this](int done, int total) {
        m_finished = false;
        update(done, total);
    });
    connect(service, &PreScreenService::finished, this, [this](const PreScreenRunStats& s) {
        m_finished = true;
        update(s.attempts, s.attempts + s.remaining);
    });
    connect(service, &PreScreenService::unavailable, this, [this](const Error& e) {
        m_unavailable = true;
        m_unavailableCode = e.code;
        setToolTip(e.message);
        retranslate();
    });
    retranslate();
}

void FaceMatchProgressLabel::update(int done, int total)
{
    m_done = done;
    m_total = total;
    retranslate();
}

void FaceMatchProgressLabel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QLabel::changeEvent(event);
}

void FaceMatchProgressLabel::retranslate()
{
    if (m_unavailable) {
        // An invalid rule configuration is the school's to fix: say so, the tooltip names the field.
        setText(m_unavailableCode == QLatin1String("config") ? tr("Pre-screen unavailable: invalid photo-rule configuration")
                                                             : tr("Pre-screen unavailable"));
        return;
    }
    if (m_done < 0) {
        setText(QString());
        return;
    }
    if (m_finished)
        setText(m_total > 0 ? tr("Pre-screen done %1/%2").arg(m_done).arg(m_total) : tr("Pre-screen up to date"));
    else
        setText(tr("Pre-screen %1/%2").arg(m_done).arg(m_total));
}

} // namespace pd
