#pragma once

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

// A test portrait from tests/fixtures/faces.
QString facePath(const QString& name);
QByteArray readFileOrFail(const QString& path);

} // namespace pd::test
