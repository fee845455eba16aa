// The perceptual-hash index behind NOT_REUSED: 100 000 photos inserted in one transaction,
// near duplicates found within the Hamming radius, and the lookup goes through the band indexes.
#include "core/review/DuplicateIndex.h"
#include "core/store/Sql.h"
#include "core/store/Transaction.h"
#include "core/util/Time.h"

#include "TestSupport.h"

#include <QElapsedTimer>
#include <QtTest>

#include <random>

using namespace pd;

class TestDuplicateIndex : public QObject {
    Q_OBJECT
private slots:
    void hundredThousandPhotos()
    {
        test::TempStore ts;
        const Database& db = ts.store()->db();
        constexpr int kPhotos = 100000;
        std::mt19937_64 rng(42);
        std::vector<DuplicateIndex::Entry> entries;
        entries.reserve(kPhotos);
        QElapsedTimer timer;
        timer.start();
        {
            // The photos the hashes belong to (photo_hashes.photo_id references photos).
            Transaction tx(db);
            const QString now = toDbTime(utcNow());
            Sql(tx.connection(), QStringLiteral("INSERT INTO students (student_number, name, national_id, phone, programme, level, created_at, updated_at) "
                                                "VALUES ('S1', 'n', 'i', 'p', 'x', 'x', :t, :t)")).bind(QStringLiteral(":t"), now).exec();
            Sql photo(tx.connection(), QStringLiteral("INSERT INTO photos (student_id, attempt_id, role, sha256, byte_size, file_name, created_at) "
                                                      "VALUES (1, NULL, 'enrollment', :h, 1, 'x.jpg', :t)"));
            for (int i = 1; i <= kPhotos; ++i)
                photo.bind(QStringLiteral(":h"), QString::number(i)).bind(QStringLiteral(":t"), now).exec();
            tx.commit();
        }
        for (int i = 1; i <= kPhotos; ++i)
            entries.push_back({i, 1000 + i, QStringLiteral("submitted"), rng(), i % 3 ? std::optional<quint64>(rng()) : std::nullopt, {}});
        const DuplicateIndex index(db);
        index.insertMany(entries);
        const qint64 insertMs = timer.elapsed();
        qInfo("inserted %d photos and their hashes in %lld ms", kPhotos, insertMs);
        QVERIFY2(insertMs < 60000, "bulk insert must stay quick");

        // Near duplicates of photo 500: 3 and 6 bits flipped (spread across bands), and one 9 bits off.
        const quint64 target = entries[499].phash;
        const auto flip = [](quint64 v, std::initializer_list<int> bits) {
            for (int b : bits)
                v ^= (1ULL << b);
            return v;
        };
        QElapsedTimer lookupTimer;
        lookupTimer.start();
        auto hits = index.findNear(flip(target, {1, 20, 40}), 6, 0, -1);
        QCOMPARE(int(hits.size()), 1);
        QCOMPARE(hits.front().photoId, 500);
        QCOMPARE(hits.front().hashDistance, 3);
        hits = index.findNear(flip(target, {1, 2, 20, 21, 40, 60}), 6, 0, -1);
        QCOMPARE(int(hits.size()), 1);
        QCOMPARE(hits.front().hashDistance, 6);
        QVERIFY(index.findNear(flip(target, {1, 2, 3, 20, 21, 22, 40, 41, 60}), 6, 0, -1).empty());
        qInfo("3 lookups in %lld ms", lookupTimer.elapsed());

        // Face codes: found by the code alone.
        const quint64 code = *entries[1].faceCode;
        hits = index.findNear(~target, 6, flip(code, {5, 33}), 4);
        QCOMPARE(int(hits.size()), 1);
        QCOMPARE(hits.front().photoId, 2);
        QCOMPARE(hits.front().faceCodeDistance, 2);

        QVERIFY(hits.front().descriptor.isEmpty()); // none stored for it

        // A descriptor stored with the hashes comes back with the candidate (NOT_REUSED confirms
        // face-code candidates with it).
        std::vector<float> descriptor(128);
        for (size_t i = 0; i < descriptor.size(); ++i)
            descriptor[i] = float(i) / 256.0f - 0.25f;
        const QByteArray descriptorBytes(reinterpret_cast<const char*>(descriptor.data()), qsizetype(descriptor.size() * sizeof(float)));
        DuplicateIndex::Entry withDescriptor{2, 1002, QStringLiteral("submitted"), entries[1].phash, entries[1].faceCode, descriptorBytes};
        index.insert(withDescriptor);
        hits = index.findNear(~target, 6, flip(code, {5, 33}), 4);
        QCOMPARE(int(hits.size()), 1);
        QCOMPARE(hits.front().descriptor, descriptorBytes);

        // Replacing a photo's hashes keeps one row per photo.
        index.insert({500, 1500, QStringLiteral("submitted"), ~target, std::nullopt, {}});
        QVERIFY(index.findNear(target, 6, 0, -1).empty());
        QCOMPARE(Sql(db, QStringLiteral("SELECT COUNT(*) FROM photo_hashes")).scalar().toInt(), kPhotos);

        if (db.dialect() == SqlDialect::SQLite) {
            const QString plan = index.explainLookup(target, 6, code, 4);
            qInfo("%s", qPrintable(plan));
            for (const char* name : {"photo_hashes_ph0", "photo_hashes_ph3", "photo_hashes_fc0"})
                QVERIFY2(plan.contains(QLatin1String(name)), qPrintable(plan));
            QVERIFY2(!plan.contains(QLatin1String("SCAN photo_hashes")), qPrintable(plan));
        }
    }
};

QTEST_GUILESS_MAIN(TestDuplicateIndex)
#include "tst_duplicateindex.moc"
