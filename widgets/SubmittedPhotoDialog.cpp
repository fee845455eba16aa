#include "widgets/SubmittedPhotoDialog.h"

#include "core/review/ReasonCatalog.h"
#include "core/store/Store.h"
#include "widgets/ErrorTexts.h"
#include "widgets/RuleFlagsPanel.h"
#include "widgets/StudentSearchModel.h"
#include "widgets/TimelineModel.h"
#include "widgets/UiLanguage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace pd {

Result<SubmittedPhotoDisplay> loadSubmittedPhoto(const std::shared_ptr<const Store>& store, const Session& who, Id attemptId,
                                                 QSize canvas, qreal devicePixelRatio)
{
    auto opened = SubmittedPhotoViewer(store).open(who, attemptId);
    if (!opened)
        return opened.error();
    SubmittedPhotoDisplay display;
    display.view = std::move(opened).value();
    display.photo = decodePhoto(display.view.bytes, display.view.photo.fileName);
    // No photo cache in the hotline: the file's bytes go as soon as they are decoded, and the
    // decoded picture lives only as long as the dialog that shows it.
    display.view.bytes = QByteArray();
    scaleForDisplay(display.photo, canvas, devicePixelRatio);
    // The same configuration the pre-screen loads (shipped file + the school's override).
    auto config = rules::loadRuleConfig(rules::schoolRuleConfigPath());
    if (config)
        display.ruleConfig = config.value();
    return display;
}

SubmittedPhotoDialog::SubmittedPhotoDialog(Id attemptId, QWidget* parent) : QDialog(parent), m_attemptId(attemptId)
{
    setObjectName(QStringLiteral("submittedPhotoDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setModal(false); // the agent keeps talking and may write the call note meanwhile

    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("submittedPhotoHeader"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);

    m_photo = new PhotoPane(this);
    m_photo->setObjectName(QStringLiteral("submittedPhoto"));
    m_flags = new RuleFlagsPanel(m_photo, this);

    m_sentTitle = new QLabel(this);
    QFont bold = m_sentTitle->font();
    bold.setBold(true);
    m_sentTitle->setFont(bold);
    m_sent = new QTextBrowser(this);
    m_sent->setObjectName(QStringLiteral("sentToStudent"));
    m_sent->setOpenLinks(false);

    m_auditNote = new QLabel(this);
    m_auditNote->setObjectName(QStringLiteral("photoAuditNote"));
    m_auditNote->setWordWrap(true);
    m_close = new QPushButton(this);
    m_close->setObjectName(QStringLiteral("closePhotoButton"));
    m_close->setDefault(true);
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);

    auto* right = new QVBoxLayout;
    right->addWidget(m_flags, 3);
    right->addWidget(m_sentTitle);
    right->addWidget(m_sent, 2);
    auto* body = new QHBoxLayout;
    body->addWidget(m_photo, 4);
    body->addLayout(right, 5);
    auto* footer = new QHBoxLayout;
    footer->addWidget(m_auditNote, 1);
    footer->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addLayout(body, 1);
    layout->addLayout(footer);
    resize(1180, 760);
    retranslate();
}

void SubmittedPhotoDialog::showLoading()
{
    m_view.reset();
    m_photo->showLoading();
    m_flags->clear();
    retranslate();
}

QSize SubmittedPhotoDialog::canvasSize() const
{
    return m_photo->canvasSize();
}

void SubmittedPhotoDialog::showResult(const Result<SubmittedPhotoDisplay>& result)
{
    if (!result) {
        m_view.reset();
        m_flags->clear();
        m_photo->showProblem(ErrorTexts::text(result.error()));
        retranslate();
        return;
    }
    const SubmittedPhotoDisplay& display = result.value();
    m_view = display.view;
    m_photo->showPhoto(display.photo); // a photo that cannot be decoded shows why, in red
    m_flags->showStored(m_attemptId, display.view.rules, display.ruleConfig);
    retranslate();
}

QString SubmittedPhotoDialog::sentText() const
{
    return m_sent->toPlainText();
}

QString SubmittedPhotoDialog::sentHtml() const
{
    if (!m_view)
        return {};
    const QString lang = UiLanguage::catalogLanguage();
    QString html;
    if (const auto& d = m_view->decision) {
        html += QStringLiteral("<p><b>%1</b> · %2</p>")
                    .arg((d->verdict == Verdict::Reject ? tr("Rejected") : tr("Approved")).toHtmlEscaped(),
                         tr("decided %1").arg(d->decidedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))).toHtmlEscaped());
        if (!d->reasons.isEmpty()) {
            html += QStringLiteral("<p>%1</p><ul>").arg(tr("Reasons as sent to the student:").toHtmlEscaped());
            for (const QString& id : d->reasons) {
                const Reason* r = ReasonCatalog::builtIn().find(id);
                html += QStringLiteral("<li>%1</li>")
                            .arg(r ? tr("<b>%1</b>: %2").arg(r->title(lang).toHtmlEscaped(), r->studentText(lang).toHtmlEscaped())
                                   : id.toHtmlEscaped());
            }
            html += QStringLiteral("</ul>");
        }
    } else {
        html += QStringLiteral("<p>%1</p>").arg(tr("Not decided yet: no result has been sent.").toHtmlEscaped());
    }
    if (m_view->sms.empty())
        html += QStringLiteral("<p>%1</p>").arg(tr("No SMS was written for this submission.").toHtmlEscaped());
    for (const SentSms& s : m_view->sms) {
        QString state = TimelineModel::smsStateText(s.state, s.deliveryStatus, s.lastError);
        state.replace(QLatin1Char('\n'), QStringLiteral(" · "));
        const QString when = (s.sentAt.isValid() ? s.sentAt : s.createdAt).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        html += QStringLiteral("<p><b>%1</b> · %2 · %3</p><blockquote>%4</blockquote>")
                    .arg((s.resend ? tr("SMS (resent)") : tr("SMS")).toHtmlEscaped(), when.toHtmlEscaped(), state.toHtmlEscaped(),
                         s.text.toHtmlEscaped());
    }
    return html;
}

void SubmittedPhotoDialog::retranslate()
{
    setWindowTitle(tr("Submitted photo (read-only)"));
    m_photo->setTitle(tr("Submitted photo"));
    m_photo->retranslate();
    m_sentTitle->setText(tr("Sent to the student"));
    m_auditNote->setText(tr("Read-only: nothing can be decided here. Opening this photo has been recorded in the audit log."));
    m_close->setText(tr("&Close"));
    if (m_view) {
        m_header->setText(tr("<b>Submission %1</b> (attempt #%2) · %3")
                              .arg(m_view->externalId.toHtmlEscaped())
                              .arg(m_attemptId)
                              .arg(StudentSearchModel::stateText(toString(m_view->attemptState)).toHtmlEscaped()));
    } else {
        m_header->setText(tr("<b>Attempt #%1</b>").arg(m_attemptId));
    }
    m_sent->setHtml(sentHtml());
}

void SubmittedPhotoDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace pd
