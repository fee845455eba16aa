#include "widgets/CompareView.h"

#include "widgets/Overlay.h"
#include "widgets/PhotoPane.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace pd {

// --- FaceFrame ---------------------------------------------------------------------------------

FaceFrame FaceFrame::fromGeometry(const PhotoFaceGeometry& g, QSize imageSize, qint64 imageKey)
{
    FaceFrame f;
    f.imageKey = imageKey;
    f.imageSize = imageSize;
    f.valid = imageSize.isValid();
    if (g.found) {
        f.leftEye = g.leftEyeCentre();
        f.rightEye = g.rightEyeCentre();
        const QPointF d = f.rightEye - f.leftEye;
        const double iod = std::hypot(d.x(), d.y());
        if (iod >= 2) {
            f.fromEyes = true;
            f.origin = (f.leftEye + f.rightEye) / 2;
            f.unit = iod;
            f.landmarks = g.landmarks;
            return f;
        }
    }
    if (!g.box.isEmpty()) {
        // dlib's box runs from the brows to the chin: the eye line is about a third down.
        f.origin = QPointF(g.box.center().x(), g.box.top() + 0.35 * g.box.height());
        f.unit = std::max(2.0, 0.42 * g.box.width());
        return f;
    }
    // No face known: the middle of the photo, a fifth of its height as the unit.
    f.origin = QPointF(imageSize.width() / 2.0, imageSize.height() / 2.0);
    f.unit = std::max(2.0, imageSize.height() / 5.0);
    return f;
}

QPointF FaceFrame::feature(Feature which) const
{
    const bool lm = fromEyes && landmarks.size() == 68;
    auto mean = [this](int from, int to) {
        QPointF s;
        for (int i = from; i < to; ++i)
            s += landmarks.at(i);
        return s / double(to - from);
    };
    switch (which) {
    case Feature::Eyes:
        return origin;
    case Feature::Mouth:
        return lm ? mean(48, 68) : toImage({0, 1.1});
    case Feature::LeftEar: // image-left: beside the jaw's first landmarks, a little outwards
        return lm ? (landmarks.at(0) + landmarks.at(1)) / 2 + QPointF(-0.2 * unit, 0) : toImage({-1.05, 0.15});
    case Feature::RightEar:
        return lm ? (landmarks.at(15) + landmarks.at(16)) / 2 + QPointF(0.2 * unit, 0) : toImage({1.05, 0.15});
    }
    return origin;
}

QTransform similarityFromEyes(const QPointF& srcLeft, const QPointF& srcRight, const QPointF& dstLeft, const QPointF& dstRight)
{
    // As complex numbers: z ↦ a·(z − srcLeft) + dstLeft with a = (dstRight − dstLeft) / (srcRight − srcLeft).
    const QPointF s = srcRight - srcLeft;
    const QPointF d = dstRight - dstLeft;
    const double n = s.x() * s.x() + s.y() * s.y();
    if (n < 1e-9)
        return {};
    const double ar = (d.x() * s.x() + d.y() * s.y()) / n;
    const double ai = (d.y() * s.x() - d.x() * s.y()) / n;
    // QTransform maps (x, y) to (m11·x + m21·y + dx, m12·x + m22·y + dy).
    const double dx = dstLeft.x() - (ar * srcLeft.x() - ai * srcLeft.y());
    const double dy = dstLeft.y() - (ai * srcLeft.x() + ar * srcLeft.y());
    return QTransform(ar, ai, -ai, ar, dx, dy);
}

// --- CompareState ------------------------------------------------------------------------------

bool CompareState::isPlain() const
{
    return !m_faceZoom && !m_blink && m_loupe == Loupe::Off && std::all_of(m_rotation.begin(), m_rotation.end(), [](int r) { return r == 0; });
}

void CompareState::zoomIn()
{
    if (!m_faceZoom) {
        m_faceZoom = true;
        m_zoom = 1;
    } else {
        m_zoom = std::min(kMaxZoom, m_zoom * kZoomStep);
    }
    emit changed();
}

void CompareState::zoomOut()
{
    if (!m_faceZoom)
        return;
    if (m_zoom / kZoomStep < kMinZoom)
        m_faceZoom = false; // out past the face: the whole photos again
    else
        m_zoom /= kZoomStep;
    emit changed();
}

void CompareState::toggleFaceZoom()
{
    m_faceZoom = !m_faceZoom;
    if (m_faceZoom) {
        m_zoom = 1;
        m_centre = QPointF(0, 0.6);
    }
    emit changed();
}

void CompareState::zoomAt(double factor, const QPointF& anchor)
{
    if (!m_faceZoom) {
        if (factor <= 1)
            return;
        m_faceZoom = true;
        m_zoom = 1;
        m_centre = anchor;
        emit changed();
        return;
    }
    const double next = std::clamp(m_zoom * factor, kMinZoom / kZoomStep, kMaxZoom);
    if (next < kMinZoom) {
        m_faceZoom = false;
        emit changed();
        return;
    }
    // The facial point under the pointer stays under the pointer.
    m_centre = anchor + (m_centre - anchor) * (m_zoom / next);
    m_zoom = next;
    emit changed();
}

void CompareState::panBy(const QPointF& canonicalDelta)
{
    if (!m_faceZoom)
        return;
    setCentre(m_centre + canonicalDelta);
}

void CompareState::setCentre(const QPointF& canonical)
{
    // Never further than a few face widths away: the face stays findable.
    m_centre = QPointF(std::clamp(canonical.x(), -6.0, 6.0), std::clamp(canonical.y(), -6.0, 8.0));
    emit changed();
}

void CompareState::rotate(int pane, int degrees)
{
    if (pane < 0 || pane >= kPanes)
        return;
    int& r = m_rotation[std::size_t(pane)];
    r = ((r + degrees) % 360 + 360) % 360;
    emit changed();
}

void CompareState::setActivePane(int pane)
{
    if (pane < 0 || pane >= kPanes || pane == m_active)
        return;
    m_active = pane;
    emit changed();
}

void CompareState::nextActivePane()
{
    m_active = (m_active + 1) % kPanes;
    emit changed();
}

void CompareState::setLoupe(Loupe loupe)
{
    m_loupe = loupe;
    emit changed();
}

void CompareState::setLoupePoint(const QPointF& canonical)
{
    m_loupePoint = canonical;
    if (m_loupe == Loupe::Mouse)
        emit changed();
}

void CompareState::toggleBlink()
{
    m_blink = !m_blink;
    m_blinkPhase = false;
    emit changed();
}

void CompareState::flipBlink()
{
    if (!m_blink)
        return;
    m_blinkPhase = !m_blinkPhase;
    emit changed();
}

void CompareState::resetForNewPhotos()
{
    m_rotation = {0, 0, 0};
    m_blinkPhase = false;
    emit changed();
}

void CompareState::reset()
{
    m_faceZoom = false;
    m_zoom = 1;
    m_centre = QPointF(0, 0.6);
    m_rotation = {0, 0, 0};
    m_loupe = Loupe::Off;
    m_blink = false;
    m_blinkPhase = false;
    emit changed();
}

QTransform CompareState::viewTransform(int pane, const FaceFrame& frame, const QSizeF& size) const
{
    QTransform t;
    if (!frame.valid || size.isEmpty())
        return t;
    const int r = rotation(pane);
    t.translate(size.width() / 2, size.height() / 2);
    t.rotate(r);
    if (!m_faceZoom) {
        // The whole photo, fitted with the canvas's 8 px margin (turned sideways: swapped sides).
        const bool sideways = r % 180 != 0;
        const double w = sideways ? frame.imageSize.height() : frame.imageSize.width();
        const double h = sideways ? frame.imageSize.width() : frame.imageSize.height();
        const double k = std::min((size.width() - 16) / w, (size.height() - 16) / h);
        t.scale(k, k);
        t.translate(-frame.imageSize.width() / 2.0, -frame.imageSize.height() / 2.0);
        return t;
    }
    // The same span of face units across every pane: the same facial area at the same zoom.
    const double k = m_zoom * size.height() / (kSpan * frame.unit);
    const QPointF c = frame.toImage(m_centre);
    t.scale(k, k);
    t.translate(-c.x(), -c.y());
    return t;
}

// --- CompareLayer ------------------------------------------------------------------------------

namespace {
double scaleOf(const QTransform& t)
{
    return std::sqrt(std::abs(t.determinant()));
}

// Display pixels of the decoded (possibly reduced) image → pixels of the original photo.
QTransform displayToOriginal(const QImage& image, const QSize& original)
{
    if (image.isNull() || !original.isValid())
        return {};
    return QTransform::fromScale(double(original.width()) / image.width(), double(original.height()) / image.height());
}
} // namespace

CompareLayer::CompareLayer(PhotoPane* pane, int index, CompareState* state)
    : QWidget(pane->canvas()), m_pane(pane), m_index(index), m_state(state)
{
    setObjectName(QStringLiteral("compareLayer%1").arg(index));
    setMouseTracking(true);
    setGeometry(pane->canvas()->rect());
    pane->canvas()->installEventFilter(this);
    connect(state, &CompareState::changed, this, qOverload<>(&QWidget::update));
    show();
}

bool CompareLayer::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_pane->canvas() && event->type() == QEvent::Resize)
        setGeometry(m_pane->canvas()->rect());
    return QWidget::eventFilter(watched, event);
}

void CompareLayer::setFrame(const FaceFrame& frame)
{
    m_frame = frame;
    update();
}

FaceFrame CompareLayer::frame() const
{
    const DecodedPhoto& photo = m_pane->photo();
    if (m_pane->state() != PhotoPane::State::Image)
        return {};
    if (m_frame.valid && m_frame.imageKey == photo.image.cacheKey())
        return m_frame;
    // Not analysed (yet): the middle of the photo stands in for the face.
    return FaceFrame::fromGeometry({}, photo.originalSize.isValid() ? photo.originalSize : photo.image.size(), photo.image.cacheKey());
}

void CompareLayer::setBlinkSource(const QImage& image, const FaceFrame& frame)
{
    m_blinkImage = image;
    m_blinkFrame = frame;
    update();
}

bool CompareLayer::blinkAligned() const
{
    const FaceFrame own = frame();
    return own.fromEyes && m_blinkFrame.fromEyes && !m_blinkImage.isNull() && m_blinkFrame.imageKey == m_blinkImage.cacheKey();
}

QTransform CompareLayer::blinkTransform() const
{
    const FaceFrame own = frame();
    if (!blinkAligned())
        return {};
    return similarityFromEyes(m_blinkFrame.leftEye, m_blinkFrame.rightEye, own.leftEye, own.rightEye);
}

QTransform CompareLayer::viewTransform() const
{
    return m_state->viewTransform(m_index, frame(), QSizeF(size()));
}

QPointF CompareLayer::loupeImagePoint() const
{
    const FaceFrame f = frame();
    switch (m_state->loupe()) {
    case CompareState::Loupe::Off:
        return {};
    case CompareState::Loupe::Mouse:
        return f.toImage(m_state->loupePoint());
    case CompareState::Loupe::Eyes:
        return f.feature(FaceFrame::Feature::Eyes);
    case CompareState::Loupe::Mouth:
        return f.feature(FaceFrame::Feature::Mouth);
    case CompareState::Loupe::LeftEar:
        return f.feature(FaceFrame::Feature::LeftEar);
    case CompareState::Loupe::RightEar:
        return f.feature(FaceFrame::Feature::RightEar);
    }
    return {};
}

double CompareLayer::loupeRadius() const
{
    if (m_state->loupe() == CompareState::Loupe::Off || m_pane->state() != PhotoPane::State::Image)
        return 0;
    return std::clamp(std::min(width(), height()) * 0.24, 48.0, 170.0);
}

QPointF CompareLayer::loupeCentre() const
{
    return viewTransform().map(loupeImagePoint());
}

double CompareLayer::loupeScale(double viewScale) const
{
    // How much of the face the loupe covers (face units of radius): both eyes, the mouth, an ear.
    double units = 0.45;
    switch (m_state->loupe()) {
    case CompareState::Loupe::Eyes:
        units = 0.95;
        break;
    case CompareState::Loupe::Mouth:
        units = 0.75;
        break;
    case CompareState::Loupe::LeftEar:
    case CompareState::Loupe::RightEar:
        units = 0.6;
        break;
    default:
        break;
    }
    const double fitted = loupeRadius() / (units * frame().unit);
    return std::max(fitted, viewScale * 1.6); // always a magnification of what is on screen
}

QString CompareLayer::blinkLabel() const
{
    if (!blinkAligned())
        return tr("Blink: no eyes to align");
    return m_state->blinkShowsEnrollment() ? tr("Blink: enrollment") : tr("Blink: submitted");
}

QPointF CompareLayer::canonicalAt(const QPointF& pos) const
{
    bool invertible = false;
    const QTransform inverse = viewTransform().inverted(&invertible);
    return invertible ? frame().toCanonical(inverse.map(pos)) : QPointF();
}

void CompareLayer::paintEvent(QPaintEvent*)
{
    if (m_pane->state() != PhotoPane::State::Image)
        return;
    const DecodedPhoto& photo = m_pane->photo();
    const FaceFrame f = frame();
    if (!f.valid || photo.image.isNull())
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    const QTransform view = viewTransform();
    const QTransform display = displayToOriginal(photo.image, f.imageSize);
    const bool blinking = m_index == 0 && m_state->blink();
    const bool showEnrollment = blinking && m_state->blinkShowsEnrollment() && blinkAligned();
    const QTransform blinkToSubmitted = showEnrollment ? blinkTransform() : QTransform();
    auto drawPhoto = [&](const QTransform& toScreen) {
        if (showEnrollment) {
            p.setTransform(displayToOriginal(m_blinkImage, m_blinkFrame.imageSize) * blinkToSubmitted * toScreen);
            p.drawImage(QPointF(0, 0), m_blinkImage);
        } else {
            p.setTransform(display * toScreen);
            p.drawImage(QPointF(0, 0), photo.image);
        }
        p.resetTransform();
    };

    const bool transformed = m_state->faceZoom() || m_state->rotation(m_index) != 0 || blinking;
    if (transformed) {
        // Opaque: the canvas's plain picture underneath is covered.
        const QRectF frameRect = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
        p.setPen(QColor(0xd0, 0xd4, 0xda));
        p.setBrush(QColor(0xf3, 0xf4, 0xf6));
        p.drawRoundedRect(frameRect, 6, 6);
        p.save();
        QPainterPath clip;
        clip.addRoundedRect(frameRect.adjusted(1, 1, -1, -1), 5, 5);
        p.setClipPath(clip);
        drawPhoto(view);
        // The rule overlay follows the zoom (not a turned photo: its labels would lie on their
        // side; not while blinking: the two faces alone are compared then).
        if (m_index == 0 && !blinking && m_state->rotation(0) == 0 && m_pane->overlayShown()) {
            PhotoOverlay overlay = m_pane->overlay();
            if (!overlay.imageSize.isValid())
                overlay.imageSize = f.imageSize;
            paintPhotoOverlay(p, overlay, view.mapRect(QRectF(QPointF(0, 0), QSizeF(f.imageSize))));
        }
        p.restore();
        if (blinking) {
            QFont font = p.font();
            font.setBold(true);
            p.setFont(font);
            const QString label = p.fontMetrics().elidedText(blinkLabel(), Qt::ElideRight, width() - 32);
            const QRectF box(8, 8, p.fontMetrics().horizontalAdvance(label) + 16, p.fontMetrics().height() + 8);
            p.setPen(Qt::NoPen);
            p.setBrush(showEnrollment ? QColor(30, 64, 175, 220) : QColor(17, 24, 39, 200));
            p.drawRoundedRect(box, 4, 4);
            p.setPen(Qt::white);
            p.drawText(box, Qt::AlignCenter, label);
        }
    }

    if (const double radius = loupeRadius(); radius > 0) {
        const QPointF at = loupeImagePoint();
        const QPointF centre = view.map(at);
        // The eyes get a wide lens holding both eyes (open? glare? the same person?); the mouth,
        // the ears and the pointer a round one that always magnifies what is on screen.
        const bool eyes = m_state->loupe() == CompareState::Loupe::Eyes;
        const double halfWidth = eyes ? std::clamp(width() * 0.46, 48.0, 260.0) : radius;
        const double halfHeight = eyes ? halfWidth * 0.42 : radius;
        const double m = eyes ? halfWidth / (1.15 * f.unit) : loupeScale(scaleOf(view));
        QTransform loupe;
        loupe.translate(centre.x(), centre.y());
        loupe.rotate(m_state->rotation(m_index));
        loupe.scale(m, m);
        loupe.translate(-at.x(), -at.y());
        const QRectF lens(centre.x() - halfWidth, centre.y() - halfHeight, 2 * halfWidth, 2 * halfHeight);
        QPainterPath shape;
        shape.addRoundedRect(lens, halfHeight, halfHeight);
        p.save();
        p.setClipPath(shape);
        p.fillRect(lens, QColor(0xf3, 0xf4, 0xf6));
        drawPhoto(loupe);
        p.restore();
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(17, 24, 39, 220), 3));
        p.drawPath(shape);
        p.setPen(QPen(Qt::white, 1.2));
        QPainterPath inner;
        inner.addRoundedRect(lens.adjusted(2, 2, -2, -2), halfHeight - 2, halfHeight - 2);
        p.drawPath(inner);
    }

    if (!m_state->isPlain() && m_state->activePane() == m_index) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(37, 99, 235), 2.5));
        p.drawRoundedRect(QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5), 6, 6);
    }
}

void CompareLayer::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_state->setActivePane(m_index);
    m_dragging = true;
    m_lastPos = event->position();
    event->accept();
}

void CompareLayer::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragging && m_state->faceZoom()) {
        // The photo follows the pointer: the opposite change of the centre, in face units.
        bool invertible = false;
        const QTransform inverse = viewTransform().inverted(&invertible);
        if (invertible) {
            const QPointF before = inverse.map(m_lastPos);
            const QPointF after = inverse.map(event->position());
            m_state->panBy((before - after) / frame().unit);
        }
    }
    m_lastPos = event->position();
    if (m_state->loupe() == CompareState::Loupe::Mouse && m_pane->state() == PhotoPane::State::Image)
        m_state->setLoupePoint(canonicalAt(event->position()));
    QWidget::mouseMoveEvent(event);
}

void CompareLayer::mouseReleaseEvent(QMouseEvent* event)
{
    m_dragging = false;
    QWidget::mouseReleaseEvent(event);
}

void CompareLayer::wheelEvent(QWheelEvent* event)
{
    if (m_pane->state() != PhotoPane::State::Image || event->angleDelta().y() == 0) {
        event->ignore();
        return;
    }
    const double factor = event->angleDelta().y() > 0 ? CompareState::kZoomStep : 1 / CompareState::kZoomStep;
    m_state->zoomAt(factor, canonicalAt(event->position()));
    event->accept();
}

} // namespace pd
