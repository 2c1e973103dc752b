extension Anomaly {
  /// The anomaly's stable key, under which triage is kept: `kind:start:account:service:usageType:region`.
  ///
  /// It names the series and the first anomalous day, so the same incident detected again (on a
  /// later day of data, from the store or the files it was imported from) has the same key.
  public var key: String {
    "\(kind.rawValue):\(start):\(account):\(service):\(usageType):\(region)"
  }
}
