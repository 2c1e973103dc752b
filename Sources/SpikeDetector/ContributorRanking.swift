import SpendModel

/// Which contributors an anomaly lists (detector.md §6): the finest level at which the top one still
/// explains at least `minContributorShare` (10%) of the increase, so a $25,000 step spread over 300
/// snapshots is not "1% snapshot-x" but the usage types and accounts that carry it.
///
/// Levels, finest first: resource; leaf (account × usage type × region); usage type (account and
/// region `*` when they differ). At the chosen level every contributor with |share| ≥ 10% is listed
/// (the top one always), at most `maxContributors`: increases first, largest first, then offsetting
/// ones (negative share: they went the other way inside the incident) largest first.
enum ContributorRanking {
  /// The levels contributors are rolled up to, finest first.
  enum Level: CaseIterable {
    case resource, leaf, usageType
  }

  /// The contributors to list, from resource-level contributions.
  static func rank(_ contributions: [Contributor], direction: Direction, settings: DetectorSettings)
    -> [Contributor]
  {
    var chosen: [Contributor] = []
    for level in Level.allCases {
      chosen = shared(rolledUp(contributions, to: level), direction: direction)
      if let top = chosen.first, top.share >= settings.minContributorShare { break }
    }
    var kept: [Contributor] = []
    for contributor in chosen where kept.isEmpty || abs(contributor.share) >= settings.minContributorShare {
      guard kept.count < settings.maxContributors else { break }
      kept.append(contributor)
    }
    return kept.filter { $0.share >= 0 } + kept.filter { $0.share < 0 }.sorted { $0.share < $1.share }
  }

  /// Shares of the increase (or decrease) in the anomaly's direction, largest first.
  static func shared(_ contributions: [Contributor], direction: Direction) -> [Contributor] {
    let sign = direction == .up ? 1.0 : -1.0
    // Summed exactly (Money), so the shares do not depend on the contributions' order.
    let positive = contributions.reduce(Money.zero) { sum, contributor in
      let impact = direction == .up ? contributor.impact : -contributor.impact
      return impact > .zero ? sum + impact : sum
    }.doubleValue
    var ranked = contributions.map { contributor -> Contributor in
      var copy = contributor
      copy.share = positive > 0 ? sign * contributor.impact.doubleValue / positive : 0
      return copy
    }
    ranked.sort { ($0.share, $1.sortKey) > ($1.share, $0.sortKey) }
    return ranked
  }

  /// Contributions summed to a level: finer fields become "" (resource) or "*" (differing values).
  static func rolledUp(_ contributions: [Contributor], to level: Level) -> [Contributor] {
    guard level != .resource else { return contributions }
    var groups: [String: Contributor] = [:]
    var order: [String] = []
    for contributor in contributions {
      let key =
        level == .leaf
        ? [contributor.account, contributor.service, contributor.usageType, contributor.region]
          .joined(separator: "\u{1F}")
        : contributor.service + "\u{1F}" + contributor.usageType
      if var group = groups[key] {
        group.impact += contributor.impact
        if group.account != contributor.account { group.account = "*" }
        if group.region != contributor.region { group.region = "*" }
        groups[key] = group
      } else {
        var group = contributor
        group.resource = ""
        groups[key] = group
        order.append(key)
      }
    }
    return order.compactMap { groups[$0] }
  }
}

extension Contributor {
  /// A total order for ties in share.
  fileprivate var sortKey: String {
    [account, service, usageType, region, resource].joined(separator: "\u{1F}")
  }
}
