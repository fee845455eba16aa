#include "core/export/NationalFormat.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace pd {

namespace {
// ITU-T T.81 Annex K, Table K.1 (natural order): the table libjpeg scales by the quality.
constexpr quint16 kStdLuminance[64] = {
    16, 11, 10, 16, 24,  40,  51,  61,  12, 12, 14, 19, 26,  58,  60,  55,
    14, 13, 16, 24, 40,  57,  69,  56,  14, 17, 22, 29, 51,  87,  80,  62,
    18, 22, 37, 56, 68,  109, 103, 77,  24, 35, 55, 64, 81,  104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};

// DQT entries are stored in zig-zag order: entry k belongs at natural index kZigzag[k].
constexpr int kZigzag[64] = {0,  1,  8,  16, 9,  2,  3,  10, 17, 24, 32, 25, 18, 11, 4,  5,
                             12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6,  7,  14, 21, 28,
                             35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
                             58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

class Reader {
public:
    explicit Reader(const QByteArray& b) : m_b(reinterpret_cast<const unsigned char*>(b.constData())), m_n(b.size()) {}
    qsizetype size() const { return m_n; }
    unsigned char at(qsizetype i) const { return m_b[i]; }
    int u16(qsizetype i) const { return (m_b[i] << 8) | m_b[i + 1]; }
    const unsigned char* data() const { return m_b; }

private:
    const unsigned char* m_b;
    qsizetype m_n;
};

void addProblem(NationalFormatReport& r, const char* code)
{
    const QString c = QLatin1String(code);
    if (!r.problems.contains(c))
        r.problems << c;
}

// EXIF APP1 payload ("Exif\0\0" + TIFF): the Orientation tag (0x0112) of IFD0, 1 when absent.
int exifOrientation(const unsigned char* p, qsizetype n)
{
    if (n < 14 || std::memcmp(p, "Exif\0\0", 6) != 0)
        return 1;
    const unsigned char* t = p + 6;
    const qsizetype tn = n - 6;
    bool little = false;
    if (t[0] == 'I' && t[1] == 'I')
        little = true;
    else if (!(t[0] == 'M' && t[1] == 'M'))
        return 1;
    auto u16 = [&](qsizetype o) -> int { return little ? t[o] | (t[o + 1] << 8) : (t[o] << 8) | t[o + 1]; };
    auto u32 = [&](qsizetype o) -> quint32 {
        return little ? quint32(t[o]) | (quint32(t[o + 1]) << 8) | (quint32(t[o + 2]) << 16) | (quint32(t[o + 3]) << 24)
                      : (quint32(t[o]) << 24) | (quint32(t[o + 1]) << 16) | (quint32(t[o + 2]) << 8) | quint32(t[o + 3]);
    };
    const quint32 ifd = u32(4);
    if (ifd + 2 > quint64(tn))
        return 1;
    const int entries = u16(ifd);
    for (int i = 0; i < entries; ++i) {
        const qsizetype e = qsizetype(ifd) + 2 + 12 * i;
        if (e + 12 > tn)
            return 1;
        if (u16(e) == 0x0112 && u16(e + 2) == 3 /* SHORT */) {
            const int v = u16(e + 8);
            return v >= 1 && v <= 8 ? v : 1;
        }
    }
    return 1;
}

QString processOf(int marker)
{
    switch (marker) {
    case 0xC0: return QStringLiteral("baseline");
    case 0xC1: return QStringLiteral("extended");
    case 0xC2: return QStringLiteral("progressive");
    case 0xC3: return QStringLiteral("lossless");
    case 0xC5: case 0xC6: case 0xC7: return QStringLiteral("hierarchical");
    default: return QStringLiteral("arithmetic"); // C9..CB, CD..CF
    }
}

bool isSof(int m) { return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC; }
} // namespace

void NationalFormat::ijgLuminanceTable(int quality, quint16 (&out)[64])
{
    quality = std::clamp(quality, 1, 100);
    const int scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
    for (int i = 0; i < 64; ++i)
        out[i] = quint16(std::clamp((kStdLuminance[i] * scale + 50) / 100, 1, 255));
}

int NationalFormat::estimateQuality(const quint16 (&table)[64])
{
    int best = 0;
    long bestDistance = -1;
    for (int q = 1; q <= 100; ++q) {
        quint16 t[64];
        ijgLuminanceTable(q, t);
        long d = 0;
        for (int i = 0; i < 64; ++i)
            d += std::labs(long(t[i]) - long(table[i]));
        // Ties go to the lower quality: the estimate never flatters a file.
        if (bestDistance < 0 || d < bestDistance) {
            bestDistance = d;
            best = q;
        }
    }
    return best;
}

NationalFormatReport NationalFormat::check(const QByteArray& bytes)
{
    NationalFormatReport r;
    const Reader b(bytes);
    const qsizetype n = b.size();
    if (n < 4 || b.at(0) != 0xFF || b.at(1) != 0xD8) {
        addProblem(r, "not-jpeg");
        return r;
    }
    r.isJpeg = true;
    std::optional<std::array<quint16, 64>> tables[4];
    int lumaTable = -1;
    bool frameSeen = false;
    qsizetype pos = 2;
    bool ended = false;
    while (!ended) {
        // Markers may be preceded by fill bytes 0xFF.
        if (pos >= n) {
            addProblem(r, "truncated");
            break;
        }
        if (b.at(pos) != 0xFF) {
            addProblem(r, "corrupt");
            break;
        }
        while (pos < n && b.at(pos) == 0xFF)
            ++pos;
        if (pos >= n) {
            addProblem(r, "truncated");
            break;
        }
        const int marker = b.at(pos++);
        if (marker == 0xD9) { // EOI
            ended = true;
            break;
        }
        if (marker == 0xD8 || marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7)) {
            addProblem(r, "corrupt"); // SOI again, a stuffed zero or a restart outside a scan
            break;
        }
        if (pos + 2 > n) {
            addProblem(r, "truncated");
            break;
        }
        const int length = b.u16(pos);
        if (length < 2) {
            addProblem(r, "corrupt");
            break;
        }
        if (pos + length > n) {
            addProblem(r, "truncated");
            break;
        }
        const qsizetype seg = pos + 2;
        const qsizetype segEnd = pos + length;
        if (isSof(marker)) {
            if (frameSeen || length < 8) {
                addProblem(r, "corrupt");
                break;
            }
            frameSeen = true;
            r.process = processOf(marker);
            r.precision = b.at(seg);
            r.height = b.u16(seg + 1);
            r.width = b.u16(seg + 3);
            r.components = b.at(seg + 5);
            if (length != 8 + 3 * r.components) {
                addProblem(r, "corrupt");
                break;
            }
            if (r.components > 0)
                lumaTable = b.at(seg + 6 + 2) & 0x0F; // Tq of the first component (Y)
        } else if (marker == 0xDB) { // DQT: one or more tables
            qsizetype p = seg;
            bool bad = false;
            while (p < segEnd) {
                const int pq = b.at(p) >> 4;
                const int tq = b.at(p) & 0x0F;
                const int size = pq ? 128 : 64;
                if (tq > 3 || pq > 1 || p + 1 + size > segEnd) {
                    bad = true;
                    break;
                }
                std::array<quint16, 64> t{};
                for (int k = 0; k < 64; ++k)
                    t[kZigzag[k]] = pq ? quint16(b.u16(p + 1 + 2 * k)) : quint16(b.at(p + 1 + k));
                tables[tq] = t;
                p += 1 + size;
            }
            if (bad) {
                addProblem(r, "corrupt");
                break;
            }
        } else if (marker == 0xE1 && segEnd - seg > 6) {
            const int o = exifOrientation(b.data() + seg, segEnd - seg);
            if (o != 1)
                r.exifOrientation = o;
        } else if (marker == 0xDA) { // SOS: skip the entropy-coded data up to the next marker
            if (!frameSeen) {
                addProblem(r, "no-frame");
                break;
            }
            qsizetype p = segEnd;
            while (p + 1 < n) {
                if (b.at(p) == 0xFF) {
                    const int next = b.at(p + 1);
                    if (next == 0x00 || (next >= 0xD0 && next <= 0xD7) || next == 0xFF) {
                        p += next == 0xFF ? 1 : 2; // stuffed byte, restart marker, fill byte
                        continue;
                    }
                    break;
                }
                ++p;
            }
            if (p + 1 >= n) {
                addProblem(r, "truncated");
                break;
            }
            pos = p;
            continue;
        }
        pos = segEnd;
    }
    r.complete = ended;
    if (!frameSeen) {
        addProblem(r, "no-frame");
        return r;
    }
    if (r.width != kWidth || r.height != kHeight)
        addProblem(r, "wrong-size");
    if (r.components != 3)
        addProblem(r, "not-colour");
    if (r.precision != 8)
        addProblem(r, "bit-depth");
    if (r.process != QLatin1String("baseline") && r.process != QLatin1String("progressive"))
        addProblem(r, "process");
    if (lumaTable < 0 || !tables[lumaTable]) {
        addProblem(r, "no-quant-table");
    } else {
        quint16 t[64];
        std::copy(tables[lumaTable]->begin(), tables[lumaTable]->end(), t);
        r.quality = estimateQuality(t);
        if (r.quality < kMinQuality)
            addProblem(r, "quality-low");
    }
    if (r.exifOrientation != 1)
        addProblem(r, "orientation");
    return r;
}

} // namespace pd
