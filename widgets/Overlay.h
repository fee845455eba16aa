#pragma once

// What the review workspace draws over the submitted photo: the face box, the 68 landmarks,
// the hair-top / eye-line / chin guide lines against their allowed bands (from the rule
// configuration, scaled to the photo's height) and the regions of the rules that did not pass.
// Coordinates are pixels of the upright photo (as the face analysis and the rules saw it).

#include "core/vision/rules/RuleTypes.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QRect>
#include <QSize>
#include <QString>

class QPainter;
class QRectF;

namespace pd {

namespace rules {
class RuleConfig;
}
struct StoredRuleReport;

struct PhotoOverlay {
    struct Guide {
        QString id;        // "hair_top" | "eye_line" | "chin"
        QString label;     // short text drawn at the line (translated)
        double y = -1;     // measured line, image pixels (< 0: not measured)
        double bandMin = 0; // allowed band, image pixels
        double bandMax = 0;
        bool inBand() const { return y >= bandMin && y <= bandMax; }
    };
    struct Region {
        QString ruleId;
        QString name;
        QRect rect;
        rules::Verdict verdict = rules::Verdict::Warn;
    };

    QSize imageSize;           // the frame the coordinates refer to
    QRect faceBox;
    QList<QPointF> landmarks;
    QList<Guide> guides;
    QList<Region> regions;

    bool isEmpty() const { return faceBox.isEmpty() && landmarks.isEmpty() && guides.isEmpty() && regions.isEmpty(); }
};

// Builds the overlay of a stored rule report. `imageSize` is the photo's upright pixel size.
PhotoOverlay buildPhotoOverlay(const StoredRuleReport& stored, const rules::RuleConfig& config, QSize imageSize);
// The same without a rule configuration: face box, landmarks and regions, no guide bands.
PhotoOverlay buildPhotoOverlay(const StoredRuleReport& stored, QSize imageSize);

// Draws `overlay` into `target` (the rectangle where the photo is shown, any scale).
void paintPhotoOverlay(QPainter& painter, const PhotoOverlay& overlay, const QRectF& target);

// Colour of a verdict: green / amber / red / grey. Always shown with a symbol too.
QColor verdictColor(rules::Verdict verdict);

} // namespace pd
