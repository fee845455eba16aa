#pragma once

#include "core/domain/Types.h"
#include "core/supervision/SupervisionStats.h"

#include <QWidget>

#include <memory>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace pd {

class Store;
class StoreWorker;

// Everything the dashboard draws, computed on the store worker by SupervisionStats.
struct DashboardFigures {
    QDateTime from, to;
    std::vector<ReviewerFigures> reviewers;
    std::vector<HourlyDecisions> hourly;
    SlaFigures sla;
    QueueAgeFigures queue;
    std::vector<RuleAgreement> agreement;
};

// The supervisor's figures as Qt Charts: decisions per hour of the day per reviewer, approvals
// and rejections per reviewer (with the approval rate), SLA compliance (decided within 48 h of
// payment) and the age of the pending queue. A period box picks the last day, week or month.
class DashboardPage : public QWidget {
    Q_OBJECT

public:
    DashboardPage(std::shared_ptr<Store> store, Session session, QWidget* parent = nullptr);
    ~DashboardPage() override;

    bool isLoaded() const { return m_loaded; }
    const DashboardFigures& figures() const { return m_figures; }

public slots:
    void refresh();

signals:
    void loaded();
    void statusMessage(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void draw();
    void drawHourly();
    void drawReviewers();
    void drawSla();
    void drawQueue();

    std::shared_ptr<Store> m_store;
    Session m_session;
    std::unique_ptr<StoreWorker> m_worker;
    QLabel* m_periodLabel;
    QComboBox* m_period;
    QPushButton* m_refresh;
    QLabel* m_summary;
    QChartView* m_hourlyView;
    QChartView* m_reviewersView;
    QChartView* m_slaView;
    QChartView* m_queueView;
    QLabel* m_agreementLabel;
    QTableView* m_agreementView;
    class RuleAgreementModel* m_agreementModel;
    DashboardFigures m_figures;
    bool m_loaded = false;
    quint64 m_generation = 0;
};

} // namespace pd
