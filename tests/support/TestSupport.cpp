#include "TestSupport.h"

#include <QFile>
#include <QTest>

namespace pd::test {

TempStore::TempStore()
{
    auto opened = Store::open(dbPath());
    if (!opened)
        qFatal("cannot open a temporary store: %s", qPrintable(opened.error().message));
    m_store = opened.value();
}

QString facePath(const QString& name)
{
    return QStringLiteral(PHOTODESK_TEST_FIXTURES "/faces/") + name;
}

QByteArray readFileOrFail(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

} // namespace pd::test
