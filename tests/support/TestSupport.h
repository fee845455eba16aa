#pragma once

#include "core/domain/Types.h"
#include "core/store/Store.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace pd::test {

// A fresh SQLite store in a temporary folder, removed with the object.
class TempStore {
public:
    TempStore();
    const std::shared_ptr<Store>& store() const { return m_store; }
    QString dbPath() const { return m_dir.filePath(QStringLiteral("photodesk.sqlite")); }
    QString dir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;
};

// A student with one pending attempt (paid `paidHoursAgo` before now) and its three photos.
struct SampleAttempt {
    Id studentId = 0;
    Id attemptId = 0;
};
SampleAttempt addSampleAttempt(const Store& store, const QString& studentNumber, double paidHoursAgo);

// An account (low PBKDF2 iteration count to keep tests quick) and its session.
Session addUser(const std::shared_ptr<Store>& store, const QString& username, Role role,
                const QString& password = QStringLiteral("correct horse"));

// A test portrait from tests/fixtures/faces.
QString facePath(const QString& name);
QByteArray readFileOrFail(const QString& path);

} // namespace pd::test
