#pragma once

#include "core/domain/Types.h"
#include "core/supervision/SecondReview.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace pd {

class PhotoPane;
class SecondReviewModel;
class Store;
class StoreWorker;

// Second review: a supervisor samples N % of the decisions not sampled yet; a second reviewer
// opens a pending item (the three photos as in the review workspace, the first decision and its
// reasons) and confirms it or overturns it with reasons from the catalog. The core keeps both
// decisions and re-notifies the student on an overturn.
class SecondReviewPage : public QWidget {
    Q_OBJECT

public:
    SecondReviewPage(std::shared_ptr<Store> store, Session session, QWidget* parent = nullptr);
    ~SecondReviewPage() override;

    SecondReviewModel* model() const { return m_model; }
    Id openItemId() const { return m_openItem; }

public slots:
    void refresh();
    void sampleNow();
    void openRow(int row);
    void confirm();
    void overturn();

signals:
    void statusMessage(const QString& text);
    void listLoaded(int items);
    void itemOpened(pd::Id attemptId); // its photos are on screen
    void concluded(bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateButtons();
    QStringList checkedReasons() const;
    void conclude(bool overturn);

    std::shared_ptr<Store> m_store;
    Session m_session;
    std::unique_ptr<StoreWorker> m_worker;
    std::shared_ptr<SecondReview> m_service;
    SecondReviewModel* m_model;
    QStandardItemModel* m_reasons;

    QLabel* m_shareLabel;
    QSpinBox* m_share;
    QPushButton* m_sample;
    QPushButton* m_refresh;
    QTableView* m_view;
    QLabel* m_header;
    PhotoPane* m_submitted;
    PhotoPane* m_enrollment;
    PhotoPane* m_idCard;
    QLabel* m_reasonsLabel;
    QListView* m_reasonList;
    QLineEdit* m_note;
    QPushButton* m_confirm;
    QPushButton* m_overturn;

    Id m_openItem = 0;
    Verdict m_firstVerdict = Verdict::Approve;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace pd
