#pragma once

namespace pd {

// OpenBLAS reads OPENBLAS_NUM_THREADS when the library is loaded, before main() runs, and its
// idle threads keep spinning even after openblas_set_num_threads(1): with our own pool of
// descriptor threads on two cores that costs about a third of the throughput. So each
// executable calls this first thing in main(): if the variable is unset it sets it to 1 and
// re-executes itself (once; nothing else has happened yet). Returns normally otherwise.
void ensureSingleThreadedBlas(char** argv);

} // namespace pd
