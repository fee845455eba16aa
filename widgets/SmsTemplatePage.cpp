#include "widgets/SmsTemplatePage.h"

#include "core/notify/SmsComposer.h"
#include "core/notify/SmsTemplates.h"
#include "core/review/ReasonCatalog.h"
#include "widgets/ErrorTexts.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

SmsTemplatePage::SmsTemplatePage(std::shared_ptr<Store> store, Session session, QWidget* parent)
    : QWidget(parent), m_store(std::move(store)), m_session(std::move(session))
{
    setObjectName(QStringLiteral("smsTemplatePage"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_origin = new QLabel(this);
    m_origin->setObjectName(QStringLiteral("smsTemplateOrigin"));
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("smsTemplateEditor"));
    m_previewTitle = new QLabel(this);
    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("smsTemplatePreview"));
    m_preview->setReadOnly(true);
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("smsTemplateSave"));
    m_reset = new QPushButton(this);
    m_reset->setObjectName(QStringLiteral("smsTemplateReset"));
    const bool mayEdit = SmsTemplates::mayEdit(m_session.role);
    m_editor->setReadOnly(!mayEdit);
    m_save->setEnabled(mayEdit);
    m_reset->setEnabled(mayEdit);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_origin, 1);
    buttons->addWidget(m_reset);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_editor, 3);
    layout->addLayout(buttons);
    layout->addWidget(m_previewTitle);
    layout->addWidget(m_preview, 2);

    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        m_edited = true;
        updatePreview();
    });
    connect(m_save, &QPushButton::clicked, this, &SmsTemplatePage::save);
    connect(m_reset, &QPushButton::clicked, this, &SmsTemplatePage::resetToBuiltIn);
    retranslate();
    reload();
}

void SmsTemplatePage::retranslate()
{
    m_intro->setText(tr("The text students receive after a decision. {name} is the student's name, {reasons} the "
                        "rejection reasons; the school's signature stays in 【】. Changes apply to decisions made "
                        "after the reviewers' next login and are recorded in the audit log."));
    m_previewTitle->setText(tr("Preview (approval, then a rejection with two reasons):"));
    m_save->setText(tr("Save templates"));
    m_reset->setText(tr("Back to the built-in templates"));
    updatePreview();
}

void SmsTemplatePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SmsTemplatePage::reload()
{
    // A few hundred bytes from one indexed row: cheap enough for the UI thread.
    auto current = SmsTemplates(m_store).current();
    if (!current) {
        emit statusMessage(ErrorTexts::text(current.error()));
        return;
    }
    const QSignalBlocker block(m_editor);
    m_editor->setPlainText(QString::fromUtf8(current->first));
    m_origin->setText(current->second ? tr("Edited templates in force") : tr("Built-in templates in force"));
    m_edited = false;
    updatePreview();
}

void SmsTemplatePage::updatePreview()
{
    auto composer = SmsComposer::fromJson(m_editor->toPlainText().toUtf8());
    if (!composer) {
        m_preview->setPlainText(tr("Not valid yet: %1").arg(composer.error().message));
        m_save->setEnabled(false);
        return;
    }
    m_save->setEnabled(SmsTemplates::mayEdit(m_session.role));
    Student sample;
    sample.name = tr("Wang Xiaoming");
    const ReasonCatalog& catalog = ReasonCatalog::builtIn();
    const QString language = QLocale().name();
    const SmsText ok = composer->compose(sample, Verdict::Approve, {}, catalog, language);
    const SmsText no = composer->compose(sample, Verdict::Reject, {QStringLiteral("BACKGROUND_BLUE"), QStringLiteral("SHARPNESS")},
                                         catalog, language);
    auto line = [this](const SmsText& t) {
        return tr("%1\n(%2 characters, %3 SMS%4)").arg(t.text).arg(t.characters).arg(t.parts).arg(t.tooLong ? tr(", too long") : QString());
    };
    m_preview->setPlainText(line(ok) + QStringLiteral("\n\n") + line(no));
}

void SmsTemplatePage::save()
{
    const Status saved = SmsTemplates(m_store).save(m_session, m_editor->toPlainText().toUtf8());
    if (!saved) {
        emit statusMessage(ErrorTexts::text(saved.error()));
        return;
    }
    emit statusMessage(tr("SMS templates saved."));
    reload();
}

void SmsTemplatePage::resetToBuiltIn()
{
    const Status done = SmsTemplates(m_store).reset(m_session);
    if (!done) {
        emit statusMessage(ErrorTexts::text(done.error()));
        return;
    }
    emit statusMessage(tr("Back to the built-in SMS templates."));
    reload();
}

} // namespace pd
