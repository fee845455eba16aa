#include "widgets/PlaceholderPage.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace pd {

PlaceholderPage::PlaceholderPage(Kind kind, QWidget* parent) : QWidget(parent), m_kind(kind)
{
    setObjectName(kind == Kind::Hotline ? QStringLiteral("hotlinePage") : QStringLiteral("supervisionPage"));
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("placeholderHeading"));
    QFont f = m_heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    m_heading->setFont(f);
    m_heading->setAlignment(Qt::AlignCenter);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("placeholderText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setStyleSheet(QStringLiteral("QLabel { color: #6b7280; }"));
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_heading);
    layout->addSpacing(12);
    layout->addWidget(m_text);
    layout->addStretch(3);
    retranslate();
}

QString PlaceholderPage::title() const
{
    return m_kind == Kind::Hotline ? tr("Hotline") : tr("Supervision");
}

void PlaceholderPage::retranslate()
{
    m_heading->setText(title());
    m_text->setText(m_kind == Kind::Hotline
                        ? tr("Coming soon: look up a caller's submissions and decisions, and call back students whose photos failed.")
                        : tr("Coming soon: review throughput, deadlines at risk, second reviews and the audit trail."));
}

void PlaceholderPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace pd
