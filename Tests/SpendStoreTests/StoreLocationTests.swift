import Testing

@testable import SpendStore

@Suite struct StoreLocationTests {
  @Test func optionBeatsEnvironmentBeatsXDGBeatsHome() throws {
    let everything = ["HOME": "/home/ana", "XDG_DATA_HOME": "/data", "SPENDTOP_DB": "/env/spend.sqlite"]
    #expect(
      try StoreLocation.resolve(explicit: "/opt/x.sqlite", environment: everything)
        == StoreLocation(path: "/opt/x.sqlite", source: .option))
    #expect(
      try StoreLocation.resolve(explicit: nil, environment: everything)
        == StoreLocation(path: "/env/spend.sqlite", source: .environment))
    var noVariable = everything
    noVariable["SPENDTOP_DB"] = ""
    #expect(
      try StoreLocation.resolve(explicit: nil, environment: noVariable)
        == StoreLocation(path: "/data/spendtop/spend.sqlite", source: .xdgDataHome))
    #expect(
      try StoreLocation.resolve(explicit: nil, environment: ["HOME": "/home/ana"])
        == StoreLocation(path: "/home/ana/.local/share/spendtop/spend.sqlite", source: .defaultLocation))
  }

  @Test func relativeXDGDataHomeIsIgnoredAndTildeIsExpanded() throws {
    let environment = ["HOME": "/home/ana", "XDG_DATA_HOME": "relative/data"]
    #expect(
      try StoreLocation.resolve(explicit: nil, environment: environment).path
        == "/home/ana/.local/share/spendtop/spend.sqlite")
    #expect(
      try StoreLocation.resolve(explicit: "~/bills.sqlite", environment: environment).path
        == "/home/ana/bills.sqlite")
    #expect(
      try StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/x/"]).path
        == "/x/spendtop/spend.sqlite")
  }

  @Test func noPlaceAtAllIsAnError() {
    #expect(throws: StoreError.noLocation) { try StoreLocation.resolve(explicit: nil, environment: [:]) }
  }
}
