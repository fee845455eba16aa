#include "core/util/BlasThreads.h"

#include <cstdlib>
#include <unistd.h>

namespace pd {

void ensureSingleThreadedBlas(char** argv)
{
    if (std::getenv("OPENBLAS_NUM_THREADS") != nullptr)
        return;
    ::setenv("OPENBLAS_NUM_THREADS", "1", 1);
    ::execv("/proc/self/exe", argv);
    // execv only returns on failure (no /proc): carry on with the variable set for children.
}

} // namespace pd
