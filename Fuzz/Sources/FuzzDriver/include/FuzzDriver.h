#ifndef SPENDTOP_FUZZ_DRIVER_H
#define SPENDTOP_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer with its usual command line on `callback` (LLVMFuzzerRunDriver): the fuzz
/// executables' `main`, since SwiftPM gives Swift executables their own entry point.
int spendtop_fuzz_run(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size));

#endif
