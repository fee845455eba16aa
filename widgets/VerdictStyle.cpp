#include "widgets/VerdictStyle.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <cmath>

namespace pd {

QColor VerdictStyle::color(VerdictMark mark)
{
    switch (mark) {
    case VerdictMark::Pass:
        return QColor(0x2e, 0x7d, 0x32);
    case VerdictMark::Warn:
    case VerdictMark::Uncertain:
        return QColor(0xb2, 0x6a, 0x00);
    case VerdictMark::Fail:
        return QColor(0xc6, 0x28, 0x28);
    case VerdictMark::Error:
        return QColor(0x6a, 0x1b, 0x9a);
    case VerdictMark::None:
        break;
    }
    return QColor(0x6b, 0x72, 0x80);
}

QString VerdictStyle::symbol(VerdictMark mark)
{
    switch (mark) {
    case VerdictMark::Pass:
        return QStringLiteral("✓");
    case VerdictMark::Warn:
        return QStringLiteral("!");
    case VerdictMark::Fail:
        return QStringLiteral("✗");
    case VerdictMark::Uncertain:
        return QStringLiteral("?");
    case VerdictMark::Error:
        return QStringLiteral("×");
    case VerdictMark::None:
        break;
    }
    return QStringLiteral("–");
}

VerdictMark VerdictStyle::fromName(const QString& name)
{
    static const QHash<QString, VerdictMark> marks{
        {QStringLiteral("pass"), VerdictMark::Pass},        {QStringLiteral("match"), VerdictMark::Pass},
        {QStringLiteral("approve"), VerdictMark::Pass},     {QStringLiteral("approved"), VerdictMark::Pass},
        {QStringLiteral("sent"), VerdictMark::Pass},        {QStringLiteral("warn"), VerdictMark::Warn},
        {QStringLiteral("fail"), VerdictMark::Fail},        {QStringLiteral("mismatch"), VerdictMark::Fail},
        {QStringLiteral("reject"), VerdictMark::Fail},      {QStringLiteral("rejected"), VerdictMark::Fail},
        {QStringLiteral("failed"), VerdictMark::Fail},      {QStringLiteral("uncertain"), VerdictMark::Uncertain},
        {QStringLiteral("error"), VerdictMark::Error},
    };
    return marks.value(name, VerdictMark::None);
}

void VerdictStyle::paint(QPainter& p, const QRectF& rect, VerdictMark mark, bool inverted)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const double side = std::min(rect.width(), rect.height());
    const QRectF r(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side);
    const QColor c = inverted ? QColor(Qt::white) : color(mark);
    const QColor sign = inverted ? color(mark) : QColor(Qt::white);
    const double w = std::max(1.0, side * 0.13);
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    switch (mark) {
    case VerdictMark::Pass:
        p.drawEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5));
        break;
    case VerdictMark::Warn: {
        const QPolygonF triangle{QPointF(r.center().x(), r.top() + side * 0.04), QPointF(r.right() - side * 0.02, r.bottom() - side * 0.08),
                                 QPointF(r.left() + side * 0.02, r.bottom() - side * 0.08)};
        p.drawPolygon(triangle);
        break;
    }
    case VerdictMark::Fail:
        p.drawRoundedRect(r.adjusted(side * 0.06, side * 0.06, -side * 0.06, -side * 0.06), side * 0.12, side * 0.12);
        break;
    case VerdictMark::Uncertain: {
        const QPolygonF diamond{QPointF(r.center().x(), r.top()), QPointF(r.right(), r.center().y()), QPointF(r.center().x(), r.bottom()),
                                QPointF(r.left(), r.center().y())};
        p.drawPolygon(diamond);
        break;
    }
    case VerdictMark::Error: {
        QPolygonF octagon;
        for (int i = 0; i < 8; ++i) {
            const double a = (22.5 + 45.0 * i) * M_PI / 180.0;
            octagon << r.center() + QPointF(std::cos(a), std::sin(a)) * side / 2;
        }
        p.drawPolygon(octagon);
        break;
    }
    case VerdictMark::None:
        p.setBrush(Qt::NoBrush);
        break;
    }
    // The sign on top: drawn as strokes, so it needs no font.
    QPen pen(mark == VerdictMark::None ? c : sign, w, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    auto at = [&r, side](double x, double y) { return QPointF(r.left() + x * side, r.top() + y * side); };
    switch (mark) {
    case VerdictMark::Pass:
        p.drawPolyline(QPolygonF{at(0.27, 0.52), at(0.44, 0.68), at(0.74, 0.34)});
        break;
    case VerdictMark::Warn:
        p.drawLine(at(0.5, 0.36), at(0.5, 0.62));
        p.drawPoint(at(0.5, 0.76));
        break;
    case VerdictMark::Fail:
    case VerdictMark::Error:
        p.drawLine(at(0.32, 0.32), at(0.68, 0.68));
        p.drawLine(at(0.68, 0.32), at(0.32, 0.68));
        break;
    case VerdictMark::Uncertain: {
        QPainterPath q;
        q.moveTo(at(0.38, 0.38));
        q.cubicTo(at(0.38, 0.22), at(0.64, 0.22), at(0.63, 0.38));
        q.cubicTo(at(0.62, 0.48), at(0.5, 0.48), at(0.5, 0.58));
        p.drawPath(q);
        p.drawPoint(at(0.5, 0.74));
        break;
    }
    case VerdictMark::None:
        p.drawLine(at(0.25, 0.5), at(0.75, 0.5));
        break;
    }
    p.restore();
}

QPixmap VerdictStyle::pixmap(VerdictMark mark, int side, qreal devicePixelRatio, bool inverted)
{
    QPixmap pm(QSize(side, side) * devicePixelRatio);
    pm.setDevicePixelRatio(devicePixelRatio);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    paint(p, QRectF(0, 0, side, side), mark, inverted);
    return pm;
}

QIcon VerdictStyle::icon(VerdictMark mark, bool inverted)
{
    static QHash<int, QIcon> cache;
    const int key = int(mark) * 2 + (inverted ? 1 : 0);
    auto it = cache.find(key);
    if (it != cache.end())
        return *it;
    QIcon icon;
    for (int side : {16, 24, 32, 48})
        for (qreal dpr : {1.0, 2.0})
            icon.addPixmap(pixmap(mark, side, dpr, inverted));
    cache.insert(key, icon);
    return icon;
}

} // namespace pd
