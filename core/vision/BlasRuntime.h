#pragma once

#include <QString>

namespace pd {

// Which BLAS dlib's matrix products run on. Debian's reference BLAS makes one descriptor take
// ≈ 210 ms instead of ≈ 16 ms, so start-up checks it (libopenblas0-pthread takes over
// libblas.so.3 through update-alternatives).
struct BlasInfo {
    bool openblas = false;   // openblas_get_config resolves in the process
    QString libraryPath;     // resolved path of the loaded libblas.so.3 (symlinks followed)
    QString config;          // openblas_get_config(), e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH ..."
    int threads = 0;         // openblas_get_num_threads(), 0 when unknown
};

BlasInfo probeBlas();

// Limits OpenBLAS's own threads (a worker pool already uses every core; nested threads only
// contend). Returns false when OpenBLAS is not in use.
bool setBlasThreads(int threads);

// A one-line warning when the BLAS is not OpenBLAS, empty otherwise (for logs and the CLI).
QString blasWarning(const BlasInfo& info);

} // namespace pd
