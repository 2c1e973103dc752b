// swift-tools-version: 6.0
import PackageDescription

/// spendtop: a terminal dashboard for cloud spend incidents.
///
/// One module per stage of the data's way: bill → rows → cube → store → detector / ledger /
/// reports → screen. Each module depends only on modules above it; nothing but `TerminalUI`
/// imports a terminal library.
let package = Package(
  name: "spendtop",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "spendtop", targets: ["spendtop"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
  ],
  targets: [
    // MARK: - System libraries (Debian -dev packages)
    .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(name: "CNCursesW", providers: [.apt(["libncurses-dev"])]),

    // MARK: - Formats (JSON and TOML, one implementation each, for every module that uses them)
    .target(name: "SpendFormats", dependencies: ["SpendModel"]),

    // MARK: - Domain (no terminal)
    .target(name: "SpendModel"),
    .target(name: "BillImport", dependencies: ["SpendModel", "SpendFormats", "CZlib"]),
    .target(name: "Reports", dependencies: ["SpendModel", "SpendFormats", "SpikeDetector"]),
    .target(name: "SpikeDetector", dependencies: ["SpendModel", "SpendFormats"]),
    .target(name: "SpikeEvaluation", dependencies: ["SpikeDetector", "SpendModel"]),
    .target(name: "IncidentLedger", dependencies: ["SpendModel", "SpendFormats", "SpikeDetector"]),
    // SQL that computes the cube in Athena / Trino / DuckDB, and the cube CSV those queries return.
    .target(name: "CubeSQL", dependencies: ["SpendModel", "SpendFormats", "BillImport"]),

    // MARK: - Storage
    .target(name: "SpendStore", dependencies: ["SpendModel", "CSQLite"]),

    // MARK: - Screen (pure: state, update, view into a cell grid; no terminal)
    .target(
      name: "Dashboard",
      dependencies: ["SpendModel", "SpendFormats", "Reports", "SpikeDetector", "IncidentLedger"]),

    // MARK: - Terminal (the only importer of CNCursesW)
    .target(name: "TerminalUI", dependencies: ["Dashboard", "CNCursesW"]),

    // MARK: - Composition root
    .executableTarget(
      name: "spendtop",
      dependencies: [
        "SpendModel",
        "SpendStore",
        "BillImport",
        "Reports",
        "SpikeDetector",
        "Dashboard",
        "TerminalUI",
        "IncidentLedger",
        "SpendFormats",
        "CubeSQL",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // MARK: - Benchmarks (run with -c release; see BENCHMARKS.md)
    .executableTarget(
      name: "DashboardBenchmark", dependencies: ["Dashboard", "SpendModel"], path: "Benchmarks/DashboardBenchmark",
      linkerSettings: [.linkedLibrary("m")]),
    .executableTarget(name: "detector-bench", dependencies: ["SpikeEvaluation", "SpikeDetector", "SpendModel"]),

    // MARK: - Tests
    .testTarget(name: "SpendFormatsTests", dependencies: ["SpendFormats", "SpendModel"]),
    .testTarget(name: "SpendModelTests", dependencies: ["SpendModel"]),
    .testTarget(name: "SpendStoreTests", dependencies: ["SpendStore", "SpendModel", "BillImport"]),
    .testTarget(
      name: "StoreCommandTests", dependencies: ["spendtop", "SpendStore", "SpendModel", "Dashboard", "BillImport"]),
    .testTarget(name: "BillImportTests", dependencies: ["BillImport", "SpendModel"], exclude: ["Fixtures"]),
    .testTarget(
      name: "ReportsTests", dependencies: ["Reports", "SpendFormats", "BillImport", "SpendModel", "SpikeDetector"],
      exclude: ["Fixtures", "__Snapshots__"]),
    .testTarget(
      name: "DashboardTests",
      dependencies: ["Dashboard", "SpendFormats", "SpendModel", "BillImport", "IncidentLedger", "SpikeDetector"], exclude: ["__Snapshots__"]),
    .testTarget(
      name: "SpikeDetectorTests", dependencies: ["SpikeDetector", "SpikeEvaluation", "BillImport", "SpendModel"]),
    // Runs the real `spendtop` binary on Tests/Fixtures/hostile (broken inputs).
    .testTarget(name: "HostileInputTests", dependencies: ["spendtop", "BillImport"]),
    // Runs the emitted SQL with the DuckDB CLI and parses it with sqlglot (scripts/install-sql-tools.sh).
    .testTarget(
      name: "CubeSQLTests", dependencies: ["CubeSQL", "spendtop", "SpendStore", "SpendModel", "BillImport"]),
    .testTarget(
      name: "IncidentLedgerTests", dependencies: ["IncidentLedger", "SpendFormats", "SpendModel", "BillImport", "SpikeDetector"],
      exclude: ["Golden"]),
  ]
)
