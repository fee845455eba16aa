#include "core/auth/PasswordHasher.h"

#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace pd {

namespace {
QByteArray derive(const QString& password, const QByteArray& salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt, iterations, 32);
}
} // namespace

PasswordRecord PasswordHasher::hash(const QString& password, int iterations)
{
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(salt.data()), salt.size() / 4);
    return PasswordRecord{QString::fromLatin1(derive(password, salt, iterations).toHex()), QString::fromLatin1(salt.toHex()),
                          iterations};
}

bool PasswordHasher::verify(const QString& password, const PasswordRecord& record)
{
    if (record.iterations <= 0)
        return false;
    const QByteArray expected = QByteArray::fromHex(record.hash.toLatin1());
    const QByteArray actual = derive(password, QByteArray::fromHex(record.salt.toLatin1()), record.iterations);
    // Constant time: the loop never exits early, so timing does not reveal a matching prefix.
    unsigned char diff = expected.size() == actual.size() ? 0 : 1;
    for (int i = 0; i < actual.size(); ++i)
        diff |= static_cast<unsigned char>(actual[i] ^ (i < expected.size() ? expected[i] : 0));
    return diff == 0;
}

} // namespace pd
