#pragma once

#include <QWidget>

class QLabel;

namespace pd {

// The Hotline and Supervision workspaces: they exist (roles land on them) and say what is
// coming; their content arrives with the hotline and supervision issues.
class PlaceholderPage : public QWidget {
    Q_OBJECT

public:
    enum class Kind { Hotline, Supervision };
    explicit PlaceholderPage(Kind kind, QWidget* parent = nullptr);
    Kind kind() const { return m_kind; }
    QString title() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    Kind m_kind;
    QLabel* m_heading;
    QLabel* m_text;
};

} // namespace pd
