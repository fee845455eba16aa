#pragma once

#include <QCoreApplication>
#include <QKeySequence>
#include <QList>
#include <QString>

#include <functional>
#include <vector>

class QShortcut;
class QWidget;

namespace pd {

// Every key of the reviewer's window in ONE table: the review workspace, the compare tools, the
// full-screen comparison, the clean lane and the window's own keys. Widgets create their
// shortcuts from it (bind), the main window takes its menu keys from it (keys), and the
// shortcut overlay (F1 / ?) lists it — so the list cannot drift from what the keys do
// (tst_gui_compare checks every shortcut of the window against it).
class ReviewKeys {
    Q_DECLARE_TR_FUNCTIONS(ReviewKeys)

public:
    enum class Group { Decide, Move, Compare, CleanLane, Window };

    struct Action {
        const char* id;
        Group group;
        QList<QKeySequence> keys;
        const char* text;    // QT_TRANSLATE_NOOP("ReviewKeys", …): what the key does
        const char* display = nullptr; // how to write the keys when not one by one (e.g. "1 … 28")
    };

    static const std::vector<Action>& table();
    // The action with this id; aborts on an unknown id (a programming error caught by every test).
    static const Action& action(const char* id);
    static QList<QKeySequence> keys(const char* id);
    static QString text(const Action& a);        // translated
    static QString keyText(const Action& a);     // "J / PgDown", native key names
    static QString groupName(Group group);       // translated

    // One QShortcut per key of the action, children of `parent` with `context`, no auto-repeat
    // unless asked; `run` gets the index of the key that fired (pan: which arrow).
    static QList<QShortcut*> bind(QWidget* parent, const char* id, Qt::ShortcutContext context,
                                  std::function<void(int keyIndex)> run, bool autoRepeat = false);
};

} // namespace pd
