#pragma once

#include "widgets/Overlay.h"

#include <QByteArray>
#include <QImage>
#include <QPixmap>
#include <QWidget>

class QLabel;

namespace pd {

// A photo decoded off the UI thread (see decodePhoto), with what the reviewer needs to know
// about the file itself.
struct DecodedPhoto {
    QImage image;          // scaled down to at most kMaxDisplaySide for display; null on failure
    QSize originalSize;    // pixel size of the file
    QByteArray format;     // format sniffed from the bytes ("jpeg", "png", ...), not the name
    qint64 byteSize = 0;
    QString fileName;
    QString error;         // why there is no image (translated)
    bool opaque = false;   // the file has no alpha channel (the display image is then RGB32)
    // `image` already scaled for one canvas (the prefetcher does it off the UI thread); the pane
    // paints it as it is when it fits its canvas, and scales `image` itself otherwise.
    QImage display;

    static constexpr int kMaxDisplaySide = 1600;
};

// Runs in a worker thread: sniffs the format from the bytes and decodes them.
DecodedPhoto decodePhoto(const QByteArray& bytes, const QString& fileName);
// Runs in a worker thread: fills photo.display for a PhotoPane whose canvas has this size.
void scaleForDisplay(DecodedPhoto& photo, const QSize& canvas, qreal devicePixelRatio);

class PhotoCanvas;

// One of the three photos of the review workspace: a caption, the photo scaled to fit with its
// aspect kept, and a line about the file (pixel size, bytes, real format). Shows a clear message
// instead of a picture when the photo is missing, damaged or not decodable.
class PhotoPane : public QWidget {
    Q_OBJECT

public:
    enum class State { Empty, Loading, Image, Message };

    explicit PhotoPane(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    void showLoading();
    void showEmpty(const QString& message);
    // A final state without a picture: missing, damaged, not decodable. Shown in red.
    void showProblem(const QString& message);
    void showPhoto(const DecodedPhoto& photo);

    State state() const { return m_state; }
    bool hasImage() const { return m_state == State::Image; }
    QString message() const { return m_message; }
    QSize imageSize() const { return m_photo.originalSize; }
    // The decoded photo on screen (the compare tools draw it zoomed, turned, blinking).
    const DecodedPhoto& photo() const { return m_photo; }
    // The area the photo is drawn in (the compare tools lay their layer over it).
    QWidget* canvas() const;
    // True once the current final state (image or message) has been painted on screen.
    bool paintedFinal() const { return m_paintedFinal; }
    // The size of the area the photo is drawn in (for scaleForDisplay).
    QSize canvasSize() const;
    // Where the photo is drawn in the canvas (empty without a photo).
    QRect photoRect() const;
    // How often the pane scaled a photo itself on the UI thread because the display image
    // prepared ahead did not fit its canvas (a pane that changes size between submissions).
    int uiScalings() const { return m_uiScalings; }

    // Face box, landmarks, guide bands and rule regions drawn over the photo (the submitted
    // one). Cleared by showLoading/showEmpty; shown only while overlayVisible().
    void setOverlay(const PhotoOverlay& overlay);
    void clearOverlay();
    bool hasOverlay() const { return !m_overlay.isEmpty(); }
    const PhotoOverlay& overlay() const { return m_overlay; }
    void setOverlayVisible(bool visible);
    bool overlayVisible() const { return m_overlayVisible; }
    // True when an overlay is set, visible and the photo is on screen (what the reviewer sees).
    bool overlayShown() const { return m_overlayVisible && hasOverlay() && m_state == State::Image; }

    void retranslate();

signals:
    void finalStatePainted();
    // The area the photo is drawn in has a new size (the window or a splitter moved).
    void canvasResized(QSize size);
    void overlayVisibleChanged(bool visible);

private:
    friend class PhotoCanvas;
    void canvasPainted();
    void updateInfo();

    State m_state = State::Empty;
    DecodedPhoto m_photo;
    QString m_message;
    bool m_problem = false;
    bool m_paintedFinal = false;
    PhotoOverlay m_overlay;
    bool m_overlayVisible = true;
    int m_uiScalings = 0;
    QLabel* m_title;
    PhotoCanvas* m_canvas;
    QLabel* m_info;
};

} // namespace pd
