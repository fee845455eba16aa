#include "widgets/RuleFlagsPanel.h"

#include "core/prescreen/PreScreenService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Store.h"
#include "core/vision/rules/RuleConfig.h"
#include "core/vision/rules/RuleReportJson.h"
#include "widgets/DecisionPanel.h"
#include "widgets/ErrorTexts.h"
#include "widgets/Overlay.h"
#include "widgets/PhotoPane.h"
#include "widgets/ReviewKeys.h"
#include "widgets/RuleFlagsModel.h"
#include "widgets/UiLanguage.h"

#include <QCheckBox>
#include <QEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace pd {

RuleFlagsPanel::RuleFlagsPanel(std::shared_ptr<Store> store, PreScreenService* service, PhotoPane* photo,
                               DecisionPanel* decision, QWidget* parent)
    : QWidget(parent), m_store(std::move(store)), m_service(service), m_photo(photo), m_decision(decision)
{
    setObjectName(QStringLiteral("ruleFlagsPanel"));
    m_model = new RuleFlagsModel(ReasonCatalog::builtIn(), this);
    m_model->setObjectName(QStringLiteral("ruleFlagsModel"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("ruleFlagsTitle"));
    QFont tf = m_title->font();
    tf.setBold(true);
    m_title->setFont(tf);
    m_overlay = new QCheckBox(this);
    m_overlay->setObjectName(QStringLiteral("overlayCheck"));
    m_overlay->setFocusPolicy(Qt::TabFocus);
    m_overlay->setChecked(m_photo->overlayVisible());
    connect(m_overlay, &QCheckBox::toggled, m_photo, &PhotoPane::setOverlayVisible);
    connect(m_photo, &PhotoPane::overlayVisibleChanged, m_overlay, &QCheckBox::setChecked);
    // O toggles the overlay anywhere in the window (text fields keep their letters: they take
    // the shortcut-override first).
    auto* toggle = new QShortcut(ReviewKeys::keys("overlay").front(), this);
    toggle->setContext(Qt::WindowShortcut);
    connect(toggle, &QShortcut::activated, this, &RuleFlagsPanel::toggleOverlay);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("ruleFlagsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("ruleFlagsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Reachable by Tab like every control (the arrows then walk the rules); the review keys
    // work while it has the focus, as anywhere in the workspace.
    m_view->setFocusPolicy(Qt::StrongFocus);
    m_view->setTabKeyNavigation(false); // Tab leaves the table, it does not walk its cells
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    // The rule's title takes the room the side column has; the measured values get a fixed
    // share. What does not fit is elided, and the row's tooltip carries the title, the verdict,
    // the explanation and the values in full. The verdict is always whole.
    QHeaderView* h = m_view->horizontalHeader();
    h->setSectionResizeMode(RuleFlagsModel::RuleColumn, QHeaderView::Stretch);
    h->setSectionResizeMode(RuleFlagsModel::VerdictColumn, QHeaderView::ResizeToContents);
    h->setSectionResizeMode(RuleFlagsModel::ValuesColumn, QHeaderView::Interactive);
    h->resizeSection(RuleFlagsModel::ValuesColumn, m_view->fontMetrics().horizontalAdvance(QStringLiteral("0.000 · 0.000")) + 12);
    h->setMinimumSectionSize(32);
    h->setTextElideMode(Qt::ElideRight); // "测量值 [阈…", whole in the header's tooltip
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(false);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_overlay);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);

    if (m_service) {
        connect(m_service, &PreScreenService::attemptAnalysed, this, [this](Id attemptId) {
            if (attemptId == m_attempt && m_mode != Mode::Report)
                load(attemptId, false);
        });
        connect(m_service, &PreScreenService::ready, this, [this] {
            if (m_attempt && m_mode != Mode::Report)
                load(m_attempt, true);
        });
        connect(m_service, &PreScreenService::unavailable, this, [this](const Error& e) {
            if (m_attempt)
                setMode(Mode::Unavailable, ErrorTexts::text(e));
        });
    }
    retranslate();
}

RuleFlagsPanel::RuleFlagsPanel(PhotoPane* photo, QWidget* parent) : RuleFlagsPanel(nullptr, nullptr, photo, nullptr, parent)
{
    m_model->setStudentFacing(true);
    // The student's text needs the room the measured values had.
    m_view->setWordWrap(true);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

void RuleFlagsPanel::toggleOverlay()
{
    m_photo->setOverlayVisible(!m_photo->overlayVisible());
}

void RuleFlagsPanel::clear()
{
    m_attempt = 0;
    m_model->clear();
    m_photo->clearOverlay();
    setMode(Mode::Cleared);
}

void RuleFlagsPanel::setAttempt(Id attemptId)
{
    if (attemptId == 0) {
        clear();
        return;
    }
    m_attempt = attemptId;
    m_model->clear();
    setMode(Mode::Analysing);
    load(attemptId, true);
}

void RuleFlagsPanel::showChecking(Id attemptId)
{
    m_attempt = attemptId;
    m_model->clear();
    setMode(Mode::Analysing);
}

void RuleFlagsPanel::showLoaded(Id attemptId, const Result<StoredRuleReport>& result)
{
    m_attempt = attemptId;
    m_model->clear();
    show(attemptId, result, true);
}

void RuleFlagsPanel::showStored(Id attemptId, const StoredRuleReport& stored, const std::optional<rules::RuleConfig>& config)
{
    m_attempt = attemptId;
    m_model->clear();
    m_photo->clearOverlay();
    if (stored.report)
        present(attemptId, stored, config);
    else if (!stored.errorCode.isEmpty())
        setMode(Mode::Unavailable, tr("The photo could not be read, so the rules were not checked (%1).").arg(stored.errorCode));
    else
        setMode(Mode::Unavailable, tr("The rules were never checked on this photo."));
}

void RuleFlagsPanel::load(Id attemptId, bool analyseIfMissing)
{
    if (!m_service)
        return; // read-only: showStored is the only source
    if (m_service->state() == PreScreenService::State::Unavailable) {
        setMode(Mode::Unavailable, ErrorTexts::text(m_service->unavailableReason()));
        m_service->analyseNow(attemptId); // tries to load the model and configuration again
        return;
    }
    const QString version = m_service->rulesVersion();
    const QString modelId = m_service->modelId();
    if (version.isEmpty() || modelId.isEmpty()) {
        m_service->analyseNow(attemptId); // still loading: ready() comes back here
        return;
    }
    std::shared_ptr<Store> store = m_store;
    auto* watcher = new QFutureWatcher<Result<StoredRuleReport>>(this);
    connect(watcher, &QFutureWatcher<Result<StoredRuleReport>>::finished, this, [this, watcher, attemptId, analyseIfMissing] {
        watcher->deleteLater();
        show(attemptId, watcher->result(), analyseIfMissing);
    });
    watcher->setFuture(QtConcurrent::run([store, attemptId, version, modelId] {
        Result<StoredRuleReport> r = loadRuleReport(*store, attemptId, version, modelId);
        store->db().closeThreadConnection(); // pool threads come and go
        return r;
    }));
}

void RuleFlagsPanel::show(Id attemptId, const Result<StoredRuleReport>& result, bool analyseIfMissing)
{
    if (attemptId != m_attempt)
        return; // another submission was opened meanwhile
    if (!result) {
        setMode(Mode::Unavailable, ErrorTexts::text(result.error()));
        return;
    }
    const StoredRuleReport& stored = result.value();
    if (!stored.complete) {
        setMode(Mode::Analysing);
        if (analyseIfMissing && m_service)
            m_service->analyseNow(attemptId);
        return;
    }
    if (!stored.report) {
        setMode(Mode::Unavailable, tr("The photo could not be read, so the rules were not checked (%1).").arg(stored.errorCode));
        return;
    }
    present(attemptId, stored, m_service ? m_service->ruleConfig() : std::nullopt);
}

void RuleFlagsPanel::present(Id attemptId, const StoredRuleReport& stored, const std::optional<rules::RuleConfig>& config)
{
    const rules::RuleReport& report = *stored.report;
    m_model->setReport(report);
    setMode(Mode::Report);

    // Overlay in the photo's own pixels (the rules report its size).
    QSize size;
    if (const rules::RuleResult* res = report.find(QStringLiteral("RESOLUTION")))
        size = QSize(res->values.value(QStringLiteral("width")).toInt(), res->values.value(QStringLiteral("height")).toInt());
    if (!size.isValid() || size.isEmpty())
        size = m_photo->imageSize();
    if (config)
        m_photo->setOverlay(buildPhotoOverlay(stored, *config, size));
    else if (!m_service)
        m_photo->setOverlay(buildPhotoOverlay(stored, size)); // read-only: the face and regions still say where
    if (m_decision) {
        m_decision->setSuggestedReasons(rules::preselectedReasonIds(report));
        const QString lang = UiLanguage::catalogLanguage();
        for (const rules::RuleResult& r : report.results) {
            if (r.kind == rules::RuleKind::Checklist)
                m_decision->setChecklistHint(r.id, r.explanation(lang));
        }
    }
    emit reportShown(attemptId);
}

QString RuleFlagsPanel::statusText() const
{
    return m_status->text();
}

void RuleFlagsPanel::setMode(Mode mode, const QString& message)
{
    m_mode = mode;
    m_message = message;
    retranslate();
}

void RuleFlagsPanel::retranslate()
{
    m_title->setText(tr("Photo rules"));
    m_overlay->setText(tr("Overlay (O)"));
    m_overlay->setToolTip(tr("Face box, landmarks, hair-top / eye-line / chin guides against the allowed bands, and the regions of flagged rules"));
    m_model->retranslate();
    QString status;
    QString statusTip;
    switch (m_mode) {
    case Mode::Cleared: status = QString(); break;
    case Mode::Analysing: status = tr("Checking the rules…"); break;
    case Mode::Unavailable:
        status = QStringLiteral("<span style='color:#c62828'>%1</span>").arg(tr("Rules unavailable: %1").arg(m_message).toHtmlEscaped());
        break;
    case Mode::Report: {
        const auto& report = m_model->report();
        const int fails = report ? int(report->idsWith(rules::Verdict::Fail).size()) : 0;
        const int warns = report ? int(report->idsWith(rules::Verdict::Warn).size()) : 0;
        const int errors = report ? int(report->idsWith(rules::Verdict::Error).size()) : 0;
        QStringList parts;
        parts << QStringLiteral("<span style='color:#c62828'><b>✗ %1</b></span>").arg(tr("%n fail(s)", "", fails).toHtmlEscaped());
        parts << QStringLiteral("<span style='color:#b26a00'><b>! %1</b></span>").arg(tr("%n to check", "", warns).toHtmlEscaped());
        if (errors > 0)
            parts << QStringLiteral("? %1").arg(tr("%n not measured", "", errors).toHtmlEscaped());
        // The rule set in the tooltip: the summary stays one line in the narrow side column.
        if (report)
            statusTip = tr("rule set %1 v%2").arg(report->configName).arg(report->configVersion);
        status = parts.join(QStringLiteral(" · "));
        break;
    }
    }
    m_status->setText(status);
    m_status->setToolTip(statusTip);
    m_status->setVisible(!status.isEmpty());
}

void RuleFlagsPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace pd
