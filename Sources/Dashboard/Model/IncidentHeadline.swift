import SpendModel

// MARK: - The Ledger screen's headline

extension IncidentItem {
  /// The line above the incident list: `2 incidents · total $X` (`1 incident`), or, when any two
  /// windows overlap, `3 incidents · sum $X (windows overlap: shared costs count twice)`, since
  /// overlapping incidents can each count the same bill overage and a plain total would overstate.
  public static func headline(_ incidents: [IncidentItem]) -> String {
    let sum = incidents.reduce(Money.zero) { $0 + $1.total }.dollars(decimals: 0)
    let count = incidents.count == 1 ? "1 incident" : "\(incidents.count) incidents"
    guard windowsOverlap(incidents) else { return "\(count) · total \(sum)" }
    return "\(count) · sum \(sum) (windows overlap: shared costs count twice)"
  }

  /// Whether any two incidents share a day.
  static func windowsOverlap(_ incidents: [IncidentItem]) -> Bool {
    let windows = incidents.map { ($0.start, $0.end) }.sorted { $0.0 < $1.0 }
    guard var lastEnd = windows.first?.1 else { return false }
    for (start, end) in windows.dropFirst() {
      if start <= lastEnd { return true }
      lastEnd = max(lastEnd, end)
    }
    return false
  }
}
