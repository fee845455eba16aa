#pragma once

#include <QByteArray>

#include "core/vision/rules/DuplicateLookup.h"

#include <QString>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace pd {

class Database;

// Perceptual hashes and face codes of every photo in the store (table photo_hashes, migration
// 0020), looked up by multi-index hashing: each 64-bit value is split into four 16-bit bands
// with an index per band; a query within Hamming radius r probes, in every band, the values
// within floor(r/4) bits of the query's band (pigeonhole: a value within r differs in at most
// floor(r/4) bits in at least one band). The candidates are then checked exactly.
class DuplicateIndex : public rules::DuplicateLookup {
public:
    struct Entry {
        qint64 photoId = 0;
        qint64 studentId = 0;
        QString role;                   // submitted | enrollment | id_card
        quint64 phash = 0;              // rules::perceptualHash
        std::optional<quint64> faceCode; // rules::descriptorCode; nullopt: no face
        QByteArray descriptor;          // the face descriptor (little-endian float32), empty: none
    };

    explicit DuplicateIndex(const Database& db);

    // Inserts or replaces the hashes of one photo. Runs on the caller's connection: call it
    // inside the Transaction that stores the photo. Throws StoreError.
    void insert(const Entry& entry) const;
    // Many entries in one transaction of its own (imports, tests).
    void insertMany(const std::vector<Entry>& entries) const;

    std::vector<rules::DuplicateCandidate> findNear(quint64 phash, int maxHashDistance, quint64 faceCode,
                                                    int maxFaceCodeDistance) const override;

    // The SQL findNear runs (for EXPLAIN and the docs).
    static QString lookupSql(quint64 phash, int maxHashDistance, quint64 faceCode, int maxFaceCodeDistance);
    // SQLite's EXPLAIN QUERY PLAN of that statement, one line per row (empty on PostgreSQL).
    QString explainLookup(quint64 phash, int maxHashDistance, quint64 faceCode = 0, int maxFaceCodeDistance = -1) const;

    static int band(quint64 value, int i) { return int((value >> (48 - 16 * i)) & 0xFFFF); }

private:
    const Database& m_db;
};

} // namespace pd
