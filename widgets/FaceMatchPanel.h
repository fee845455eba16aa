#pragma once

#include "core/prescreen/PreScreenService.h"

#include <QImage>
#include <QLabel>
#include <QWidget>

namespace pd {

// A face report with its chips decoded (done off the UI thread).
struct FaceReportView {
    FaceReport report;
    QImage chips[3]; // submission, enrollment, ID card; null when none
};

// Runs in a worker thread: loads the stored results and decodes the chips.
Result<FaceReportView> loadFaceReportView(const Store& store, Id attemptId, const QString& modelId, const FaceAnalyzer* analyzer);

// The face pre-screen of one submission: the three aligned 150×150 face chips side by side
// (submitted | enrollment | ID card; shown at up to 150 px, smaller in a narrow column) and,
// under them, the two comparisons, each as a badge with the band's
// colour AND a symbol and word (✓ match, ? uncertain, ✗ mismatch) so it reads without colour.
// The distance and what it means are in the badge's tooltip; a match also says that a face
// descriptor cannot tell close relatives or twins apart.
class FaceMatchPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kChipSide = 150;

    explicit FaceMatchPanel(QWidget* parent = nullptr);

    void clear();
    // The pre-screen has not reached this submission yet: analysing now.
    void showAnalysing();
    // Face analysis cannot run (model missing, configuration broken).
    void showUnavailable(const QString& reason);
    void showReport(const FaceReportView& view, const MatchBands& bands);

    // "match", "uncertain", "mismatch", "analysing", "none" (no comparison possible), "" (cleared).
    QString enrollmentBand() const;
    QString idCardBand() const;
    QLabel* enrollmentBadge() const { return m_badges[0]; }
    QLabel* idCardBadge() const { return m_badges[1]; }
    QLabel* chipLabel(int i) const { return m_chips[i]; }

    void retranslate();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void setBadge(int i, const QString& band, const QString& text, const QString& tooltip);
    void setChip(int i, const QImage& chip, const QString& problem);
    void setNote(const QString& note);

    QLabel* m_chips[3];
    QLabel* m_captions[3];
    QLabel* m_titles[2];
    QLabel* m_badges[2];
    int m_chipSpacing = 0;
    std::optional<FaceReportView> m_view;
    MatchBands m_bands;
    enum class Mode { Cleared, Analysing, Unavailable, Report } m_mode = Mode::Cleared;
    QString m_unavailableReason;
};

// "预审 12/40" in the status bar while the background pre-screen runs.
class FaceMatchProgressLabel : public QLabel {
    Q_OBJECT

public:
    FaceMatchProgressLabel(PreScreenService* service, QWidget* parent = nullptr);
    void retranslate();

protected:
    void changeEvent(QEvent* event) override;

private:
    void update(int done, int total);
    int m_done = -1;
    int m_total = 0;
    bool m_finished = false;
    QString m_unavailableCode;
    bool m_unavailable = false;
};

} // namespace pd
