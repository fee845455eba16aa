// The review prefetcher on a real store: it prepares what it is asked for (photos decoded and
// scaled for the panes, bytes dropped), keeps no more than its capacity, and forgets what the
// queue no longer wants — cached, queued and in flight — when the queue changes.

#include "TestSupport.h"

#include "core/prescreen/PreScreenService.h"
#include "widgets/PhotoPane.h"
#include "widgets/SubmissionPrefetcher.h"

#include <QSignalSpy>
#include <QTest>

using namespace pd;

namespace {
QSet<Id> cachedSet(const SubmissionPrefetcher& p)
{
    const QList<Id> ids = p.cachedIds();
    return QSet<Id>(ids.begin(), ids.end());
}
} // namespace

class TestPrefetcher : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void preparesWhatIsWanted();
    void forgetsWhatTheQueueNoLongerWants();
    void staysWithinItsCapacity();
    void newVersionsDropEverything();
    void saysWhenAnAttemptCannotBeOpened();

private:
    std::unique_ptr<test::TempStore> m_temp;
    QList<Id> m_ids;
    std::unique_ptr<SubmissionPrefetcher> m_prefetcher;
    const std::array<QSize, 3> m_canvases{QSize(300, 400), QSize(300, 400), QSize(300, 400)};
};

void TestPrefetcher::init()
{
    m_temp = std::make_unique<test::TempStore>();
    m_ids.clear();
    for (int i = 0; i < 6; ++i)
        m_ids << test::addSampleAttempt(*m_temp->store(), QStringLiteral("202400%1").arg(i), 40 - i).attemptId;
    m_prefetcher = std::make_unique<SubmissionPrefetcher>(m_temp->store());
    m_prefetcher->setDisplay(m_canvases, 1.0);
}

void TestPrefetcher::cleanup()
{
    m_prefetcher.reset();
    m_temp.reset();
}

void TestPrefetcher::preparesWhatIsWanted()
{
    QSignalSpy prepared(m_prefetcher.get(), &SubmissionPrefetcher::prepared);
    m_prefetcher->setWanted({m_ids[0], m_ids[1], m_ids[2]});
    QTRY_VERIFY(m_prefetcher->isIdle());
    QCOMPARE(prepared.count(), 3);
    QCOMPARE(cachedSet(*m_prefetcher), (QSet<Id>{m_ids[0], m_ids[1], m_ids[2]}));
    // The open one first, then in the order asked.
    QCOMPARE(prepared.at(0).at(0).value<Id>(), m_ids[0]);

    const auto entry = m_prefetcher->lookup(m_ids[1]);
    QVERIFY(entry);
    QCOMPARE(entry->attemptId, m_ids[1]);
    QCOMPARE(entry->bundle.attempt.id, m_ids[1]);
    QCOMPARE(entry->bundle.student.studentNumber, QStringLiteral("2024001"));
    for (int slot = 0; slot < 3; ++slot) {
        QVERIFY(entry->record(slot).has_value());
        QVERIFY2(entry->record(slot)->bytes.isEmpty(), "the bytes are dropped once decoded");
        const auto& photo = entry->photos[size_t(slot)];
        QVERIFY(photo && !photo->image.isNull());
        // Scaled ahead for the pane: exactly the size the canvas draws it at.
        QCOMPARE(photo->display.size(), photo->image.size().scaled(m_canvases[size_t(slot)] - QSize(16, 16), Qt::KeepAspectRatio));
    }
    // No analysis versions yet: face results and rules are left to the workspace.
    QVERIFY(entry->facesModelId.isEmpty() && entry->rulesVersion.isEmpty());
    QVERIFY(entry->approximateBytes() > 0);
    QCOMPARE(m_prefetcher->stats().hits, 1);
    QVERIFY(!m_prefetcher->lookup(m_ids[5]));
    QCOMPARE(m_prefetcher->stats().misses, 1);
}

void TestPrefetcher::forgetsWhatTheQueueNoLongerWants()
{
    m_prefetcher->setWanted({m_ids[0], m_ids[1]});
    QTRY_VERIFY(m_prefetcher->isIdle());
    QCOMPARE(m_prefetcher->cachedIds().size(), 2);

    // Another queue (a filter, a reload, a decision): the old neighbours go at once.
    m_prefetcher->setWanted({m_ids[2]});
    QVERIFY(!m_prefetcher->peek(m_ids[0]) && !m_prefetcher->peek(m_ids[1]));
    QTRY_VERIFY(m_prefetcher->isIdle());
    QCOMPARE(m_prefetcher->cachedIds(), (QList<Id>{m_ids[2]}));

    // Invalidated on its own (decided, analysed again).
    m_prefetcher->invalidate(m_ids[2]);
    QVERIFY(!m_prefetcher->peek(m_ids[2]));

    // Work in flight for a submission that is no longer wanted is dropped, not cached.
    const int discarded = m_prefetcher->stats().discarded;
    m_prefetcher->setWanted({m_ids[3]});
    QVERIFY(!m_prefetcher->isIdle());
    m_prefetcher->setWanted({m_ids[4]});
    QTRY_VERIFY(m_prefetcher->isIdle());
    QCOMPARE(m_prefetcher->cachedIds(), (QList<Id>{m_ids[4]}));
    QVERIFY(m_prefetcher->stats().discarded > discarded);

    // A reload while a submission is being prepared: the stale result is dropped and the
    // submission, still wanted, is prepared again from the store.
    m_prefetcher->setWanted({m_ids[5]});
    QVERIFY(!m_prefetcher->isIdle());
    const int prepared = m_prefetcher->stats().prepared;
    m_prefetcher->invalidateAll();
    QVERIFY(m_prefetcher->cachedIds().isEmpty());
    QTRY_VERIFY(m_prefetcher->isIdle());
    QCOMPARE(m_prefetcher->cachedIds(), (QList<Id>{m_ids[5]}));
    QCOMPARE(m_prefetcher->stats().prepared, prepared + 1);
}

void TestPrefetcher::staysWithinItsCapacity()
{
    m_prefetcher->setCapacity(2);
    m_prefetcher->setWanted(m_ids);
    QTRY_VERIFY(m_prefetcher->isIdle());
    // The two most wanted, and no more work after that (no eviction merry-go-round).
    QCOMPARE(cachedSet(*m_prefetcher), (QSet<Id>{m_ids[0], m_ids[1]}));
    QCOMPARE(m_prefetcher->stats().prepared, 2);
    QTest::qWait(50);
    QVERIFY(m_prefetcher->isIdle());
    QCOMPARE(m_prefetcher->stats().prepared, 2);
    // Requested by the reviewer: first in line, the least recently used one makes room.
    m_prefetcher->request(m_ids[4]);
    QTRY_VERIFY(m_prefetcher->isIdle());
    QVERIFY(m_prefetcher->peek(m_ids[4]));
    QCOMPARE(m_prefetcher->cachedIds().size(), 2);
}

void TestPrefetcher::newVersionsDropEverything()
{
    m_prefetcher->setVersions({QStringLiteral("model-a"), QStringLiteral("rules-a"), nullptr});
    m_prefetcher->setWanted({m_ids[0]});
    QTRY_VERIFY(m_prefetcher->isIdle());
    auto entry = m_prefetcher->peek(m_ids[0]);
    QVERIFY(entry);
    QCOMPARE(entry->facesModelId, QStringLiteral("model-a"));
    QCOMPARE(entry->rulesVersion, QStringLiteral("rules-a"));
    // Read for those versions: nothing is stored for them, which the workspace will see.
    QVERIFY(entry->faces.ok() && !entry->faces->report.complete);
    QVERIFY(entry->rules.ok() && !entry->rules->complete);

    m_prefetcher->setVersions({QStringLiteral("model-b"), QStringLiteral("rules-a"), nullptr});
    QVERIFY(!m_prefetcher->peek(m_ids[0]));
    QTRY_VERIFY(m_prefetcher->isIdle());
    entry = m_prefetcher->peek(m_ids[0]);
    QVERIFY(entry);
    QCOMPARE(entry->facesModelId, QStringLiteral("model-b"));
}

void TestPrefetcher::saysWhenAnAttemptCannotBeOpened()
{
    QSignalSpy failed(m_prefetcher.get(), &SubmissionPrefetcher::failed);
    m_prefetcher->request(987654);
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).value<Id>(), Id(987654));
    QCOMPARE(failed.at(0).at(1).value<Error>().code, QStringLiteral("not-found"));
    QTRY_VERIFY(m_prefetcher->isIdle());
    QVERIFY(m_prefetcher->cachedIds().isEmpty());
}

QTEST_MAIN(TestPrefetcher)
#include "tst_prefetcher.moc"
