// Photo decoding for the review panes: the format comes from the bytes, damaged and non-image
// files give a clear message instead of a picture.

#include "TestSupport.h"

#include "widgets/PhotoPane.h"

#include <QTest>

using namespace pd;

class TestPhotoPane : public QObject {
    Q_OBJECT

private slots:
    void decodesJpeg();
    void sniffsPngNamedJpg();
    void reportsGarbageAndTruncatedFiles();
    void paneShowsProblemInsteadOfPicture();
};

void TestPhotoPane::decodesJpeg()
{
    const QByteArray bytes = test::readFileOrFail(test::facePath(QStringLiteral("obama_1_240p.jpg")));
    const DecodedPhoto photo = decodePhoto(bytes, QStringLiteral("obama.jpg"));
    QVERIFY(photo.error.isEmpty());
    QVERIFY(!photo.image.isNull());
    QCOMPARE(photo.format, QByteArray("jpeg"));
    QCOMPARE(photo.byteSize, qint64(bytes.size()));
    QCOMPARE(photo.image.size(), photo.originalSize);
}

void TestPhotoPane::sniffsPngNamedJpg()
{
    const QByteArray bytes = test::readFileOrFail(test::facePath(QStringLiteral("collins_1.png")));
    const DecodedPhoto photo = decodePhoto(bytes, QStringLiteral("photo.jpg"));
    QVERIFY(!photo.image.isNull());
    QCOMPARE(photo.format, QByteArray("png"));
    QVERIFY(qMax(photo.image.width(), photo.image.height()) <= DecodedPhoto::kMaxDisplaySide);
}

void TestPhotoPane::reportsGarbageAndTruncatedFiles()
{
    QVERIFY(!decodePhoto(QByteArray(), QStringLiteral("a.jpg")).error.isEmpty());
    const DecodedPhoto garbage = decodePhoto(QByteArray(4096, 'x'), QStringLiteral("a.jpg"));
    QVERIFY(garbage.image.isNull());
    QVERIFY(!garbage.error.isEmpty());
    const QByteArray jpeg = test::readFileOrFail(test::facePath(QStringLiteral("obama_1_240p.jpg")));
    const DecodedPhoto truncated = decodePhoto(jpeg.left(200), QStringLiteral("a.jpg"));
    QVERIFY(truncated.image.isNull());
    QVERIFY(!truncated.error.isEmpty());
}

void TestPhotoPane::paneShowsProblemInsteadOfPicture()
{
    PhotoPane pane;
    pane.resize(300, 400);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.showPhoto(decodePhoto(QByteArray(100, 'x'), QStringLiteral("broken.jpg")));
    QCOMPARE(pane.state(), PhotoPane::State::Message);
    QVERIFY(!pane.message().isEmpty());
    QTRY_VERIFY(pane.paintedFinal());
    pane.showPhoto(decodePhoto(test::readFileOrFail(test::facePath(QStringLiteral("obama_1_240p.jpg"))), QStringLiteral("ok.jpg")));
    QVERIFY(pane.hasImage());
    QTRY_VERIFY(pane.paintedFinal());
}

QTEST_MAIN(TestPhotoPane)
#include "tst_photopane.moc"
