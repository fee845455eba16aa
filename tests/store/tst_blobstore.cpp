#include "core/store/BlobStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace pd;

class TestBlobStore : public QObject {
    Q_OBJECT
private slots:
    void roundTripAndDeduplication()
    {
        QTemporaryDir dir;
        BlobStore blobs(dir.filePath(QStringLiteral("blobs")));
        const QByteArray bytes("\xFF\xD8\xFF photo bytes", 17);
        auto sha = blobs.put(bytes);
        QVERIFY(sha.ok());
        QCOMPARE(sha.value(), BlobStore::sha256Hex(bytes));
        QVERIFY(blobs.contains(sha.value()));
        QVERIFY(blobs.pathFor(sha.value()).contains(sha.value().left(2) + QLatin1Char('/') + sha.value().mid(2, 2)));
        auto again = blobs.put(bytes);
        QCOMPARE(again.value(), sha.value());
        auto read = blobs.get(sha.value());
        QVERIFY(read.ok());
        QCOMPARE(read.value(), bytes);
    }

    void damagedBlobIsReported()
    {
        QTemporaryDir dir;
        BlobStore blobs(dir.path());
        const QString sha = blobs.put(QByteArray(4096, 'x')).value();
        QFile f(blobs.pathFor(sha));
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(100);
        f.write("y");
        f.close();
        auto read = blobs.get(sha);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, QStringLiteral("blob-corrupt"));
    }

    void missingAndInvalidNames()
    {
        QTemporaryDir dir;
        BlobStore blobs(dir.path());
        QCOMPARE(blobs.get(QString(64, QLatin1Char('a'))).error().code, QStringLiteral("blob-missing"));
        QCOMPARE(blobs.get(QStringLiteral("../../etc/passwd")).error().code, QStringLiteral("blob-invalid"));
        QVERIFY(!blobs.contains(QStringLiteral("../x")));
    }

    void unwritableFolderGivesClearError()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        BlobStore blobs(dir.filePath(QStringLiteral("file/blobs"))); // a file where a folder should be
        auto sha = blobs.put("bytes");
        QVERIFY(!sha.ok());
        QCOMPARE(sha.error().code, QStringLiteral("blob-write"));
    }
};

QTEST_GUILESS_MAIN(TestBlobStore)
#include "tst_blobstore.moc"
