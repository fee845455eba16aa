#include "widgets/PhotoPane.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace pd {

DecodedPhoto decodePhoto(const QByteArray& bytes, const QString& fileName)
{
    DecodedPhoto result;
    result.byteSize = bytes.size();
    result.fileName = fileName;
    if (bytes.isEmpty()) {
        result.error = PhotoPane::tr("The photo file is empty.");
        return result;
    }
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer); // format from the content, never from the file name
    reader.setAutoTransform(true);
    result.format = reader.format();
    result.originalSize = reader.size();
    if (result.originalSize.isValid()
        && qMax(result.originalSize.width(), result.originalSize.height()) > DecodedPhoto::kMaxDisplaySide)
        reader.setScaledSize(result.originalSize.scaled(DecodedPhoto::kMaxDisplaySide, DecodedPhoto::kMaxDisplaySide,
                                                        Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull()) {
        // Fall back to the plain decoder once (some readers refuse scaled reads).
        image = QImage::fromData(bytes);
        if (image.isNull()) {
            result.error = result.format.isEmpty() ? PhotoPane::tr("The file is not an image PhotoDesk can read.")
                                                   : PhotoPane::tr("The %1 image is damaged and cannot be decoded.")
                                                         .arg(QString::fromLatin1(result.format.toUpper()));
            return result;
        }
    }
    if (!result.originalSize.isValid())
        result.originalSize = image.size();
    result.opaque = !image.hasAlphaChannel();
    result.image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    return result;
}

namespace {
// Where the photo goes in a canvas of this size (a margin of 8 px, aspect kept).
QSize fittedSize(const QSize& image, const QSize& canvas)
{
    return image.scaled(canvas - QSize(16, 16), Qt::KeepAspectRatio);
}
} // namespace

void scaleForDisplay(DecodedPhoto& photo, const QSize& canvas, qreal devicePixelRatio)
{
    if (photo.image.isNull() || canvas.isEmpty())
        return;
    // Exactly the size the canvas asks for (target keeps the aspect already; scaling with
    // KeepAspectRatio again could round a pixel off and the canvas would not use it).
    const QSize target = fittedSize(photo.image.size(), canvas) * devicePixelRatio;
    photo.display = photo.image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    // An opaque photo (every JPEG) is painted as a plain copy instead of blended pixel by pixel:
    // at the sizes the review screen now gives the photos that is most of a switch's paint time.
    if (photo.opaque)
        photo.display = photo.display.convertToFormat(QImage::Format_RGB32);
}

class PhotoCanvas : public QWidget {
public:
    explicit PhotoCanvas(PhotoPane* pane) : QWidget(pane), m_pane(pane)
    {
        setMinimumSize(120, 160);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }
    void invalidate()
    {
        m_scaled = QPixmap();
        update();
    }

protected:
    void resizeEvent(QResizeEvent*) override { emit m_pane->canvasResized(size()); }
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
        p.setPen(QColor(0xd0, 0xd4, 0xda));
        p.setBrush(QColor(0xf3, 0xf4, 0xf6));
        p.drawRoundedRect(frame, 6, 6);

        if (m_pane->m_state == PhotoPane::State::Image) {
            const QImage& image = m_pane->m_photo.image;
            const QSize target = fittedSize(image.size(), size());
            const qreal dpr = devicePixelRatioF();
            if (m_scaled.isNull() || m_scaled.size() != target * dpr) {
                const QImage& display = m_pane->m_photo.display; // scaled ahead by the prefetcher
                const bool prepared = display.size() == target * dpr;
                if (!prepared)
                    ++m_pane->m_uiScalings;
                m_scaled = QPixmap::fromImage(prepared ? display : image.scaled(target * dpr, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
                m_scaled.setDevicePixelRatio(dpr);
            }
            const QRect r(QPoint((width() - target.width()) / 2, (height() - target.height()) / 2), target);
            p.drawPixmap(r.topLeft(), m_scaled);
            p.setPen(QColor(0, 0, 0, 40));
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRectF(r).adjusted(-0.5, -0.5, 0.5, 0.5));
            if (m_pane->m_overlayVisible && !m_pane->m_overlay.isEmpty()) {
                PhotoOverlay overlay = m_pane->m_overlay;
                if (!overlay.imageSize.isValid())
                    overlay.imageSize = m_pane->m_photo.originalSize;
                paintPhotoOverlay(p, overlay, QRectF(r));
            }
        } else {
            QFont f = font();
            f.setPointSizeF(f.pointSizeF() * 1.1);
            if (m_pane->m_problem)
                f.setBold(true);
            p.setFont(f);
            p.setPen(m_pane->m_problem ? QColor(0xc6, 0x28, 0x28) : QColor(0x6b, 0x72, 0x80));
            p.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, m_pane->m_message);
        }
        m_pane->canvasPainted();
    }

private:
    PhotoPane* m_pane;
    QPixmap m_scaled;
};

PhotoPane::PhotoPane(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("photoTitle"));
    QFont tf = m_title->font();
    tf.setBold(true);
    m_title->setFont(tf);
    m_canvas = new PhotoCanvas(this);
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("photoInfo"));
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Caption and file line share one row of a fixed height above the photo: whatever the file
    // line says, the canvas keeps its size from one submission to the next, so the photos the
    // prefetcher scaled for it are painted as they are (no rescaling on the UI thread). A file
    // line wider than the pane is clipped at its end and whole in its tooltip.
    m_info->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* caption = new QHBoxLayout;
    caption->setContentsMargins(0, 0, 0, 0);
    caption->setSpacing(8);
    caption->addWidget(m_title);
    caption->addWidget(m_info, 1);
    auto* captionRow = new QWidget(this);
    captionRow->setObjectName(QStringLiteral("photoCaption"));
    captionRow->setLayout(caption);
    captionRow->setFixedHeight(fontMetrics().height() + 6);
    layout->addWidget(captionRow);
    layout->addWidget(m_canvas, 1);
    showEmpty(QString());
}

QSize PhotoPane::canvasSize() const
{
    return m_canvas->size();
}

QWidget* PhotoPane::canvas() const
{
    return m_canvas;
}

QRect PhotoPane::photoRect() const
{
    if (m_state != State::Image)
        return {};
    const QSize target = fittedSize(m_photo.image.size(), m_canvas->size());
    return {QPoint((m_canvas->width() - target.width()) / 2, (m_canvas->height() - target.height()) / 2), target};
}

void PhotoPane::setTitle(const QString& title)
{
    m_title->setText(title);
}

void PhotoPane::setOverlay(const PhotoOverlay& overlay)
{
    m_overlay = overlay;
    m_canvas->update();
}

void PhotoPane::clearOverlay()
{
    m_overlay = {};
    m_canvas->update();
}

void PhotoPane::setOverlayVisible(bool visible)
{
    if (visible == m_overlayVisible)
        return;
    m_overlayVisible = visible;
    m_canvas->update();
    emit overlayVisibleChanged(visible);
}

void PhotoPane::showLoading()
{
    m_overlay = {};
    m_state = State::Loading;
    m_problem = false;
    m_message = tr("Loading…");
    m_paintedFinal = false;
    m_photo = {};
    updateInfo();
    m_canvas->invalidate();
}

void PhotoPane::showEmpty(const QString& message)
{
    m_overlay = {};
    m_state = State::Empty;
    m_problem = false;
    m_message = message;
    m_paintedFinal = false;
    m_photo = {};
    updateInfo();
    m_canvas->invalidate();
}

void PhotoPane::showProblem(const QString& message)
{
    m_state = State::Message;
    m_problem = true;
    m_message = message;
    m_paintedFinal = false;
    updateInfo();
    m_canvas->invalidate();
}

void PhotoPane::showPhoto(const DecodedPhoto& photo)
{
    m_photo = photo;
    m_paintedFinal = false;
    if (photo.image.isNull()) {
        showProblem(photo.error.isEmpty() ? tr("The photo cannot be shown.") : photo.error);
        return;
    }
    m_state = State::Image;
    m_problem = false;
    m_message.clear();
    updateInfo();
    m_canvas->invalidate();
}

void PhotoPane::canvasPainted()
{
    if (m_paintedFinal || m_state == State::Loading || m_state == State::Empty)
        return;
    m_paintedFinal = true;
    emit finalStatePainted();
}

void PhotoPane::updateInfo()
{
    if (m_photo.byteSize == 0 && m_photo.format.isEmpty()) {
        m_info->setText(QStringLiteral(" "));
        m_info->setToolTip({});
        return;
    }
    QStringList parts;
    if (m_photo.originalSize.isValid())
        parts << QStringLiteral("%1×%2").arg(m_photo.originalSize.width()).arg(m_photo.originalSize.height());
    parts << QLocale().formattedDataSize(m_photo.byteSize, 1, QLocale::DataSizeTraditionalFormat);
    const QString real = QString::fromLatin1(m_photo.format.toUpper());
    if (!real.isEmpty())
        parts << real;
    QString text = parts.join(QStringLiteral(" · "));
    const QString suffix = QFileInfo(m_photo.fileName).suffix().toLower();
    const bool jpegName = suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg");
    if (!real.isEmpty() && jpegName && m_photo.format != "jpeg")
        text += QStringLiteral("  <span style='color:#c62828'>%1</span>")
                    .arg(tr("named .%1 but really %2").arg(suffix, real).toHtmlEscaped());
    m_info->setText(text);
    m_info->setToolTip(QStringLiteral("%1<br>%2").arg(m_photo.fileName.toHtmlEscaped(), text));
}

void PhotoPane::retranslate()
{
    if (m_state == State::Loading)
        m_message = tr("Loading…");
    updateInfo();
    m_canvas->update();
}

} // namespace pd
