#pragma once

#include "core/review/FaceGeometry.h"

#include <QImage>
#include <QObject>
#include <QPointF>
#include <QSize>
#include <QTransform>
#include <QWidget>

#include <array>

namespace pd {

class PhotoPane;

// The face as a coordinate frame of one photo: origin between the eye centres, one unit = the
// distance between them (interocular distance), axes parallel to the photo's (no rotation: a
// tilted head stays tilted, the compare view aligns position and scale only). The same
// "canonical" point — e.g. (0, 1.1), about the mouth — is then the same facial spot in the
// submitted, enrollment and ID-card photos, whatever their size and framing.
struct FaceFrame {
    bool valid = false;     // a frame exists (from the eyes, else from the face box, else the photo)
    bool fromEyes = false;  // from the 68 landmarks' eye centres
    qint64 imageKey = 0;    // QImage::cacheKey of the photo it belongs to
    QSize imageSize;        // pixels of the original upright photo (landmarks are in these)
    QPointF origin;
    double unit = 1;
    QPointF leftEye, rightEye; // when fromEyes
    QList<QPointF> landmarks;

    static FaceFrame fromGeometry(const PhotoFaceGeometry& g, QSize imageSize, qint64 imageKey);
    QPointF toImage(const QPointF& canonical) const { return origin + canonical * unit; }
    QPointF toCanonical(const QPointF& image) const { return (image - origin) / unit; }
    // Where the loupe looks for a named feature, in pixels of the photo.
    enum class Feature { Eyes, Mouth, LeftEar, RightEar };
    QPointF feature(Feature f) const;
};

// The similarity transform (rotation, uniform scale, translation) that maps the source eye
// centres exactly onto the destination eye centres (blink: enrollment → submitted photo).
QTransform similarityFromEyes(const QPointF& srcLeft, const QPointF& srcRight, const QPointF& dstLeft, const QPointF& dstRight);

// What the three panes show, shared by them (and by the full-screen comparison): zoom and pan
// on the face region, the loupe, blink, and a display-only rotation per photo. Nothing here
// touches a photo's bytes.
class CompareState : public QObject {
    Q_OBJECT

public:
    static constexpr int kPanes = 3;          // submitted, enrollment, ID card
    static constexpr double kSpan = 5.0;      // face units across a pane's height at zoom 1
    static constexpr double kMinZoom = 0.6;
    static constexpr double kMaxZoom = 16.0;
    static constexpr double kZoomStep = 1.25;
    enum class Loupe { Off, Mouse, Eyes, Mouth, LeftEar, RightEar };

    explicit CompareState(QObject* parent = nullptr) : QObject(parent) {}

    bool faceZoom() const { return m_faceZoom; }
    double zoom() const { return m_zoom; }
    QPointF centre() const { return m_centre; }
    int rotation(int pane) const { return m_rotation.at(std::size_t(pane)); }
    int activePane() const { return m_active; }
    Loupe loupe() const { return m_loupe; }
    QPointF loupePoint() const { return m_loupePoint; } // canonical, for Loupe::Mouse
    bool blink() const { return m_blink; }
    bool blinkShowsEnrollment() const { return m_blinkPhase; }
    // Anything other than the plain side-by-side photos.
    bool isPlain() const;

    void zoomIn();
    void zoomOut();
    void toggleFaceZoom();
    // Zoom by `factor` keeping canonical point `anchor` where it is on screen.
    void zoomAt(double factor, const QPointF& anchor);
    void panBy(const QPointF& canonicalDelta);
    void setCentre(const QPointF& canonical);
    void rotate(int pane, int degrees);
    void setActivePane(int pane);
    void nextActivePane();
    void setLoupe(Loupe loupe);
    void setLoupePoint(const QPointF& canonical);
    void toggleBlink();
    void flipBlink();
    // New submission: rotation back to none (zoom, loupe and blink stay: the reviewer's way of looking).
    void resetForNewPhotos();
    // Everything back to plain.
    void reset();

    // Photo pixels → pane pixels for a pane of `size` showing a photo with `frame` (its size
    // in frame.imageSize), with this state (fit or face zoom, pan, the pane's rotation).
    QTransform viewTransform(int pane, const FaceFrame& frame, const QSizeF& size) const;

signals:
    void changed();

private:
    bool m_faceZoom = false;
    double m_zoom = 1;
    QPointF m_centre{0, 0.6}; // between the eyes and the mouth
    std::array<int, kPanes> m_rotation{0, 0, 0};
    int m_active = 0;
    Loupe m_loupe = Loupe::Off;
    QPointF m_loupePoint;
    bool m_blink = false;
    bool m_blinkPhase = false;
};

// Drawn over one PhotoPane's canvas: the photo zoomed / panned / rotated / blinking when the
// state is not plain (opaque then), the loupe, the active-photo frame; takes the mouse (wheel
// zoom, drag to pan, click to make the photo active, loupe following the pointer). Decoded
// pixels are reused as they are; high-DPI screens get device pixels through the painter.
class CompareLayer : public QWidget {
    Q_OBJECT

public:
    CompareLayer(PhotoPane* pane, int index, CompareState* state);

    PhotoPane* pane() const { return m_pane; }
    int index() const { return m_index; }
    void setFrame(const FaceFrame& frame);
    // The frame in force for the photo on screen (a stale one, of an earlier photo, is not).
    FaceFrame frame() const;
    // For blink (pane 0): the enrollment photo and its frame.
    void setBlinkSource(const QImage& image, const FaceFrame& frame);
    // Enrollment pixels → submitted pixels (identity when blink cannot align: a face missing).
    QTransform blinkTransform() const;
    bool blinkAligned() const;
    // Photo pixels → layer pixels as painted now.
    QTransform viewTransform() const;
    // Where the loupe is centred in layer pixels, and its radius (0: no loupe shown).
    QPointF loupeCentre() const;
    double loupeRadius() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPointF loupeImagePoint() const;
    double loupeScale(double viewScale) const;
    QPointF canonicalAt(const QPointF& pos) const;
    QString blinkLabel() const;

    PhotoPane* m_pane;
    int m_index;
    CompareState* m_state;
    FaceFrame m_frame;
    QImage m_blinkImage;
    FaceFrame m_blinkFrame;
    bool m_dragging = false;
    QPointF m_lastPos;
};

} // namespace pd
