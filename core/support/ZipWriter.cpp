#include "core/support/ZipWriter.h"

#include <QSaveFile>
#include <QtEndian>

#include <limits>

#include <zlib.h>

namespace pd {

namespace {

constexpr quint32 kLocalHeader = 0x04034b50;
constexpr quint32 kCentralHeader = 0x02014b50;
constexpr quint32 kEndOfCentral = 0x06054b50;
constexpr quint16 kVersion = 20;       // 2.0: deflate
constexpr quint16 kFlagUtf8 = 1 << 11; // names are UTF-8
constexpr quint16 kStored = 0;
constexpr quint16 kDeflated = 8;
constexpr qint64 kLimit = std::numeric_limits<quint32>::max();

void put16(QByteArray& b, quint16 v)
{
    char c[2];
    qToLittleEndian(v, c);
    b.append(c, 2);
}

void put32(QByteArray& b, quint32 v)
{
    char c[4];
    qToLittleEndian(v, c);
    b.append(c, 4);
}

// Raw deflate (no zlib header: windowBits -15), as the zip format wants it.
bool deflateRaw(const QByteArray& in, QByteArray& out)
{
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return false;
    out.resize(qsizetype(deflateBound(&z, uLong(in.size()))));
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.constData()));
    z.avail_in = uInt(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return rc == Z_STREAM_END;
}

} // namespace

ZipWriter::ZipWriter(const QString& path) : m_path(path) {}

ZipWriter::~ZipWriter()
{
    if (m_file)
        m_file->cancelWriting();
}

bool ZipWriter::fail(const QString& message)
{
    m_error = message;
    if (m_file)
        m_file->cancelWriting();
    return false;
}

bool ZipWriter::open()
{
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot create %1: %2").arg(m_path, m_file->errorString()));
    return true;
}

bool ZipWriter::addFile(const QString& name, const QByteArray& data, const QDateTime& modified, bool store)
{
    if (!m_file || !m_file->isOpen())
        return fail(QStringLiteral("the archive is not open"));
    if (data.size() >= kLimit)
        return fail(QStringLiteral("%1 is too large for a zip without ZIP64").arg(name));

    Entry e;
    e.name = name.toUtf8();
    e.size = quint32(data.size());
    e.crc = quint32(crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(data.constData()), uInt(data.size())));
    QByteArray packed;
    if (!store && !data.isEmpty() && deflateRaw(data, packed) && packed.size() < data.size()) {
        e.method = kDeflated;
    } else {
        e.method = kStored;
        packed = data;
    }
    e.compressedSize = quint32(packed.size());
    // MS-DOS time in local time, as unzip expects; two-second resolution, from 1980.
    const QDateTime local = modified.toLocalTime();
    const QDate d = local.date().year() < 1980 ? QDate(1980, 1, 1) : local.date();
    const QTime t = local.date().year() < 1980 ? QTime(0, 0) : local.time();
    e.dosDate = quint16(((d.year() - 1980) << 9) | (d.month() << 5) | d.day());
    e.dosTime = quint16((t.hour() << 11) | (t.minute() << 5) | (t.second() / 2));
    if (m_offset >= kLimit)
        return fail(QStringLiteral("the archive is too large for a zip without ZIP64"));
    e.offset = quint32(m_offset);

    QByteArray header;
    put32(header, kLocalHeader);
    put16(header, kVersion);
    put16(header, kFlagUtf8);
    put16(header, e.method);
    put16(header, e.dosTime);
    put16(header, e.dosDate);
    put32(header, e.crc);
    put32(header, e.compressedSize);
    put32(header, e.size);
    put16(header, quint16(e.name.size()));
    put16(header, 0); // extra field
    header.append(e.name);
    if (m_file->write(header) != header.size() || m_file->write(packed) != packed.size())
        return fail(QStringLiteral("cannot write %1: %2").arg(m_path, m_file->errorString()));
    m_offset += header.size() + packed.size();
    m_entries.push_back(e);
    return true;
}

bool ZipWriter::finish()
{
    if (!m_file || !m_file->isOpen())
        return fail(QStringLiteral("the archive is not open"));
    QByteArray central;
    for (const Entry& e : m_entries) {
        put32(central, kCentralHeader);
        put16(central, (3 << 8) | kVersion); // made by: Unix
        put16(central, kVersion);
        put16(central, kFlagUtf8);
        put16(central, e.method);
        put16(central, e.dosTime);
        put16(central, e.dosDate);
        put32(central, e.crc);
        put32(central, e.compressedSize);
        put32(central, e.size);
        put16(central, quint16(e.name.size()));
        put16(central, 0); // extra
        put16(central, 0); // comment
        put16(central, 0); // disk
        put16(central, 0); // internal attributes
        put32(central, quint32(0100600) << 16); // external: regular file, rw------- (personal folder)
        put32(central, e.offset);
        central.append(e.name);
    }
    if (m_entries.size() > 0xffff || m_offset + central.size() >= kLimit)
        return fail(QStringLiteral("the archive is too large for a zip without ZIP64"));
    QByteArray end;
    put32(end, kEndOfCentral);
    put16(end, 0);
    put16(end, 0);
    put16(end, quint16(m_entries.size()));
    put16(end, quint16(m_entries.size()));
    put32(end, quint32(central.size()));
    put32(end, quint32(m_offset));
    put16(end, 0); // comment length
    if (m_file->write(central) != central.size() || m_file->write(end) != end.size())
        return fail(QStringLiteral("cannot write %1: %2").arg(m_path, m_file->errorString()));
    if (!m_file->commit())
        return fail(QStringLiteral("cannot save %1: %2").arg(m_path, m_file->errorString()));
    m_file.reset();
    return true;
}

QStringList ZipWriter::entries() const
{
    QStringList names;
    for (const Entry& e : m_entries)
        names << QString::fromUtf8(e.name);
    return names;
}

} // namespace pd
