#include "widgets/DashboardPage.h"

#include "core/store/Store.h"
#include "core/util/Time.h"
#include "widgets/ErrorTexts.h"
#include "widgets/StoreWorker.h"
#include "widgets/WhenFinished.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHeaderView>
#include <QTableView>

#include "widgets/RuleAgreementModel.h"
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace pd {

namespace {
QChartView* makeChartView(const QString& name, QWidget* parent)
{
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation); // screenshots and tests see the final state
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* view = new QChartView(chart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(360, 260);
    return view;
}

// Removes what the previous drawing left on a chart (series own their sets; axes are separate).
void resetChart(QChart* chart, const QString& title)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->setTitle(title);
}

// Counts on a value axis: whole-number ticks whatever the maximum (Qt's default divides the
// range into four and would label 0, 1.5, 3 … as 0, 1, 3 with an integer format).
QValueAxis* countAxis(int maxValue)
{
    auto* axis = new QValueAxis;
    const int step = qMax(1, (maxValue + 4) / 5);
    axis->setRange(0, ((maxValue + step - 1) / step) * step);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(QStringLiteral("%d"));
    return axis;
}

Result<DashboardFigures> loadFigures(const std::shared_ptr<const Store>& store, const Session& who, QDateTime from, QDateTime to)
{
    SupervisionStats stats(store);
    DashboardFigures f;
    f.from = from;
    f.to = to;
    auto reviewers = stats.reviewers(who, from, to);
    if (!reviewers)
        return reviewers.error();
    f.reviewers = std::move(reviewers).value();
    auto hourly = stats.hourly(who, from, to);
    if (!hourly)
        return hourly.error();
    f.hourly = std::move(hourly).value();
    auto sla = stats.sla(who, from, to);
    if (!sla)
        return sla.error();
    f.sla = sla.value();
    auto queue = stats.queueAge(who);
    if (!queue)
        return queue.error();
    f.queue = queue.value();
    auto agreement = stats.ruleAgreement(who, from, to);
    if (!agreement)
        return agreement.error();
    f.agreement = std::move(agreement).value();
    return f;
}
} // namespace

DashboardPage::DashboardPage(std::shared_ptr<Store> store, Session session, QWidget* parent)
    : QWidget(parent), m_store(std::move(store)), m_session(std::move(session)), m_worker(std::make_unique<StoreWorker>(m_store))
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_periodLabel = new QLabel(this);
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("dashboardPeriod"));
    m_period->addItem(QString(), 1);
    m_period->addItem(QString(), 7);
    m_period->addItem(QString(), 30);
    m_period->setCurrentIndex(1);
    m_periodLabel->setBuddy(m_period);
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("dashboardRefresh"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("dashboardSummary"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_periodLabel);
    top->addWidget(m_period);
    top->addWidget(m_refresh);
    top->addSpacing(16);
    top->addWidget(m_summary, 1);

    m_hourlyView = makeChartView(QStringLiteral("hourlyChart"), this);
    m_reviewersView = makeChartView(QStringLiteral("reviewersChart"), this);
    m_slaView = makeChartView(QStringLiteral("slaChart"), this);
    m_queueView = makeChartView(QStringLiteral("queueChart"), this);
    auto* grid = new QGridLayout;
    grid->addWidget(m_hourlyView, 0, 0);
    grid->addWidget(m_reviewersView, 0, 1);
    grid->addWidget(m_slaView, 1, 0);
    grid->addWidget(m_queueView, 1, 1);

    m_agreementLabel = new QLabel(this);
    m_agreementModel = new RuleAgreementModel(this);
    m_agreementView = new QTableView(this);
    m_agreementView->setObjectName(QStringLiteral("ruleAgreementView"));
    m_agreementView->setModel(m_agreementModel);
    m_agreementView->verticalHeader()->hide();
    m_agreementView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_agreementView->horizontalHeader()->setStretchLastSection(true);
    m_agreementView->setMaximumHeight(180);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(grid, 1);
    layout->addWidget(m_agreementLabel);
    layout->addWidget(m_agreementView);

    connect(m_period, &QComboBox::currentIndexChanged, this, &DashboardPage::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &DashboardPage::refresh);
    retranslate();
    refresh();
}

DashboardPage::~DashboardPage()
{
    m_worker.reset();
}

void DashboardPage::retranslate()
{
    m_periodLabel->setText(tr("&Period:"));
    m_period->setItemText(0, tr("Last 24 hours"));
    m_period->setItemText(1, tr("Last 7 days"));
    m_period->setItemText(2, tr("Last 30 days"));
    m_refresh->setText(tr("Refresh"));
    m_agreementLabel->setText(tr("Reviewers and automated rules, per rule (decisions with a rules report):"));
    if (m_loaded)
        draw();
}

void DashboardPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DashboardPage::refresh()
{
    const QDateTime to = utcNow();
    const QDateTime from = to.addDays(-m_period->currentData().toInt());
    const quint64 generation = ++m_generation;
    std::shared_ptr<const Store> store = m_store;
    const Session who = m_session;
    m_summary->setText(tr("Loading…"));
    whenFinished(this, m_worker->run([store, who, from, to] { return loadFigures(store, who, from, to); }),
                 [this, generation](const Result<DashboardFigures>& result) {
                     if (generation != m_generation)
                         return;
                     if (!result) {
                         m_summary->setText(ErrorTexts::text(result.error()));
                         return;
                     }
                     m_figures = result.value();
                     m_loaded = true;
                     draw();
                     emit loaded();
                 });
}

void DashboardPage::draw()
{
    int approved = 0, rejected = 0;
    for (const ReviewerFigures& r : m_figures.reviewers) {
        approved += r.approved;
        rejected += r.rejected;
    }
    const int decided = approved + rejected;
    m_summary->setText(tr("%1 decisions · approval rate %2% · SLA compliance %3% · %4 pending overdue")
                           .arg(decided)
                           .arg(decided ? qRound(100.0 * approved / decided) : 0)
                           .arg(qRound(100.0 * m_figures.sla.compliance()))
                           .arg(m_figures.sla.pendingOverdue));
    drawHourly();
    drawReviewers();
    drawSla();
    drawQueue();
    m_agreementModel->setRows(m_figures.agreement);
}

void DashboardPage::drawHourly()
{
    QChart* chart = m_hourlyView->chart();
    resetChart(chart, tr("Decisions per hour of the day, per reviewer"));
    // Summed by local hour of day over the period: 24 bars per reviewer, whatever the period.
    QMap<QString, QVector<int>> perReviewer;
    for (const HourlyDecisions& h : m_figures.hourly) {
        auto& hours = perReviewer[h.reviewer];
        if (hours.isEmpty())
            hours.fill(0, 24);
        hours[h.hour.toLocalTime().time().hour()] += h.decisions;
    }
    auto* series = new QBarSeries;
    int maxValue = 1;
    for (auto it = perReviewer.cbegin(); it != perReviewer.cend(); ++it) {
        auto* set = new QBarSet(it.key());
        for (int v : it.value()) {
            *set << v;
            maxValue = qMax(maxValue, v);
        }
        series->append(set);
    }
    chart->addSeries(series);
    QStringList hours;
    for (int h = 0; h < 24; ++h)
        hours << QString::number(h);
    auto* x = new QBarCategoryAxis;
    x->append(hours);
    auto* y = countAxis(maxValue);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void DashboardPage::drawReviewers()
{
    QChart* chart = m_reviewersView->chart();
    resetChart(chart, tr("Approved and rejected per reviewer (approval rate)"));
    auto* approvedSet = new QBarSet(tr("Approved"));
    auto* rejectedSet = new QBarSet(tr("Rejected"));
    approvedSet->setColor(QColor(0x2e, 0x8b, 0x57));
    rejectedSet->setColor(QColor(0xc0, 0x39, 0x2b));
    QStringList names;
    int maxValue = 1;
    for (const ReviewerFigures& r : m_figures.reviewers) {
        *approvedSet << r.approved;
        *rejectedSet << r.rejected;
        names << QStringLiteral("%1 (%2%)").arg(r.reviewer).arg(qRound(100.0 * r.approvalRate()));
        maxValue = qMax(maxValue, r.approved + r.rejected);
    }
    auto* series = new QStackedBarSeries;
    series->append(approvedSet);
    series->append(rejectedSet);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(names);
    auto* y = countAxis(maxValue);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void DashboardPage::drawSla()
{
    QChart* chart = m_slaView->chart();
    const SlaFigures& s = m_figures.sla;
    resetChart(chart, tr("SLA: decided within 48 h of payment (%1%)").arg(qRound(100.0 * s.compliance())));
    auto* series = new QPieSeries;
    QPieSlice* inTime = series->append(tr("In time: %1").arg(s.decidedInTime), s.decidedInTime);
    QPieSlice* late = series->append(tr("Late: %1").arg(s.decided - s.decidedInTime), s.decided - s.decidedInTime);
    inTime->setColor(QColor(0x2e, 0x8b, 0x57));
    late->setColor(QColor(0xc0, 0x39, 0x2b));
    if (s.decided == 0)
        series->append(tr("No decisions"), 1)->setColor(Qt::lightGray);
    series->setLabelsVisible(true);
    chart->addSeries(series);
}

void DashboardPage::drawQueue()
{
    QChart* chart = m_queueView->chart();
    resetChart(chart, tr("Pending queue by time since payment (%1 overdue, %2 due within 6 h)")
                          .arg(m_figures.sla.pendingOverdue)
                          .arg(m_figures.sla.pendingDueSoon));
    auto* set = new QBarSet(tr("Pending"));
    int maxValue = 1;
    for (int b : m_figures.queue.buckets) {
        *set << b;
        maxValue = qMax(maxValue, b);
    }
    set->setColor(QColor(0x34, 0x6e, 0xb5));
    auto* series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    chart->addSeries(series);
    chart->legend()->hide();
    auto* x = new QBarCategoryAxis;
    x->append({tr("0–12 h"), tr("12–24 h"), tr("24–36 h"), tr("36–48 h"), tr("Overdue")});
    auto* y = countAxis(maxValue);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

} // namespace pd
