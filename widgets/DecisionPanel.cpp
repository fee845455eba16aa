#include "widgets/DecisionPanel.h"

#include "core/notify/SmsComposer.h"
#include "core/review/ReasonCatalog.h"
#include "widgets/UiLanguage.h"
#include "widgets/VerdictStyle.h"
#include "widgets/WrappingItemDelegate.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

#include <utility>

namespace pd {

namespace {
constexpr int kNumberRole = Qt::UserRole + 1;
constexpr int kIdRole = Qt::UserRole + 2;

QLabel* sectionTitle(QWidget* parent, const char* objectName)
{
    auto* l = new QLabel(parent);
    l->setObjectName(QLatin1String(objectName));
    l->setWordWrap(true); // a narrow column wraps the title instead of cutting it
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}
} // namespace

DecisionPanel::DecisionPanel(const ReasonCatalog& catalog, const SmsComposer& sms, QWidget* parent)
    : QWidget(parent), m_catalog(catalog), m_sms(sms)
{
    setObjectName(QStringLiteral("decisionPanel"));

    m_reasonsTitle = sectionTitle(this, "reasonsTitle");
    m_checkedSummary = new QLabel(this);
    m_checkedSummary->setObjectName(QStringLiteral("checkedReasons"));
    m_checkedSummary->setWordWrap(true);
    m_checkedSummary->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // One column of reasons, each title in full (wrapped, never elided: issue 15), numbered for
    // the 1–28 keys; the list scrolls when the column is short, and the summary under it says which
    // are checked, scrolled out of view or not. The scroll bar is always there so the width the
    // titles wrap at does not change with the window's height.
    m_reasons = new QListWidget(this);
    m_reasons->setObjectName(QStringLiteral("reasonList"));
    m_reasons->setFlow(QListView::TopToBottom);
    m_reasons->setWrapping(false);
    m_reasons->setResizeMode(QListView::Adjust);
    m_reasons->setUniformItemSizes(false);
    m_reasons->setWordWrap(true);
    m_reasons->setTextElideMode(Qt::ElideNone);
    m_reasons->setItemDelegate(new WrappingItemDelegate(m_reasons));
    m_reasons->setSelectionMode(QAbstractItemView::SingleSelection);
    m_reasons->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_reasons->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_reasons->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_reasons->setMinimumHeight(m_reasons->fontMetrics().height() * 3);
    fillReasons();
    connect(m_reasons, &QListWidget::itemChanged, this, [this] {
        m_touched = true; // programmatic changes block the signal
        updateState();
        emit reasonsChanged();
    });
    connect(m_reasons, &QListWidget::itemActivated, this, [](QListWidgetItem* item) {
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    });

    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 2 + 12);

    m_smsTitle = sectionTitle(this, "smsTitle");
    m_smsLength = new QLabel(this);
    m_smsLength->setObjectName(QStringLiteral("smsLength"));
    m_smsLength->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_smsPreview = new QPlainTextEdit(this);
    m_smsPreview->setObjectName(QStringLiteral("smsPreview"));
    m_smsPreview->setReadOnly(true);
    m_smsPreview->setFocusPolicy(Qt::ClickFocus);
    m_smsPreview->setStyleSheet(QStringLiteral("QPlainTextEdit { background: #f7f8fa; }"));
    // Two lines in view (it scrolls): the photos, not the SMS, get the window's height.
    m_smsPreview->setFixedHeight(m_smsPreview->fontMetrics().lineSpacing() * 2 + 12);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("decisionMessage"));
    m_message->setWordWrap(true);
    m_message->setMinimumHeight(m_message->fontMetrics().height());
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_approve = new QPushButton(this);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_approve->setFocusPolicy(Qt::TabFocus);
    m_approve->setMinimumHeight(34);
    m_approve->setStyleSheet(QStringLiteral(
        "QPushButton { background: #2e7d32; color: white; border: none; border-radius: 4px; font-weight: bold; padding: 6px 18px; }"
        "QPushButton:hover { background: #388e3c; }"
        "QPushButton:disabled { background: #c8d3c9; color: #f5f5f5; }"));
    // The buttons' colours carry a shape too (colour-blind safe): ✓ disc, ✗ square.
    m_approve->setIcon(VerdictStyle::icon(VerdictMark::Pass, true));
    m_reject = new QPushButton(this);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_reject->setFocusPolicy(Qt::TabFocus);
    m_reject->setMinimumHeight(34);
    m_reject->setStyleSheet(QStringLiteral(
        "QPushButton { background: #c62828; color: white; border: none; border-radius: 4px; font-weight: bold; padding: 6px 18px; }"
        "QPushButton:hover { background: #d32f2f; }"
        "QPushButton:disabled { background: #e3c5c5; color: #f5f5f5; }"));
    m_reject->setIcon(VerdictStyle::icon(VerdictMark::Fail, true));
    // Checklist rules: the reviewer confirms each before approving.
    m_checklistTitle = sectionTitle(this, "checklistTitle");
    for (const Reason& r : m_catalog.reasons()) {
        if (r.kind != QLatin1String("checklist"))
            continue;
        auto* box = new QCheckBox(this);
        box->setObjectName(QStringLiteral("checklist_") + r.id);
        box->setProperty("ruleId", r.id);
        box->setFocusPolicy(Qt::TabFocus);
        connect(box, &QCheckBox::toggled, this, [this] { updateState(); });
        m_checklist.append(box);
    }
    // Tab: reasons, the checklist, the note, then approve and reject (top to bottom).
    QWidget* previous = m_reasons;
    for (QCheckBox* box : m_checklist)
        setTabOrder(std::exchange(previous, box), box);
    setTabOrder(previous, m_note);
    setTabOrder(m_note, m_approve);
    setTabOrder(m_approve, m_reject);
    connect(m_approve, &QPushButton::clicked, this, &DecisionPanel::approveClicked);
    connect(m_reject, &QPushButton::clicked, this, &DecisionPanel::rejectClicked);

    // One column, top to bottom (the review workspace's side column): the reasons take the
    // height that is left, everything else its own.
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addWidget(m_reasonsTitle);
    layout->addWidget(m_reasons, 1);
    // Under the list, what is checked (scrolled out of view or not), beside the checklist's title.
    auto* underReasons = new QHBoxLayout;
    underReasons->addWidget(m_checklistTitle, 1);
    underReasons->addWidget(m_checkedSummary);
    layout->addLayout(underReasons);
    for (QCheckBox* box : m_checklist)
        layout->addWidget(box); // one per line: a long title never widens the column
    // The note's title is its tooltip and placeholder (no line of its own in a short window).
    layout->addWidget(m_note);
    auto* smsHeader = new QHBoxLayout;
    smsHeader->addWidget(m_smsTitle);
    smsHeader->addStretch(1);
    smsHeader->addWidget(m_smsLength);
    layout->addLayout(smsHeader);
    layout->addWidget(m_smsPreview);
    layout->addWidget(m_message);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_approve, 1);
    buttons->addWidget(m_reject, 1);
    layout->addLayout(buttons);

    retranslate();
    updateState();
}

void DecisionPanel::fillReasons()
{
    const QSignalBlocker block(m_reasons);
    QSet<QString> checked;
    for (int i = 0; i < m_reasons->count(); ++i) {
        if (m_reasons->item(i)->checkState() == Qt::Checked)
            checked.insert(m_reasons->item(i)->data(kIdRole).toString());
    }
    m_reasons->clear();
    const QString lang = UiLanguage::catalogLanguage();
    const QString other = lang == QLatin1String("en") ? QStringLiteral("zh") : QStringLiteral("en");
    for (const Reason& r : m_catalog.reasons()) {
        auto* item = new QListWidgetItem(QStringLiteral("%1  %2").arg(r.number, 2).arg(r.title(lang)), m_reasons);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(r.id) ? Qt::Checked : Qt::Unchecked);
        item->setData(kNumberRole, r.number);
        item->setData(kIdRole, r.id);
        if (m_suggested.contains(r.id) && checked.contains(r.id)) {
            QFont f = item->font();
            f.setItalic(true);
            item->setFont(f);
        }
        item->setToolTip(QStringLiteral("<b>%1. %2</b><br>%3<br><br>%4<br><i>%5</i>")
                             .arg(r.number)
                             .arg(r.title(lang).toHtmlEscaped(), r.title(other).toHtmlEscaped(),
                                  tr("The student reads: %1").arg(r.studentText(lang)).toHtmlEscaped(), r.id));
    }
}

QStringList DecisionPanel::checkedReasonIds() const
{
    QStringList ids;
    for (int i = 0; i < m_reasons->count(); ++i) {
        if (m_reasons->item(i)->checkState() == Qt::Checked)
            ids << m_reasons->item(i)->data(kIdRole).toString();
    }
    return ids;
}

QList<int> DecisionPanel::checkedNumbers() const
{
    QList<int> numbers;
    for (int i = 0; i < m_reasons->count(); ++i) {
        if (m_reasons->item(i)->checkState() == Qt::Checked)
            numbers << m_reasons->item(i)->data(kNumberRole).toInt();
    }
    return numbers;
}

int DecisionPanel::reasonCount() const
{
    return m_reasons->count();
}

bool DecisionPanel::toggleReason(int number)
{
    if (!m_decidable || m_busy)
        return false;
    for (int i = 0; i < m_reasons->count(); ++i) {
        QListWidgetItem* item = m_reasons->item(i);
        if (item->data(kNumberRole).toInt() == number) {
            item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
            m_reasons->setCurrentItem(item);
            m_reasons->scrollToItem(item);
            return true;
        }
    }
    return false;
}

QString DecisionPanel::note() const
{
    return m_note->toPlainText().trimmed();
}

void DecisionPanel::setStudent(const std::optional<Student>& student)
{
    m_student = student;
    m_touched = false;
    if (!student)
        m_suggested.clear();
    {
        const QSignalBlocker block(m_reasons);
        for (int i = 0; i < m_reasons->count(); ++i)
            m_reasons->item(i)->setCheckState(Qt::Unchecked);
    }
    for (QCheckBox* box : m_checklist) {
        const QSignalBlocker block(box);
        box->setChecked(false);
    }
    if (student)
        applySuggestions();
    m_note->clear();
    m_message->clear();
    updateState();
    emit reasonsChanged();
}

bool DecisionPanel::setSuggestedReasons(const QStringList& ids)
{
    m_suggested = ids;
    if (!m_student || m_touched)
        return false;
    applySuggestions();
    updateState();
    emit reasonsChanged();
    return true;
}

void DecisionPanel::applySuggestions()
{
    const QSignalBlocker block(m_reasons);
    const QSet<QString> ids(m_suggested.cbegin(), m_suggested.cend());
    for (int i = 0; i < m_reasons->count(); ++i) {
        QListWidgetItem* item = m_reasons->item(i);
        const bool suggested = ids.contains(item->data(kIdRole).toString());
        item->setCheckState(suggested ? Qt::Checked : Qt::Unchecked);
        QFont f = item->font();
        f.setItalic(suggested); // marks what the machine proposed
        item->setFont(f);
    }
}

QStringList DecisionPanel::checklistIds() const
{
    QStringList ids;
    for (const QCheckBox* box : m_checklist)
        ids << box->property("ruleId").toString();
    return ids;
}

QStringList DecisionPanel::unconfirmedChecklist() const
{
    QStringList ids;
    for (const QCheckBox* box : m_checklist) {
        if (!box->isChecked())
            ids << box->property("ruleId").toString();
    }
    return ids;
}

void DecisionPanel::confirmChecklist()
{
    for (QCheckBox* box : m_checklist)
        box->setChecked(true);
}

void DecisionPanel::setChecklistHint(const QString& id, const QString& hint)
{
    for (QCheckBox* box : m_checklist) {
        if (box->property("ruleId").toString() == id)
            box->setToolTip(hint);
    }
}

void DecisionPanel::setDecidable(bool decidable)
{
    m_decidable = decidable;
    updateState();
}

void DecisionPanel::setBusy(bool busy)
{
    m_busy = busy;
    if (busy)
        showMessage(tr("Saving the decision…"), MessageKind::Info);
    updateState();
}

void DecisionPanel::showMessage(const QString& text, MessageKind kind)
{
    const char* color = kind == MessageKind::Error ? "#c62828" : kind == MessageKind::Success ? "#2e7d32" : "#4b5563";
    m_message->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(QLatin1String(color)));
    m_message->setText(text);
}

QString DecisionPanel::messageText() const
{
    return m_message->text();
}

void DecisionPanel::updateState()
{
    const bool active = m_decidable && !m_busy;
    const bool anyReason = !checkedReasonIds().isEmpty();
    m_reasons->setEnabled(active);
    m_note->setEnabled(active);
    const bool confirmed = checklistConfirmed();
    for (QCheckBox* box : m_checklist)
        box->setEnabled(active);
    m_approve->setEnabled(active && confirmed);
    m_approve->setToolTip(confirmed || !active ? QString() : tr("Tick the checklist items first: only a person can judge them."));
    m_reject->setEnabled(active && anyReason);
    m_reject->setToolTip(anyReason || !active ? QString() : tr("Choose at least one reason to reject."));
    updateCheckedSummary();
    updateSmsPreview();
}

void DecisionPanel::updateCheckedSummary()
{
    QStringList numbers;
    for (int n : checkedNumbers())
        numbers << QString::number(n);
    m_checkedSummary->setText(numbers.isEmpty() ? tr("No reason checked") : tr("Checked: %1").arg(numbers.join(QStringLiteral(", "))));
}

void DecisionPanel::updateSmsPreview()
{
    if (!m_student) {
        m_smsPreview->clear();
        m_smsLength->clear();
        return;
    }
    const QStringList reasons = checkedReasonIds();
    const Verdict verdict = reasons.isEmpty() ? Verdict::Approve : Verdict::Reject;
    // The SMS goes to the student in Chinese whatever the interface language is: preview
    // exactly what will be sent.
    const SmsText sms = m_sms.compose(*m_student, verdict, reasons, m_catalog, QStringLiteral("zh"));
    m_smsPreview->setPlainText(sms.text);
    m_smsTitle->setText(verdict == Verdict::Approve ? tr("SMS if approved") : tr("SMS if rejected"));
    QString length = tr("%n character(s)", "", sms.characters) + QStringLiteral(" · ") + tr("%n SMS part(s)", "", sms.parts);
    if (sms.tooLong)
        length = QStringLiteral("<span style='color:#c62828'><b>%1</b></span>").arg(tr("too long: %1").arg(length).toHtmlEscaped());
    m_smsLength->setText(length);
}

void DecisionPanel::retranslate()
{
    m_reasonsTitle->setText(tr("Rejection reasons (type the number to toggle)"));
    m_note->setPlaceholderText(tr("Note (optional): for colleagues and the record; not sent to the student"));
    m_note->setToolTip(tr("Note (optional, kept with the decision)"));
    m_note->setAccessibleName(m_note->toolTip());
    m_approve->setText(tr("Approve (A)"));
    m_checklistTitle->setText(tr("Confirm before approving"));
    const QString lang = UiLanguage::catalogLanguage();
    for (QCheckBox* box : m_checklist) {
        if (const Reason* r = m_catalog.find(box->property("ruleId").toString()))
            box->setText(r->title(lang));
    }
    m_reject->setText(tr("Reject (R)"));
    fillReasons();
    updateState();
}

} // namespace pd
