import BillImport
import Reports
import SpendFormats
import SpendModel
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Paths shared by the report tests.
enum TestPaths {
  /// The package root: three levels up from this file (Tests/ReportsTests/TestSupport.swift).
  static let root: String = {
    var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    parts.removeLast(3)
    return parts.joined(separator: "/")
  }()

  /// A bundled sample dataset (`incident-127k`, `quiet-quarter`).
  static func sample(_ dataset: String) -> String { root + "/sample-bills/" + dataset }

  /// A committed fixture.
  static func fixture(_ name: String) -> String { root + "/Tests/ReportsTests/Fixtures/" + name }

  /// A golden snapshot file.
  static func snapshot(_ name: String) -> String { root + "/Tests/ReportsTests/__Snapshots__/" + name }
}

/// The sample bills, imported once per test process at the grain the weekly report needs.
enum SampleBills {
  /// incident-127k (pixelbox, the October incident).
  static let incident: Cube? = load("incident-127k")
  /// quiet-quarter (larkspur: a new region, a slow log ramp).
  static let quiet: Cube? = load("quiet-quarter")

  /// The cube of a dataset by name.
  static func cube(_ dataset: String) throws -> Cube {
    let cube = dataset == "incident-127k" ? incident : quiet
    return try #require(cube, "sample-bills/\(dataset) could not be imported")
  }

  private static func load(_ dataset: String) -> Cube? {
    let options = ImportOptions(dimensions: [
      .service, .usageType, .lineItemType, .account, .region, .currency,
    ])
    return try? BillReader.read(paths: [TestPaths.sample(dataset)], options: options).cube
  }
}

/// Fixture JSON and money helpers.
enum Fixtures {
  /// Parses a committed JSON fixture.
  static func json(_ name: String) throws -> JSONValue {
    try JSONParser.parse(try ReportFile.read(TestPaths.fixture(name)))
  }

  /// A decimal string (`"12.5"`, `"0E-10"`) as money.
  static func money(_ value: JSONValue?) throws -> Money {
    let text = try #require(value?.stringValue ?? value?.numberText, "expected a decimal")
    return try Money(parsing: text)
  }
}

/// Golden-file comparison: re-record with `RECORD_SNAPSHOTS=1 swift test --filter ReportsTests`.
enum Golden {
  /// Compares `actual` with the snapshot file `name`, or writes it when recording.
  static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    let path = TestPaths.snapshot(name)
    if getenv("RECORD_SNAPSHOTS") != nil {
      try ReportFile.writeAtomically(actual, to: path)
      return
    }
    let expected = try ReportFile.read(path)
    if expected != actual {
      let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let first =
        Array(zip(expectedLines, actualLines)).firstIndex { $0 != $1 }
        ?? min(expectedLines.count, actualLines.count)
      let want = first < expectedLines.count ? String(expectedLines[first]) : "(end)"
      let got = first < actualLines.count ? String(actualLines[first]) : "(end)"
      Issue.record(
        "\(name) differs at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)",
        sourceLocation: sourceLocation)
    }
  }
}

/// Builds small cubes by hand for rule tests.
struct CubeBuilder {
  private(set) var cube = Cube()

  /// Adds `amount` dollars of one service/usage type on a day.
  mutating func add(
    _ day: String, _ service: String, _ usageType: String, cents: Int, lineItemType: String = "Usage",
    currency: String = "USD"
  ) {
    guard let date = Day(iso: day) else {
      Issue.record("bad day \(day)")
      return
    }
    let key = CubeKey(
      day: date, billingPeriod: date.month, payerAccount: "000000000001", account: "000000000001",
      service: service,
      usageType: usageType, operation: "", region: "us-east-1", resource: "", lineItemType: lineItemType,
      currency: currency)
    cube.add(Costs(all: Money(cents: cents)), at: key)
  }

  /// Adds the same amount every day of an inclusive range.
  mutating func daily(_ from: String, _ to: String, _ service: String, _ usageType: String, cents: Int) {
    guard let start = Day(iso: from), let end = Day(iso: to) else {
      Issue.record("bad range")
      return
    }
    for day in start...end { add(day.description, service, usageType, cents: cents) }
  }
}
