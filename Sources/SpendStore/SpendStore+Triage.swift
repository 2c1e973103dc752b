import SpendModel

extension SpendStore {
  // MARK: - Triage

  /// Records (or replaces) the decision about an anomaly, stamped with the store's clock.
  ///
  /// - Returns: the entry as stored.
  @discardableResult
  public func setTriage(anomaly: String, verdict: TriageVerdict, reason: String) throws(StoreError) -> TriageEntry
  {
    let entry = TriageEntry(anomaly: anomaly, verdict: verdict, reason: reason, decidedAt: clock.now())
    try connection.run(
      """
      INSERT INTO triage (anomaly, state, reason, decided_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (anomaly) DO UPDATE SET state = excluded.state, reason = excluded.reason,
        decided_at = excluded.decided_at
      """,
      [.text(anomaly), .text(verdict.rawValue), .text(reason), .integer(entry.decidedAt)])
    return entry
  }

  /// The decision about an anomaly, or nil when nobody triaged it.
  public func triage(anomaly: String) throws(StoreError) -> TriageEntry? {
    try readTriage(where: "WHERE anomaly = ?", [.text(anomaly)]).first
  }

  /// Every triage decision, by anomaly key.
  public func allTriage() throws(StoreError) -> [TriageEntry] {
    try readTriage(where: "ORDER BY anomaly", [])
  }

  /// Forgets the decision about an anomaly; returns whether there was one.
  @discardableResult
  public func clearTriage(anomaly: String) throws(StoreError) -> Bool {
    try connection.run("DELETE FROM triage WHERE anomaly = ?", [.text(anomaly)])
    return connection.changes > 0
  }

  private func readTriage(where clause: String, _ values: [SQLValue]) throws(StoreError) -> [TriageEntry] {
    let rows = try connection.query("SELECT anomaly, state, reason, decided_at FROM triage \(clause)", values)
    var entries: [TriageEntry] = []
    for row in rows {
      guard row.count == 4, let anomaly = row[0].text, let stateText = row[1].text,
        let verdict = TriageVerdict(rawValue: stateText), let reason = row[2].text, let decidedAt = row[3].integer
      else { throw .corrupt("a triage row does not match the schema") }
      entries.append(TriageEntry(anomaly: anomaly, verdict: verdict, reason: reason, decidedAt: decidedAt))
    }
    return entries
  }
}
