#include "widgets/ReviewKeys.h"

#include <QShortcut>
#include <QWidget>

#include <cstdlib>
#include <cstring>

namespace pd {

namespace {
QList<QKeySequence> digitKeys()
{
    QList<QKeySequence> keys;
    for (int d = 0; d <= 9; ++d)
        keys << QKeySequence(Qt::Key_0 + d);
    for (int d = 0; d <= 9; ++d)
        keys << QKeySequence(Qt::KeypadModifier | Qt::Key(Qt::Key_0 + d));
    return keys;
}
} // namespace

const std::vector<ReviewKeys::Action>& ReviewKeys::table()
{
    using G = Group;
    static const std::vector<Action> actions{
        // Deciding (review workspace).
        {"approve", G::Decide, {QKeySequence(Qt::Key_A)}, QT_TRANSLATE_NOOP("ReviewKeys", "Approve the open submission (checklist ticked first)")},
        {"reject", G::Decide, {QKeySequence(Qt::Key_R)}, QT_TRANSLATE_NOOP("ReviewKeys", "Reject with the checked reasons")},
        {"reasons", G::Decide, digitKeys(),
         QT_TRANSLATE_NOOP("ReviewKeys", "Toggle a reason by its number (type two digits quickly, e.g. 1 2)"), "1 … 28"},
        {"overlay", G::Decide, {QKeySequence(Qt::Key_O)}, QT_TRANSLATE_NOOP("ReviewKeys", "Show or hide the rule overlay on the submitted photo")},
        // Moving through the queue.
        {"next", G::Move, {QKeySequence(Qt::Key_J), QKeySequence(Qt::Key_PageDown)}, QT_TRANSLATE_NOOP("ReviewKeys", "Next submission")},
        {"previous", G::Move, {QKeySequence(Qt::Key_K), QKeySequence(Qt::Key_PageUp)}, QT_TRANSLATE_NOOP("ReviewKeys", "Previous submission")},
        {"claim-next", G::Move, {QKeySequence(Qt::Key_N)}, QT_TRANSLATE_NOOP("ReviewKeys", "Claim the next submission nobody holds")},
        {"refresh", G::Move, {QKeySequence(Qt::Key_F5)}, QT_TRANSLATE_NOOP("ReviewKeys", "Refresh the queue")},
        {"queue", G::Move, {QKeySequence(Qt::Key_Escape)}, QT_TRANSLATE_NOOP("ReviewKeys", "Leave the note field, back to the queue")},
        {"clean-lane", G::Move, {QKeySequence(Qt::Key_G)},
         QT_TRANSLATE_NOOP("ReviewKeys", "Open the clean lane (when a supervisor has switched it on)")},
        // Comparing the three photos.
        {"zoom-in", G::Compare, {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence(Qt::KeypadModifier | Qt::Key_Plus)},
         QT_TRANSLATE_NOOP("ReviewKeys", "Zoom in on the face, all three photos together (also the mouse wheel)")},
        {"zoom-out", G::Compare, {QKeySequence(Qt::Key_Minus), QKeySequence(Qt::KeypadModifier | Qt::Key_Minus)},
         QT_TRANSLATE_NOOP("ReviewKeys", "Zoom out")},
        {"zoom-face", G::Compare, {QKeySequence(Qt::Key_Z)}, QT_TRANSLATE_NOOP("ReviewKeys", "Face zoom on or off (same facial area in every photo)")},
        {"pan", G::Compare,
         {QKeySequence(Qt::SHIFT | Qt::Key_Left), QKeySequence(Qt::SHIFT | Qt::Key_Right), QKeySequence(Qt::SHIFT | Qt::Key_Up),
          QKeySequence(Qt::SHIFT | Qt::Key_Down)},
         QT_TRANSLATE_NOOP("ReviewKeys", "Move the zoomed view (also dragging with the mouse)"), "Shift + ← → ↑ ↓"},
        {"rotate-left", G::Compare, {QKeySequence(Qt::Key_BracketLeft)},
         QT_TRANSLATE_NOOP("ReviewKeys", "Rotate the active photo 90° to the left (display only, the file is not changed)")},
        {"rotate-right", G::Compare, {QKeySequence(Qt::Key_BracketRight)},
         QT_TRANSLATE_NOOP("ReviewKeys", "Rotate the active photo 90° to the right (display only)")},
        {"active-photo", G::Compare, {QKeySequence(Qt::Key_P)},
         QT_TRANSLATE_NOOP("ReviewKeys", "Make the next photo the active one (rotation; also a click)")},
        {"loupe", G::Compare, {QKeySequence(Qt::Key_L)}, QT_TRANSLATE_NOOP("ReviewKeys", "Loupe on or off (follows the mouse)")},
        {"loupe-eyes", G::Compare, {QKeySequence(Qt::Key_E)}, QT_TRANSLATE_NOOP("ReviewKeys", "Loupe on the eyes")},
        {"loupe-mouth", G::Compare, {QKeySequence(Qt::Key_M)}, QT_TRANSLATE_NOOP("ReviewKeys", "Loupe on the mouth")},
        {"loupe-ears", G::Compare, {QKeySequence(Qt::Key_H)}, QT_TRANSLATE_NOOP("ReviewKeys", "Loupe on the ears (press again for the other ear)")},
        {"blink", G::Compare, {QKeySequence(Qt::Key_B)},
         QT_TRANSLATE_NOOP("ReviewKeys", "Blink: alternate the submitted and the enrollment face, aligned on the eyes")},
        {"reset-view", G::Compare, {QKeySequence(Qt::Key_Home)},
         QT_TRANSLATE_NOOP("ReviewKeys", "Whole photos again: no zoom, rotation, loupe or blink")},
        {"fullscreen", G::Compare, {QKeySequence(Qt::Key_F), QKeySequence(Qt::Key_F11)},
         QT_TRANSLATE_NOOP("ReviewKeys", "Full-screen comparison on or off (Esc leaves it)")},
        // The clean lane's grid.
        {"lane-move", G::CleanLane, {QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_Up), QKeySequence(Qt::Key_Down)},
         QT_TRANSLATE_NOOP("ReviewKeys", "Move between the tiles"), "← → ↑ ↓"},
        {"lane-toggle", G::CleanLane, {QKeySequence(Qt::Key_Space)}, QT_TRANSLATE_NOOP("ReviewKeys", "Select or deselect the tile (also a click)")},
        {"lane-select-all", G::CleanLane, {QKeySequence(Qt::CTRL | Qt::Key_A)}, QT_TRANSLATE_NOOP("ReviewKeys", "Select every tile")},
        {"lane-select-none", G::CleanLane, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)}, QT_TRANSLATE_NOOP("ReviewKeys", "Deselect every tile")},
        {"lane-approve", G::CleanLane, {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
         QT_TRANSLATE_NOOP("ReviewKeys", "Approve the selected tiles (after a confirmation with their number)")},
        {"lane-next-page", G::CleanLane, {QKeySequence(Qt::CTRL | Qt::Key_N)},
         QT_TRANSLATE_NOOP("ReviewKeys", "Next page: the tiles not approved go back to the normal queue")},
        {"lane-back", G::CleanLane, {QKeySequence(Qt::Key_Escape)}, QT_TRANSLATE_NOOP("ReviewKeys", "Back to the review workspace")},
        // The window.
        {"shortcuts", G::Window, {QKeySequence(Qt::Key_F1), QKeySequence(Qt::Key_Question)}, QT_TRANSLATE_NOOP("ReviewKeys", "This list of keys")},
        {"logout", G::Window, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)}, QT_TRANSLATE_NOOP("ReviewKeys", "Log out")},
        {"quit", G::Window, {QKeySequence(Qt::CTRL | Qt::Key_Q)}, QT_TRANSLATE_NOOP("ReviewKeys", "Quit PhotoDesk")},
    };
    return actions;
}

const ReviewKeys::Action& ReviewKeys::action(const char* id)
{
    for (const Action& a : table())
        if (std::strcmp(a.id, id) == 0)
            return a;
    qFatal("ReviewKeys: no action \"%s\" in the key table", id);
    std::abort();
}

QList<QKeySequence> ReviewKeys::keys(const char* id)
{
    return action(id).keys;
}

QString ReviewKeys::text(const Action& a)
{
    return tr(a.text);
}

QString ReviewKeys::keyText(const Action& a)
{
    if (a.display)
        return QString::fromUtf8(a.display);
    QStringList parts;
    for (const QKeySequence& k : a.keys) {
        const QString t = k.toString(QKeySequence::NativeText);
        if (!parts.contains(t))
            parts << t;
    }
    return parts.join(QStringLiteral(" / "));
}

QString ReviewKeys::groupName(Group group)
{
    switch (group) {
    case Group::Decide:
        return tr("Deciding");
    case Group::Move:
        return tr("Moving through the queue");
    case Group::Compare:
        return tr("Comparing the photos");
    case Group::CleanLane:
        return tr("Clean lane");
    case Group::Window:
        return tr("Window");
    }
    return {};
}

QList<QShortcut*> ReviewKeys::bind(QWidget* parent, const char* id, Qt::ShortcutContext context, std::function<void(int)> run,
                                   bool autoRepeat)
{
    QList<QShortcut*> made;
    const QList<QKeySequence> sequences = keys(id);
    for (int i = 0; i < sequences.size(); ++i) {
        auto* s = new QShortcut(sequences.at(i), parent);
        s->setObjectName(QStringLiteral("key_%1_%2").arg(QLatin1String(id)).arg(i));
        s->setContext(context);
        s->setAutoRepeat(autoRepeat);
        QObject::connect(s, &QShortcut::activated, parent, [run, i] { run(i); });
        made << s;
    }
    return made;
}

} // namespace pd
