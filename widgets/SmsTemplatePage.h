#pragma once

#include "core/domain/Types.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace pd {

class Store;

// Supervisors edit the SMS templates here: the JSON of the templates in force, a live preview
// of an approval and a rejection (exact text, characters and parts), save (validated by the
// core, audited) and back to the built-in templates. New decisions use the saved templates
// from the next time a reviewer logs in.
class SmsTemplatePage : public QWidget {
    Q_OBJECT

public:
    SmsTemplatePage(std::shared_ptr<Store> store, Session session, QWidget* parent = nullptr);

    QPlainTextEdit* editor() const { return m_editor; }

public slots:
    void reload();
    void save();
    void resetToBuiltIn();

signals:
    void statusMessage(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updatePreview();

    std::shared_ptr<Store> m_store;
    Session m_session;
    QLabel* m_intro;
    QLabel* m_origin;
    QPlainTextEdit* m_editor;
    QLabel* m_previewTitle;
    QPlainTextEdit* m_preview;
    QPushButton* m_save;
    QPushButton* m_reset;
    bool m_edited = false;
};

} // namespace pd
