import FuzzDriver

#if canImport(Glibc)
  import Glibc
#endif

exit(spendtop_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { fuzzColumnMaps($0, $1) })
