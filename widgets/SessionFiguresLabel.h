#pragma once

#include "core/domain/Types.h"
#include "core/review/ReviewerFigures.h"

#include <QLabel>
#include <QTimer>

#include <memory>
#include <optional>

namespace pd {

class ReviewWorkspace;
class Store;
class StoreWorker;

// The reviewer's own figures in the status bar: decided today and the median time per decision
// ("今日已审 37 份 · 中位 12 秒/份"), read from the store (ReviewerFigures) on a worker thread after
// each decision of this desk and every minute (decisions at another desk of the same reviewer,
// and midnight).
class SessionFiguresLabel : public QLabel {
    Q_OBJECT

public:
    SessionFiguresLabel(std::shared_ptr<Store> store, Session session, ReviewWorkspace* workspace, QWidget* parent = nullptr);
    ~SessionFiguresLabel() override;

    // The latest figures (nullopt until the first read is back).
    const std::optional<ReviewerDayFigures>& figures() const { return m_figures; }

public slots:
    void refresh();

signals:
    void figuresChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::shared_ptr<Store> m_store;
    Session m_session;
    std::unique_ptr<StoreWorker> m_worker;
    std::optional<ReviewerDayFigures> m_figures;
    bool m_reading = false;
    bool m_again = false;
    QTimer m_tick;
};

} // namespace pd
