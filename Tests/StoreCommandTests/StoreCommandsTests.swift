import Foundation
import SpendStore
import Testing

/// `spendtop import`, `imports`, `forget`, and `cube` reading the store, run as a user would.
@Suite struct StoreCommandsTests {
  private static let koku = TestPaths.shared("bills/koku/aws/2023-06-01.csv")
  private static let labs = TestPaths.shared("bills/well-architected-labs/Oct2018-WorkshopCUR.csv.gz")

  @Test func cubeFromTheStoreEqualsCubeFromTheFiles() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = directory.file("spend.sqlite")
    let bills = [Self.labs, TestPaths.shared("bills/well-architected-labs/Nov2018-WorkshopCUR.csv.gz")]
    let imported = try Spendtop.run(["import"] + bills + ["--db", db])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stderr.isEmpty)
    for query in [
      ["--by", "day,service"], ["--by", "usage-type,region", "--basis", "amortized"],
      ["--by", "account,line-item-type", "--from", "2018-10-15", "--to", "2018-11-03"],
      ["--by", "resource", "--format", "json"], ["--by", "service", "--format", "table"],
    ] {
      let fromFiles = try Spendtop.run(["cube"] + bills + query)
      let fromStore = try Spendtop.run(["cube", "--db", db] + query)
      let fromEnvironment = try Spendtop.run(["cube"] + query, environment: ["SPENDTOP_DB": db])
      #expect(fromFiles.status == 0 && fromStore.status == 0 && fromEnvironment.status == 0, "\(query)")
      #expect(fromStore.stdout == fromFiles.stdout, "\(query)")
      #expect(fromEnvironment.stdout == fromFiles.stdout, "\(query)")
      #expect(fromStore.stdout.split(separator: "\n").count > 2, "\(query)")
    }
  }

  @Test func aTableOfSeveralCurrenciesHasNoTotal() throws {
    // NOK and USD (not the whole folder: it also holds 2023-06-01's not-final version of the bill).
    let bills = [Self.koku, TestPaths.shared("bills/koku/aws/2022-07-01-alt-columns.csv")]
    let table = try Spendtop.run(["cube"] + bills + ["--by", "month,currency", "--format", "table"])
    #expect(table.status == 0, "\(table.stderr)")
    #expect(table.stdout.contains("NOK") && table.stdout.contains("USD"))
    #expect(!table.stdout.split(separator: "\n").contains { $0.hasPrefix("total") })
    #expect(table.stdout.contains("(no total: NOK, USD are never added together)"))
    let usd = try Spendtop.run(
      ["cube"] + bills + ["--by", "month,currency", "--currency", "USD", "--format", "table"])
    #expect(usd.status == 0, "\(usd.stderr)")
    #expect(usd.stdout.contains("cost (USD)") && usd.stdout.split(separator: "\n").contains { $0.hasPrefix("total") })
  }

  @Test func aFailedImportLeavesNoNewStoreBehind() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = directory.file("new.sqlite")
    let missing = try Spendtop.run(["import", "--db", db, directory.file("no-such-bill.csv")])
    #expect(missing.status == 66)
    #expect(!FileManager.default.fileExists(atPath: db))
    let reader = try Spendtop.run(["cube", "--db", db, "--by", "month"])
    #expect(reader.status == 66)
    #expect(reader.stderr.contains("no spend store at \(db)"))

    let kept = try Spendtop.run(["import", "--db", db, Self.labs])
    #expect(kept.status == 0, "\(kept.stderr)")
    let failed = try Spendtop.run(["import", "--db", db, directory.file("no-such-bill.csv")])
    #expect(failed.status == 66)
    #expect(FileManager.default.fileExists(atPath: db))
    let stillThere = try Spendtop.run(["imports", "--db", db])
    #expect(stillThere.stdout.contains("Oct2018-WorkshopCUR.csv.gz"))
  }

  @Test func aFilterThatMatchesNothingIsNoted() throws {
    let none = try Spendtop.run(["cube", Self.labs, "--by", "service", "--currency", "EUR"])
    #expect(none.status == 0)
    #expect(none.stdout == "service,cost\n")
    #expect(none.stderr.contains("no cost matches --from/--to/--currency"))
    let some = try Spendtop.run(["cube", Self.labs, "--by", "service", "--currency", "USD"])
    #expect(!some.stderr.contains("no cost matches"))
  }

  @Test func aReversedRangeIsAUsageError() throws {
    let reversed = try Spendtop.run([
      "cube", Self.labs, "--by", "service", "--from", "2018-11-01", "--to", "2018-10-01",
    ])
    #expect(reversed.status == 64)
    #expect(reversed.stderr.contains("--from 2018-11-01 is after --to 2018-10-01"))
  }

  @Test func reportsFromTheStoreEqualReportsFromTheFiles() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = directory.file("spend.sqlite")
    let bills = TestPaths.packageRoot + "/sample-bills/incident-127k"
    #expect(try Spendtop.run(["import", bills, "--db", db, "--quiet"]).status == 0)
    for report in [
      ["report", "weekly"], ["report", "compare", "--period", "2026-10-01..2026-10-31", "--by", "service"],
    ] {
      let fromFiles = try Spendtop.run(report + [bills])
      let fromStore = try Spendtop.run(report + ["--db", db])
      #expect(fromFiles.status == 0 && fromStore.status == 0, "\(report): \(fromStore.stderr)")
      #expect(fromStore.stdout == fromFiles.stdout, "\(report)")
      #expect(fromStore.stdout.split(separator: "\n").count > 10, "\(report)")
    }
  }

  @Test func aBatchWithABadFileStoresNothing() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = directory.file("spend.sqlite")
    #expect(try Spendtop.run(["import", Self.koku, "--db", db]).status == 0)
    let before = try Spendtop.run(["imports", "--db", db, "--format", "json"]).stdout
    let cubeBefore = try Spendtop.run(["cube", "--db", db, "--by", "day,service,currency"]).stdout
    // A bill with an unreadable cost on line 3, between two good files.
    let bad = directory.file("bad.csv")
    try
      ("lineItem/UsageStartDate,lineItem/UnblendedCost,lineItem/CurrencyCode\n"
        + "2026-09-01T00:00:00Z,1.5,USD\n2026-09-02T00:00:00Z,abc,USD\n")
      .write(toFile: bad, atomically: true, encoding: .utf8)
    let failed = try Spendtop.run([
      "import", Self.labs, bad, TestPaths.shared("bills/koku/test_cur.csv"), "--db", db,
    ])
    #expect(failed.status == 65)
    #expect(failed.stderr.contains("bad.csv:3"))
    #expect(failed.stderr.contains("nothing was imported"))
    #expect(try Spendtop.run(["imports", "--db", db, "--format", "json"]).stdout == before)
    #expect(try Spendtop.run(["cube", "--db", db, "--by", "day,service,currency"]).stdout == cubeBefore)
    // With --skip-bad-rows the good rows are stored and the bad one is listed with its line.
    let skipped = try Spendtop.run(["import", bad, "--db", db, "--skip-bad-rows"])
    #expect(skipped.status == 0)
    #expect(skipped.stdout.contains("1 read, 1 skipped"))
    #expect(skipped.stdout.contains("bad.csv:3"))
  }

  @Test func reimportIsIdempotentAndTheRegistryTellsTheStory() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = directory.file("data/spend.sqlite")
    let first = try Spendtop.run(["import", Self.koku, "--db", db])
    #expect(first.status == 0)
    #expect(first.stdout.contains("0099999999999:2023-06 (added)"))
    let cube = try Spendtop.run(["cube", "--db", db, "--by", "day,resource,currency"]).stdout
    let second = try Spendtop.run(["import", Self.koku, "--db", db])
    #expect(second.stdout.contains("0099999999999:2023-06 (replaced)"))
    #expect(try Spendtop.run(["cube", "--db", db, "--by", "day,resource,currency"]).stdout == cube)
    let imports = try Spendtop.run(["imports", "--db", db])
    #expect(imports.status == 0)
    #expect(imports.stdout.contains("0099999999999:2023-06 (replaced)"))
    let forgot = try Spendtop.run(["forget", "0099999999999:2023-06", "--db", db])
    #expect(forgot.status == 0 && forgot.stdout.hasPrefix("forgot 0099999999999:2023-06"))
    let empty = try Spendtop.run(["cube", "--db", db, "--by", "service"])
    #expect(empty.stdout == "service,cost\n")
    #expect(try Spendtop.run(["forget", "2023-06", "--db", db]).status == 66)
    #expect(try Spendtop.run(["imports", "--db", directory.file("none.sqlite")]).status == 66)
  }
}
