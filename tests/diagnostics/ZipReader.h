#pragma once

// A test-only zip reader (central directory + raw inflate via zlib): the tests open what
// core/support/ZipWriter wrote without trusting the writer's own idea of the format.

#include <QByteArray>
#include <QFile>
#include <QMap>
#include <QString>
#include <QtEndian>

#include <zlib.h>

namespace pd::test {

struct ZipContents {
    QMap<QString, QByteArray> files; // name → bytes
    QString error;                   // empty when every entry was read and its CRC matched
};

inline ZipContents readZip(const QString& path)
{
    ZipContents z;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        z.error = QStringLiteral("cannot open");
        return z;
    }
    const QByteArray all = f.readAll();
    auto u16 = [&all](qsizetype at) { return qFromLittleEndian<quint16>(all.constData() + at); };
    auto u32 = [&all](qsizetype at) { return qFromLittleEndian<quint32>(all.constData() + at); };
    const qsizetype end = all.lastIndexOf(QByteArray("PK\x05\x06", 4));
    if (end < 0 || end + 22 > all.size()) {
        z.error = QStringLiteral("no end of central directory");
        return z;
    }
    const int entries = u16(end + 10);
    qsizetype at = u32(end + 16);
    for (int i = 0; i < entries; ++i) {
        if (u32(at) != 0x02014b50) {
            z.error = QStringLiteral("bad central header %1").arg(i);
            return z;
        }
        const quint16 method = u16(at + 10);
        const quint32 crc = u32(at + 16);
        const quint32 packedSize = u32(at + 20);
        const quint32 size = u32(at + 24);
        const quint16 nameLength = u16(at + 28);
        const quint16 extra = u16(at + 30);
        const quint16 comment = u16(at + 32);
        const quint32 offset = u32(at + 42);
        const QString name = QString::fromUtf8(all.mid(at + 46, nameLength));
        at += 46 + nameLength + extra + comment;
        if (u32(offset) != 0x04034b50) {
            z.error = QStringLiteral("bad local header for %1").arg(name);
            return z;
        }
        const qsizetype data = offset + 30 + u16(offset + 26) + u16(offset + 28);
        const QByteArray packed = all.mid(data, packedSize);
        QByteArray bytes;
        if (method == 0) {
            bytes = packed;
        } else if (method == 8) {
            bytes.resize(size);
            z_stream s{};
            inflateInit2(&s, -MAX_WBITS);
            s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.constData()));
            s.avail_in = uInt(packed.size());
            s.next_out = reinterpret_cast<Bytef*>(bytes.data());
            s.avail_out = uInt(bytes.size());
            const int rc = inflate(&s, Z_FINISH);
            inflateEnd(&s);
            if (rc != Z_STREAM_END) {
                z.error = QStringLiteral("inflate failed for %1").arg(name);
                return z;
            }
        } else {
            z.error = QStringLiteral("method %1 for %2").arg(method).arg(name);
            return z;
        }
        if (quint32(crc32(0, reinterpret_cast<const Bytef*>(bytes.constData()), uInt(bytes.size()))) != crc) {
            z.error = QStringLiteral("CRC mismatch for %1").arg(name);
            return z;
        }
        z.files.insert(name, bytes);
    }
    return z;
}

} // namespace pd::test
