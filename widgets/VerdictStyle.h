#pragma once

#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <QString>

class QPainter;
class QRectF;

namespace pd {

// Colour AND shape for every verdict the interface shows, so none reads by colour alone
// (colour-blind safe): a green disc with a check, an amber triangle with "!", a red square
// with a cross, an amber diamond with "?", a purple octagon with "×", a grey dash. Icons are
// drawn (no icon theme is guaranteed on the desks) at every device-pixel ratio asked for.
enum class VerdictMark { Pass, Warn, Fail, Uncertain, Error, None };

class VerdictStyle {
public:
    static QColor color(VerdictMark mark);
    static QString symbol(VerdictMark mark); // ✓ ! ✗ ? × –
    // A QIcon with 16/24/32/48 px pixmaps at 1× and 2×. `inverted`: a white shape with the
    // sign in colour, for buttons that are themselves filled with the verdict's colour.
    static QIcon icon(VerdictMark mark, bool inverted = false);
    // A pixmap of `side` logical pixels for this device-pixel ratio.
    static QPixmap pixmap(VerdictMark mark, int side, qreal devicePixelRatio, bool inverted = false);
    // Paints the mark into `rect` (any painter, any transform).
    static void paint(QPainter& p, const QRectF& rect, VerdictMark mark, bool inverted = false);

    // From the rule engine's / face matcher's / decision's names ("pass", "warn", "fail",
    // "error", "not_applicable"; "match", "uncertain", "mismatch"; "approve", "reject",
    // "approved", "rejected").
    static VerdictMark fromName(const QString& name);
};

} // namespace pd
