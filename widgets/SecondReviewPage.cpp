#include "widgets/SecondReviewPage.h"

#include "core/notify/SmsTemplates.h"
#include "core/notify/SmsComposer.h"
#include "core/review/ReasonCatalog.h"
#include "core/review/SubmissionLoader.h"
#include "core/store/Repositories.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "widgets/ErrorTexts.h"
#include "widgets/PhotoPane.h"
#include "widgets/SecondReviewModel.h"
#include "widgets/StoreWorker.h"
#include "widgets/UiLanguage.h"
#include "widgets/WhenFinished.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

namespace {
struct PendingList {
    std::vector<SecondReviewItem> items;
    QHash<Id, QString> reviewers;
};

struct OpenedItem {
    SubmissionBundle bundle;
    DecodedPhoto submitted, enrollment, idCard;
};

DecodedPhoto decodeOrNote(const std::optional<SubmissionBundle::PhotoBytes>& p)
{
    if (!p) {
        DecodedPhoto d;
        d.error = QCoreApplication::translate("pd::SecondReviewPage", "No photo");
        return d;
    }
    if (!p->error.isEmpty()) {
        DecodedPhoto d;
        d.error = p->error;
        return d;
    }
    return decodePhoto(p->bytes, p->photo.fileName);
}
} // namespace

SecondReviewPage::SecondReviewPage(std::shared_ptr<Store> store, Session session, QWidget* parent)
    : QWidget(parent)
    , m_store(std::move(store))
    , m_session(std::move(session))
    , m_worker(std::make_unique<StoreWorker>(m_store))
    , m_service(std::make_shared<SecondReview>(m_store, ReasonCatalog::builtIn(), SmsTemplates(m_store).effective()))
    , m_model(new SecondReviewModel(ReasonCatalog::builtIn(), this))
    , m_reasons(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("secondReviewPage"));
    m_shareLabel = new QLabel(this);
    m_share = new QSpinBox(this);
    m_share->setObjectName(QStringLiteral("secondReviewShare"));
    m_share->setRange(1, 100);
    m_share->setValue(10);
    m_share->setSuffix(QStringLiteral(" %"));
    m_shareLabel->setBuddy(m_share);
    m_sample = new QPushButton(this);
    m_sample->setObjectName(QStringLiteral("secondReviewSample"));
    const bool maySample = m_session.role == Role::Supervisor || m_session.role == Role::Administrator;
    for (QWidget* w : std::initializer_list<QWidget*>{m_sample, m_share, m_shareLabel})
        w->setVisible(maySample);
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("secondReviewRefresh"));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("secondReviewList"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);

    auto* top = new QHBoxLayout;
    top->addWidget(m_shareLabel);
    top->addWidget(m_share);
    top->addWidget(m_sample);
    top->addStretch(1);
    top->addWidget(m_refresh);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(top);
    leftLayout->addWidget(m_view, 1);

    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("secondReviewHeader"));
    m_header->setWordWrap(true);
    m_submitted = new PhotoPane(this);
    m_submitted->setObjectName(QStringLiteral("secondReviewSubmitted"));
    m_enrollment = new PhotoPane(this);
    m_enrollment->setObjectName(QStringLiteral("secondReviewEnrollment"));
    m_idCard = new PhotoPane(this);
    m_idCard->setObjectName(QStringLiteral("secondReviewIdCard"));
    auto* photos = new QHBoxLayout;
    photos->addWidget(m_submitted);
    photos->addWidget(m_enrollment);
    photos->addWidget(m_idCard);

    for (const Reason& r : ReasonCatalog::builtIn().reasons()) {
        auto* item = new QStandardItem;
        item->setCheckable(true);
        item->setEditable(false);
        item->setData(r.id, Qt::UserRole);
        m_reasons->appendRow(item);
    }
    m_reasonsLabel = new QLabel(this);
    m_reasonList = new QListView(this);
    m_reasonList->setObjectName(QStringLiteral("secondReviewReasons"));
    m_reasonList->setModel(m_reasons);
    m_reasonList->setMaximumHeight(150);
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("secondReviewNote"));
    m_confirm = new QPushButton(this);
    m_confirm->setObjectName(QStringLiteral("secondReviewConfirm"));
    m_overturn = new QPushButton(this);
    m_overturn->setObjectName(QStringLiteral("secondReviewOverturn"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_note, 1);
    buttons->addWidget(m_confirm);
    buttons->addWidget(m_overturn);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_header);
    rightLayout->addLayout(photos, 1);
    rightLayout->addWidget(m_reasonsLabel);
    rightLayout->addWidget(m_reasonList);
    rightLayout->addLayout(buttons);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_sample, &QPushButton::clicked, this, &SecondReviewPage::sampleNow);
    connect(m_refresh, &QPushButton::clicked, this, &SecondReviewPage::refresh);
    connect(m_confirm, &QPushButton::clicked, this, &SecondReviewPage::confirm);
    connect(m_overturn, &QPushButton::clicked, this, &SecondReviewPage::overturn);
    connect(m_reasons, &QStandardItemModel::itemChanged, this, &SecondReviewPage::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { openRow(current.row()); });

    retranslate();
    updateButtons();
    refresh();
}

SecondReviewPage::~SecondReviewPage()
{
    m_worker.reset();
}

void SecondReviewPage::retranslate()
{
    m_shareLabel->setText(tr("&Share:"));
    m_sample->setText(tr("&Sample now"));
    m_refresh->setText(tr("Refresh"));
    m_reasonsLabel->setText(tr("Reasons for an overturn to rejection:"));
    m_note->setPlaceholderText(tr("Note (optional)"));
    m_confirm->setText(tr("&Confirm first decision"));
    m_overturn->setText(m_openItem && m_firstVerdict == Verdict::Reject ? tr("&Overturn: approve") : tr("&Overturn: reject"));
    const QString language = UiLanguage::catalogLanguage();
    for (int row = 0; row < m_reasons->rowCount(); ++row) {
        QStandardItem* item = m_reasons->item(row);
        if (const Reason* r = ReasonCatalog::builtIn().find(item->data(Qt::UserRole).toString()))
            item->setText(QStringLiteral("%1. %2").arg(r->number).arg(r->title(language)));
    }
    m_submitted->setTitle(tr("Submitted photo"));
    m_enrollment->setTitle(tr("Enrollment photo"));
    m_idCard->setTitle(tr("ID card photo"));
    if (!m_openItem)
        m_header->setText(tr("Select a decision to review it a second time."));
}

void SecondReviewPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QStringList SecondReviewPage::checkedReasons() const
{
    QStringList ids;
    for (int row = 0; row < m_reasons->rowCount(); ++row)
        if (m_reasons->item(row)->checkState() == Qt::Checked)
            ids << m_reasons->item(row)->data(Qt::UserRole).toString();
    return ids;
}

void SecondReviewPage::updateButtons()
{
    const bool open = m_openItem != 0 && !m_busy;
    m_confirm->setEnabled(open);
    // Overturning an approval needs reasons (a rejection); overturning a rejection must not have any.
    const bool reasonsFit = m_firstVerdict == Verdict::Approve ? !checkedReasons().isEmpty() : checkedReasons().isEmpty();
    m_overturn->setEnabled(open && reasonsFit);
    m_reasonList->setEnabled(open && m_firstVerdict == Verdict::Approve);
    m_sample->setEnabled(!m_busy);
}

void SecondReviewPage::refresh()
{
    std::shared_ptr<const Store> store = m_store;
    std::shared_ptr<SecondReview> service = m_service;
    const Session who = m_session;
    whenFinished(this, m_worker->run([store, service, who]() -> Result<PendingList> {
        auto items = service->pendingFor(who, 200);
        if (!items)
            return items.error();
        PendingList list;
        list.items = std::move(items).value();
        try {
            UserRepository users(store->db());
            for (const SecondReviewItem& it : list.items)
                if (!list.reviewers.contains(it.firstReviewerId))
                    if (const auto u = users.find(it.firstReviewerId))
                        list.reviewers.insert(u->id, u->displayName.isEmpty() ? u->username : u->displayName);
        } catch (const StoreError& e) {
            return Error{e.code(), e.message()};
        }
        return list;
    }),
                 [this](const Result<PendingList>& result) {
                     if (!result) {
                         emit statusMessage(ErrorTexts::text(result.error()));
                         emit listLoaded(-1);
                         return;
                     }
                     m_model->setItems(result.value().items, result.value().reviewers);
                     m_view->resizeColumnsToContents();
                     emit listLoaded(m_model->rowCount());
                 });
}

void SecondReviewPage::sampleNow()
{
    if (m_busy)
        return;
    m_busy = true;
    updateButtons();
    const double share = m_share->value() / 100.0;
    const quint64 seed = QRandomGenerator::global()->generate64();
    std::shared_ptr<SecondReview> service = m_service;
    const Session who = m_session;
    whenFinished(this, m_worker->run([service, who, share, seed] { return service->sample(who, share, seed); }),
                 [this](const Result<int>& result) {
                     m_busy = false;
                     updateButtons();
                     if (!result)
                         emit statusMessage(ErrorTexts::text(result.error()));
                     else
                         emit statusMessage(tr("%n decision(s) sampled for second review", "", result.value()));
                     refresh();
                 });
}

void SecondReviewPage::openRow(int row)
{
    const SecondReviewItem* item = m_model->item(row);
    if (!item)
        return;
    m_openItem = item->id;
    m_firstVerdict = item->firstVerdict;
    for (int r = 0; r < m_reasons->rowCount(); ++r)
        m_reasons->item(r)->setCheckState(Qt::Unchecked);
    m_note->clear();
    const QString verdict = item->firstVerdict == Verdict::Approve ? tr("approved") : tr("rejected");
    m_header->setText(tr("Submission %1, first decision: %2 (%3)")
                          .arg(item->attemptId)
                          .arg(verdict, m_model->index(row, SecondReviewModel::FirstReviewer).data().toString()));
    for (PhotoPane* pane : {m_submitted, m_enrollment, m_idCard})
        pane->showLoading();
    retranslate();
    updateButtons();

    const quint64 generation = ++m_generation;
    const Id attemptId = item->attemptId;
    std::shared_ptr<Store> store = m_store;
    whenFinished(this, m_worker->run([store, attemptId]() -> Result<OpenedItem> {
        auto bundle = loadSubmission(*store, attemptId);
        if (!bundle)
            return bundle.error();
        OpenedItem opened;
        opened.bundle = std::move(bundle).value();
        opened.submitted = decodeOrNote(opened.bundle.submitted);
        opened.enrollment = decodeOrNote(opened.bundle.enrollment);
        opened.idCard = decodeOrNote(opened.bundle.idCard);
        return opened;
    }),
                 [this, generation](const Result<OpenedItem>& result) {
                     if (generation != m_generation)
                         return;
                     if (!result) {
                         m_submitted->showProblem(ErrorTexts::text(result.error()));
                         return;
                     }
                     const OpenedItem& o = result.value();
                     m_header->setText(m_header->text() + QStringLiteral(" · %1 %2").arg(o.bundle.student.name, o.bundle.student.studentNumber));
                     m_submitted->showPhoto(o.submitted);
                     m_enrollment->showPhoto(o.enrollment);
                     m_idCard->showPhoto(o.idCard);
                     emit itemOpened(o.bundle.attempt.id);
                 });
}

void SecondReviewPage::confirm()
{
    conclude(false);
}

void SecondReviewPage::overturn()
{
    conclude(true);
}

void SecondReviewPage::conclude(bool overturn)
{
    if (!m_openItem || m_busy)
        return;
    m_busy = true;
    updateButtons();
    const Id itemId = m_openItem;
    const Verdict verdict = m_firstVerdict == Verdict::Approve ? Verdict::Reject : Verdict::Approve;
    const QStringList reasons = verdict == Verdict::Reject ? checkedReasons() : QStringList{};
    const QString note = m_note->text();
    std::shared_ptr<SecondReview> service = m_service;
    const Session who = m_session;
    whenFinished(this, m_worker->run([service, who, itemId, overturn, verdict, reasons, note] {
        return overturn ? service->overturn(who, itemId, verdict, reasons, note) : service->confirm(who, itemId, note);
    }),
                 [this, overturn](const Status& result) {
                     m_busy = false;
                     if (!result) {
                         emit statusMessage(ErrorTexts::text(result.error()));
                     } else {
                         emit statusMessage(overturn ? tr("Overturned; the student is notified again.") : tr("First decision confirmed."));
                         m_openItem = 0;
                         for (PhotoPane* pane : {m_submitted, m_enrollment, m_idCard})
                             pane->showEmpty(QString());
                         retranslate();
                         refresh();
                     }
                     updateButtons();
                     emit concluded(result.ok());
                 });
}

} // namespace pd
