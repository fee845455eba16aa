#include "widgets/Overlay.h"

#include "core/prescreen/PreScreenService.h"
#include "core/vision/rules/RuleConfig.h"
#include "widgets/VerdictStyle.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace pd {

namespace {


double valueOf(const rules::RuleResult* r, const char* key, double fallback = -1)
{
    if (!r)
        return fallback;
    const QJsonValue v = r->values.value(QLatin1String(key));
    return v.isDouble() ? v.toDouble() : fallback;
}

} // namespace

QColor verdictColor(rules::Verdict verdict)
{
    switch (verdict) {
    case rules::Verdict::Pass: return QColor(0x2e, 0x7d, 0x32);
    case rules::Verdict::Warn: return QColor(0xb2, 0x6a, 0x00);
    case rules::Verdict::Fail: return QColor(0xc6, 0x28, 0x28);
    case rules::Verdict::Error: return QColor(0x6a, 0x1b, 0x9a);
    case rules::Verdict::NotApplicable: break;
    }
    return QColor(0x6b, 0x72, 0x80);
}

PhotoOverlay buildPhotoOverlay(const StoredRuleReport& stored, QSize imageSize)
{
    PhotoOverlay o;
    o.imageSize = imageSize;
    o.faceBox = stored.faceBox;
    o.landmarks = stored.landmarks;
    if (stored.report) {
        for (const rules::RuleResult& r : stored.report->results) {
            if (r.verdict != rules::Verdict::Fail && r.verdict != rules::Verdict::Warn && r.kind != rules::RuleKind::Checklist)
                continue;
            for (const rules::RuleRegion& region : r.regions)
                o.regions.append({r.id, region.name, region.rect, r.verdict});
        }
    }
    return o;
}

PhotoOverlay buildPhotoOverlay(const StoredRuleReport& stored, const rules::RuleConfig& config, QSize imageSize)
{
    PhotoOverlay o = buildPhotoOverlay(stored, imageSize);
    if (!imageSize.isValid())
        return o;
    // The rules measure in pixels of the national frame (640 high) and scale with the photo.
    const double refHeight = config.number(QStringLiteral("RESOLUTION"), QStringLiteral("height"));
    const double scale = refHeight > 0 ? imageSize.height() / refHeight : 1.0;
    const QString hc = QStringLiteral("HEAD_CENTERED");
    const double hairMin = config.number(hc, QStringLiteral("hair_top_min_px")) * scale;
    const double hairMax = config.number(hc, QStringLiteral("hair_top_max_px")) * scale;
    const double eyeMin = config.number(hc, QStringLiteral("eye_line_min_px")) * scale;
    const double eyeMax = config.number(hc, QStringLiteral("eye_line_max_px")) * scale;
    const double ratioMin = config.number(QStringLiteral("HEAD_SIZE"), QStringLiteral("head_height_ratio_warn_min"));
    const double ratioMax = config.number(QStringLiteral("HEAD_SIZE"), QStringLiteral("head_height_ratio_warn_max"));

    const rules::RuleResult* centred = stored.report ? stored.report->find(hc) : nullptr;
    const double hairTop = valueOf(centred, "hair_top_px") >= 0 ? valueOf(centred, "hair_top_px") * scale : -1;
    double eyeLine = valueOf(centred, "eye_line_px") >= 0 ? valueOf(centred, "eye_line_px") * scale : -1;
    if (eyeLine < 0 && stored.landmarks.size() == 68) {
        double sum = 0;
        for (int i = 36; i < 48; ++i)
            sum += stored.landmarks.at(i).y();
        eyeLine = sum / 12;
    }
    const double chin = stored.landmarks.size() == 68 ? stored.landmarks.at(8).y() : -1;

    o.guides.append({QStringLiteral("hair_top"), QCoreApplication::translate("PhotoOverlay", "hair top"), hairTop, hairMin, hairMax});
    o.guides.append({QStringLiteral("eye_line"), QCoreApplication::translate("PhotoOverlay", "eye line"), eyeLine, eyeMin, eyeMax});
    // No national band for the chin: it follows from the hair top and the head-height ratio.
    const double top = hairTop >= 0 ? hairTop : (hairMin + hairMax) / 2;
    o.guides.append({QStringLiteral("chin"), QCoreApplication::translate("PhotoOverlay", "chin"), chin,
                     top + ratioMin * imageSize.height(), top + ratioMax * imageSize.height()});
    return o;
}

void paintPhotoOverlay(QPainter& p, const PhotoOverlay& o, const QRectF& target)
{
    if (o.isEmpty() || !o.imageSize.isValid() || target.isEmpty())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setClipRect(target);
    const double sx = target.width() / o.imageSize.width();
    const double sy = target.height() / o.imageSize.height();
    auto map = [&](QPointF pt) { return QPointF(target.left() + pt.x() * sx, target.top() + pt.y() * sy); };
    auto mapRect = [&](const QRect& r) { return QRectF(map(r.topLeft()), QSizeF(r.width() * sx, r.height() * sy)); };

    // Allowed bands (translucent) and the measured lines: green inside the band, red outside.
    QFont small = p.font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.8));
    p.setFont(small);
    for (const PhotoOverlay::Guide& g : o.guides) {
        const QColor bandColor = g.id == QLatin1String("eye_line") ? QColor(30, 136, 229) : g.id == QLatin1String("chin") ? QColor(142, 36, 170) : QColor(0, 150, 136);
        QColor fill = bandColor;
        fill.setAlpha(45);
        const QRectF band(QPointF(target.left(), map({0, g.bandMin}).y()), QPointF(target.right(), map({0, g.bandMax}).y()));
        p.fillRect(band, fill);
        if (g.y < 0)
            continue;
        const QColor line = g.inBand() ? QColor(46, 125, 50) : QColor(198, 40, 40);
        const double y = map({0, g.y}).y();
        p.setPen(QPen(line, 1.6, g.inBand() ? Qt::SolidLine : Qt::DashLine));
        p.drawLine(QPointF(target.left(), y), QPointF(target.right(), y));
        // Label with a symbol, so the state reads without colour.
        const QString text = (g.inBand() ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + g.label;
        const QRectF textRect(target.left() + 3, y - p.fontMetrics().height() - 1, p.fontMetrics().horizontalAdvance(text) + 6,
                              p.fontMetrics().height());
        p.fillRect(textRect, QColor(255, 255, 255, 190));
        p.setPen(line);
        p.drawText(textRect, Qt::AlignCenter, text);
    }

    // Regions of the rules that did not pass.
    for (const PhotoOverlay::Region& r : o.regions) {
        if (r.rect.isEmpty())
            continue;
        QColor c = verdictColor(r.verdict);
        p.setPen(QPen(c, 1.2, Qt::DotLine));
        c.setAlpha(28);
        p.setBrush(c);
        const QRectF area = mapRect(r.rect);
        p.drawRect(area);
        // The verdict's shape in the corner: the region reads without its colour too.
        const double side = std::clamp(p.fontMetrics().height() * 0.8, 9.0, 16.0);
        VerdictStyle::paint(p, QRectF(area.topLeft() + QPointF(2, 2), QSizeF(side, side)),
                            r.verdict == rules::Verdict::Fail ? VerdictMark::Fail
                            : r.verdict == rules::Verdict::Warn ? VerdictMark::Warn
                            : r.verdict == rules::Verdict::Error ? VerdictMark::Error
                                                                 : VerdictMark::None);
    }

    // Face box and landmarks.
    p.setBrush(Qt::NoBrush);
    if (!o.faceBox.isEmpty()) {
        p.setPen(QPen(QColor(255, 193, 7), 1.6));
        p.drawRect(mapRect(o.faceBox));
    }
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 235, 59, 230));
    const double radius = std::clamp(1.2 * std::min(sx, sy) * o.imageSize.height() / 640.0, 1.2, 2.5);
    for (const QPointF& pt : o.landmarks)
        p.drawEllipse(map(pt), radius, radius);
    p.restore();
}

} // namespace pd
