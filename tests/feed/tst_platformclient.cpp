// The platform client against the simulator: paging, retries on transient failures only,
// timeouts, photo verification and the size limit, idempotent decisions.
#include "SimProcess.h"

#include "core/feed/PlatformClient.h"

#include <QSignalSpy>
#include <QtTest>

using namespace pd;

class TestPlatformClient : public QObject {
    Q_OBJECT

    PlatformConfig configFor(const test::SimProcess& sim)
    {
        PlatformConfig c;
        c.baseUrl = sim.url();
        c.token = test::SimProcess::token();
        c.pageSize = 10;
        c.backoffBaseMs = 5;
        c.backoffMaxMs = 40;
        c.maxAttempts = 4;
        c.timeoutMs = 3000;
        return c;
    }

private slots:
    void pagesFollowTheCursor()
    {
        test::SimProcess sim;
        QVERIFY(sim.ok());
        PlatformClient client(configFor(sim));
        QString cursor;
        QStringList ids;
        int pages = 0;
        do {
            auto page = client.fetchPage(cursor);
            QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(page.error().message));
            QCOMPARE(page->total, 30);
            for (const Submission& s : page->items) {
                ids << s.attemptId;
                QCOMPARE(int(s.photos.size()), 3);
                QVERIFY(s.paidAt.isValid());
                QVERIFY(!s.student.name.isEmpty());
            }
            cursor = page->nextCursor;
            ++pages;
        } while (!cursor.isEmpty());
        QCOMPARE(pages, 3);
        QCOMPARE(ids.size(), 30);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 30);
    }

    void photosAreVerified()
    {
        test::SimProcess sim;
        PlatformClient client(configFor(sim));
        const Submission s = client.fetchPage({}).value().items.front();
        const PhotoRef ref = *s.photo(PhotoRole::Submitted);
        auto bytes = client.downloadPhoto(ref);
        QVERIFY(bytes.ok());
        QCOMPARE(qint64(bytes->size()), ref.size);
        sim.setFaults(QStringLiteral("checksum=1"));
        QSignalSpy retries(&client, &PlatformClient::retrying);
        auto corrupt = client.downloadPhoto(ref);
        QCOMPARE(corrupt.error().code, QStringLiteral("photo-checksum"));
        QCOMPARE(retries.count(), 3); // transient: tried maxAttempts times
    }

    void sizeLimitHoldsBeforeTheBodyCompletes()
    {
        test::SimProcess sim;
        PlatformConfig c = configFor(sim);
        c.maxPhotoBytes = 1000;
        PlatformClient client(c);
        const Submission s = client.fetchPage({}).value().items.front();
        PhotoRef ref = *s.photo(PhotoRole::Submitted);
        QVERIFY(ref.size > 1000);
        QCOMPARE(client.downloadPhoto(ref).error().code, QStringLiteral("photo-too-large")); // refused from the listing
        ref.size = 900; // the listing lies: the server's Content-Length is over the limit
        QSignalSpy retries(&client, &PlatformClient::retrying);
        QCOMPARE(client.downloadPhoto(ref).error().code, QStringLiteral("photo-too-large"));
        QCOMPARE(retries.count(), 0); // not transient
    }

    void wrongTokenIsNotRetried()
    {
        test::SimProcess sim;
        PlatformConfig c = configFor(sim);
        c.token = QStringLiteral("wrong");
        PlatformClient client(c);
        QSignalSpy retries(&client, &PlatformClient::retrying);
        QCOMPARE(client.fetchPage({}).error().code, QStringLiteral("platform-auth"));
        QCOMPARE(retries.count(), 0);
    }

    void transientFailuresAreRetried()
    {
        test::SimProcess sim;
        PlatformConfig c = configFor(sim);
        PlatformClient client(c);
        sim.setFaults(QStringLiteral("http503=1"));
        QSignalSpy retries(&client, &PlatformClient::retrying);
        QCOMPARE(client.fetchPage({}).error().code, QStringLiteral("platform-server"));
        QCOMPARE(retries.count(), c.maxAttempts - 1);
        for (const char* fault : {"http500=0.5", "drop=0.5", "truncate=0.5"}) {
            sim.setFaults(QString::fromLatin1(fault));
            PlatformConfig patient = c;
            patient.maxAttempts = 30;
            PlatformClient again(patient);
            auto page = again.fetchPage({});
            QVERIFY2(page.ok(), qPrintable(QString::fromLatin1(fault) + QLatin1Char(' ') + (page.ok() ? QString() : page.error().message)));
            QCOMPARE(int(page->items.size()), 10);
        }
    }

    void slowAnswersTimeOut()
    {
        test::SimProcess sim;
        PlatformConfig c = configFor(sim);
        c.timeoutMs = 150;
        c.maxAttempts = 2;
        PlatformClient client(c);
        sim.setFaults(QStringLiteral("latency=1000"));
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(client.fetchPage({}).error().code, QStringLiteral("platform-timeout"));
        QVERIFY(timer.elapsed() < 900);
    }

    void backoffGrowsWithJitter()
    {
        PlatformConfig c;
        c.backoffBaseMs = 100;
        c.backoffMaxMs = 1000;
        for (int i = 0; i < 50; ++i) {
            const int first = PlatformClient::backoffMs(c, 1);
            QVERIFY(first >= 50 && first <= 100);
            const int third = PlatformClient::backoffMs(c, 3);
            QVERIFY(third >= 200 && third <= 400);
            const int late = PlatformClient::backoffMs(c, 12);
            QVERIFY(late >= 500 && late <= 1000);
        }
    }

    void decisionsAreIdempotent()
    {
        test::SimProcess sim;
        PlatformClient client(configFor(sim));
        const QJsonObject decision{{QStringLiteral("attempt"), QStringLiteral("SYN-000001")}, {QStringLiteral("version"), 1},
                                   {QStringLiteral("verdict"), QStringLiteral("approve")}, {QStringLiteral("reasons"), QJsonArray()},
                                   {QStringLiteral("note"), QString()}, {QStringLiteral("decided_at"), QStringLiteral("2026-01-01T00:00:00.000Z")}};
        auto first = client.postDecision(QStringLiteral("platform:decision:SYN-000001:1"), decision);
        QVERIFY(first.ok());
        QVERIFY(!first->replayed);
        auto again = client.postDecision(QStringLiteral("platform:decision:SYN-000001:1"), decision);
        QVERIFY(again.ok());
        QVERIFY(again->replayed);
        QCOMPARE(again->decisionId, first->decisionId);
        QJsonObject other = decision;
        other.insert(QStringLiteral("verdict"), QStringLiteral("reject"));
        QCOMPARE(client.postDecision(QStringLiteral("platform:decision:SYN-000001:1"), other).error().code, QStringLiteral("idempotency-conflict"));
        const QJsonArray recorded = sim.get(QStringLiteral("/_sim/decisions")).value(QStringLiteral("decisions")).toArray();
        QCOMPARE(recorded.size(), 1);
        QCOMPARE(recorded[0].toObject().value(QStringLiteral("deliveries")).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestPlatformClient)
#include "tst_platformclient.moc"
