#include "core/vision/BlasRuntime.h"

#include <QFileInfo>

#include <dlfcn.h>
#include <link.h>

namespace pd {
namespace {

int findBlasObject(struct dl_phdr_info* info, size_t, void* data)
{
    const QString name = QString::fromLocal8Bit(info->dlpi_name ? info->dlpi_name : "");
    if (name.contains(QLatin1String("libblas.so")) || name.contains(QLatin1String("libopenblas"))) {
        auto* out = static_cast<QString*>(data);
        if (out->isEmpty() || name.contains(QLatin1String("libblas.so")))
            *out = name;
    }
    return 0;
}

template <class Fn>
Fn symbol(const char* name)
{
    return reinterpret_cast<Fn>(dlsym(RTLD_DEFAULT, name));
}

} // namespace

BlasInfo probeBlas()
{
    BlasInfo info;
    QString loaded;
    dl_iterate_phdr(&findBlasObject, &loaded);
    if (!loaded.isEmpty())
        info.libraryPath = QFileInfo(loaded).canonicalFilePath();
    if (auto getConfig = symbol<char* (*)()>("openblas_get_config")) {
        info.openblas = true;
        info.config = QString::fromLatin1(getConfig()).trimmed();
    }
    if (auto getThreads = symbol<int (*)()>("openblas_get_num_threads"))
        info.threads = getThreads();
    return info;
}

bool setBlasThreads(int threads)
{
    auto setThreads = symbol<void (*)(int)>("openblas_set_num_threads");
    if (!setThreads)
        return false;
    setThreads(threads);
    return true;
}

QString blasWarning(const BlasInfo& info)
{
    if (info.openblas)
        return {};
    return QStringLiteral("dlib is not running on OpenBLAS (libblas.so.3 = %1): face descriptors will be about 10× slower. "
                          "Install libopenblas0-pthread.")
        .arg(info.libraryPath.isEmpty() ? QStringLiteral("not loaded") : info.libraryPath);
}

} // namespace pd
