import SpendModel
import Testing

@testable import BillImport

/// Legacy CUR manifests: parts resolved under the manifest's folder, read once, the top-level
/// manifest's assembly winning, missing and escaping parts reported.
struct ManifestTests {
  static let kokuPeriod = "koku/test_local_bucket/koku-local/20180801-20180901"
  static let kokuAssembly = kokuPeriod + "/16e57707-f9e3-49be-8be6-b84e684b5194"

  @Test func topLevelManifestImportsItsAssemblysPart() throws {
    let manifest = TestPaths.bill(Self.kokuPeriod + "/koku-local-Manifest.json")
    let viaManifest = try BillReader.read(paths: [manifest])
    let direct = try BillReader.read(paths: [TestPaths.bill(Self.kokuAssembly + "/koku-local-1.csv.gz")])
    #expect(viaManifest.summaries.count == 1)
    #expect(viaManifest.summaries.first?.manifest == manifest)
    #expect(viaManifest.summaries.first?.path.hasSuffix("16e57707-f9e3-49be-8be6-b84e684b5194/koku-local-1.csv.gz") == true)
    #expect(Set(viaManifest.cube.rows) == Set(direct.cube.rows))
    #expect(viaManifest.summaries.first?.rowsRead == 13_380)
  }

  @Test func assemblyManifestResolvesBesideItself() throws {
    let plan = try ImportPlan.make(paths: [TestPaths.bill(Self.kokuAssembly + "/koku-local-Manifest.json")])
    #expect(plan.sources.map { FileSystem.name(of: $0.path) } == ["koku-local-1.csv.gz"])
  }

  @Test func prefixedReportKeysResolve() throws {
    let folder = "koku/test_local_bucket_prefix/my-prefix/my-report/20180801-20180901"
    let plan = try ImportPlan.make(paths: [TestPaths.bill(folder + "/my-report-Manifest.json")])
    #expect(plan.sources.count == 1)
    #expect(plan.sources.first?.path.hasSuffix("861af42f-713c-4a42-9562-9158a7625630/my-report-1.csv.gz") == true)
  }

  @Test func aPartListedBySeveralManifestsIsReadOnce() throws {
    // The folder holds the top-level and the assembly manifest, both listing the same part;
    // the manifest is also given by name.
    let bucket = TestPaths.bill("koku/test_local_bucket")
    let plan = try ImportPlan.make(paths: [bucket, TestPaths.bill(Self.kokuAssembly + "/koku-local-Manifest.json")])
    #expect(plan.sources.count == 1)
    let imported = try BillReader.read(paths: [bucket])
    #expect(imported.summaries.map(\.rowsRead) == [13_380])
  }

  @Test func topLevelManifestsAssemblyWinsOverAnOlderOne() throws {
    let scratch = ScratchFolder("assemblies")
    defer { scratch.remove() }
    let part = TestPaths.fixture("cur2-commitments.csv")
    let period = "report/20260801-20260901"
    scratch.copy(part, to: "\(period)/new-assembly/report-1.csv")
    scratch.copy(TestPaths.bill("koku/test_cur.csv"), to: "\(period)/old-assembly/report-1.csv")
    scratch.write("\(period)/old-assembly/report-Manifest.json", Self.manifest("old-assembly", ["report/\(period)/old-assembly/report-1.csv"]))
    scratch.write("\(period)/new-assembly/report-Manifest.json", Self.manifest("new-assembly", ["report/\(period)/new-assembly/report-1.csv"]))
    scratch.write("\(period)/report-Manifest.json", Self.manifest("new-assembly", ["report/\(period)/new-assembly/report-1.csv"]))
    scratch.write("README.md", "not a bill")
    scratch.write("notes.json", "{\"hello\": 1}")
    let imported = try BillReader.read(paths: [scratch.path])
    #expect(imported.summaries.count == 1)
    #expect(imported.summaries.first?.path.hasSuffix("new-assembly/report-1.csv") == true)
    let direct = try BillReader.read(paths: [part])
    #expect(Set(imported.cube.rows) == Set(direct.cube.rows))
  }

  @Test func overwriteModeFolderReadsEveryListedPartOnce() throws {
    let folder = TestPaths.resolve("sample-bills/quiet-quarter")
    let plan = try ImportPlan.make(paths: [folder])
    #expect(plan.sources.count == 6)
    #expect(plan.sources.allSatisfy { $0.manifest?.hasSuffix("larkspur-cur-daily-Manifest.json") == true })
    let viaFolder = try BillReader.read(paths: [folder])
    let direct = try BillReader.read(paths: plan.sources.map(\.path), options: ImportOptions(parallelism: 1))
    #expect(try viaFolder.cube.rollup(by: [.day, .service, .lineItemType]).rows
      == direct.cube.rollup(by: [.day, .service, .lineItemType]).rows)
  }

  @Test func missingPartIsAnErrorNamingIt() {
    let manifest = TestPaths.bill("ice-manifests/manifestTest.json")
    #expect(throws: BillImportError.self) { try ImportPlan.make(paths: [manifest]) }
    do {
      _ = try ImportPlan.make(paths: [manifest])
    } catch {
      guard case .missingPart(let named, let key, _) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(named == manifest)
      #expect(key.hasSuffix("hourly-cost-and-usage-01.csv.gz"))
      #expect(error.description.contains("hourly-cost-and-usage-01.csv.gz"))
    }
  }

  @Test func iceManifestsParse() throws {
    for name in ["manifest-2018-01.json", "manifest-2019-01.json", "manifest-2019-12.json", "manifestTest.json"] {
      let manifest = try CURManifest.load(TestPaths.bill("ice-manifests/" + name))
      #expect(!manifest.assemblyId.isEmpty)
    }
    let test = try CURManifest.load(TestPaths.bill("ice-manifests/manifestTest.json"))
    #expect(test.reportKeys.count == 2)
    #expect(test.reportName == "hourly-cost-and-usage")
    // A manifest listing no parts imports nothing.
    #expect(try ImportPlan.make(paths: [TestPaths.bill("ice-manifests/manifest-2018-01.json")]).sources.isEmpty)
  }

  @Test func iceFolderFailsOnTheMissingPart() {
    #expect {
      try BillReader.read(paths: [TestPaths.bill("ice-manifests")])
    } throws: { error in
      guard let error = error as? BillImportError, case .missingPart = error else { return false }
      return true
    }
  }

  @Test(arguments: ["../outside.csv", "report/../../../etc/passwd", "a/./../b.csv"])
  func partsMayNotEscapeTheManifestsFolder(_ key: String) throws {
    let scratch = ScratchFolder("escape")
    defer { scratch.remove() }
    scratch.copy(TestPaths.fixture("cur2-commitments.csv"), to: "outside.csv")
    let manifest = scratch.write("inner/report-Manifest.json", Self.manifest("a1", [key]))
    #expect(throws: BillImportError.partOutsideManifestFolder(manifest: manifest, key: key)) {
      try ImportPlan.make(paths: [manifest])
    }
  }

  @Test func jsonThatIsNotAManifestIsAnErrorByNameButIgnoredInAFolder() throws {
    let scratch = ScratchFolder("notmanifest")
    defer { scratch.remove() }
    let json = scratch.write("data/config.json", "{\"columns\": []}")
    scratch.copy(TestPaths.fixture("cost-explorer-monthly.csv"), to: "data/ce.csv")
    #expect {
      try ImportPlan.make(paths: [json])
    } throws: { error in
      guard let error = error as? BillImportError, case .invalidManifest = error else { return false }
      return true
    }
    let plan = try ImportPlan.make(paths: [scratch.path])
    #expect(plan.sources.map { FileSystem.name(of: $0.path) } == ["ce.csv"])
  }

  static func manifest(_ assembly: String, _ keys: [String]) -> String {
    let list = keys.map { "\"\($0)\"" }.joined(separator: ",")
    return """
      {"assemblyId":"\(assembly)","account":"000123456789","columns":[{"category":"lineItem","name":"UnblendedCost"}],
      "charset":"UTF-8","compression":"GZIP","contentType":"text/csv","reportName":"report",
      "billingPeriod":{"start":"20260801T000000.000Z","end":"20260901T000000.000Z"},"bucket":"b","reportKeys":[\(list)]}
      """
  }
}
