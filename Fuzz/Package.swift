// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets for spendtop's importer, kept out of the main package so its normal build
/// and CI stay fast and free of sanitizer flags.
///
/// `Sources/SpendModel`, `Sources/CZlib` and `Sources/BillImport` are symbolic links to the main
/// package's sources, compiled here with the fuzzer's coverage instrumentation; the fuzz targets
/// reach the importer's internals with `@testable import` (run.sh builds with `-enable-testing`). Each fuzz
/// executable's `main` hands its test to libFuzzer through `FuzzDriver` (LLVMFuzzerRunDriver).
/// Build and run with `Fuzz/run.sh MINUTES` (see TESTING.md).
let package = Package(
  name: "spendtop-fuzz",
  targets: [
    .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
    .target(name: "SpendModel"),
    .target(name: "BillImport", dependencies: ["SpendModel", "CZlib"]),
    .target(name: "FuzzDriver"),
    .executableTarget(name: "FuzzCSVScanner", dependencies: ["BillImport", "FuzzDriver"]),
    .executableTarget(name: "FuzzFormatDetector", dependencies: ["BillImport", "FuzzDriver"]),
    .executableTarget(name: "FuzzColumnMaps", dependencies: ["BillImport", "SpendModel", "FuzzDriver"]),
  ]
)
