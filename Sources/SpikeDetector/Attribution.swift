import SpendModel

/// Builds reported anomalies from grouped leaf events: actual cost, frozen expected cost, and the
/// top contributors ranked by dollars (detector.md §6), all in whole cents (`Cents`).
///
/// A leaf's expected cost is split over its resources by their share of the leaf's cost in the
/// 28 days before the event, so `impactᵢ = actualᵢ − expectedᵢ` adds up to the leaf's impact;
/// resources that were not there before carry their whole cost. The contributions, every one of
/// them before the top are kept, add up to the anomaly's impact to the cent.
struct Attribution: Sendable {
  let cube: Cube
  let series: SpendSeriesSet
  let settings: DetectorSettings

  /// The reported anomaly for one incident (non-empty group).
  func anomaly(for group: [IncidentMember]) -> Anomaly {
    var actual = Money.zero
    var expected = Money.zero
    var contributions: [Contributor] = []
    var maxZ = 0.0
    let lead = group.max {
      abs($0.event.frozenSigma * $0.event.maxZ) < abs($1.event.frozenSigma * $1.event.maxZ)
    }
    for member in group {
      let event = member.event
      let leaf = series.leaves[member.leaf]
      let memberExpected = expectedCost(of: event)
      let byResource = resourceCosts(leaf: leaf, from: event.start, through: event.end)
      let before = resourceCosts(leaf: leaf, from: event.start - 28, through: event.start - 1)
      let beforeTotal = before.values.reduce(Money.zero, +)
      for (resource, cost) in byResource {
        actual += cost
        contributions.append(contributor(leaf.key, resource: resource, impact: cost))
      }
      expected += memberExpected
      // Spread the expected cost over the resources it came from before the event.
      for (resource, cost) in before where !beforeTotal.isZero {
        let part = Money(
          approximately: memberExpected.doubleValue * cost.doubleValue / beforeTotal.doubleValue)
        if let position = contributions.firstIndex(where: { $0.resource == resource && same($0, leaf.key) }) {
          contributions[position].impact -= part
        } else {
          contributions.append(contributor(leaf.key, resource: resource, impact: -part))
        }
      }
      if beforeTotal.isZero && !memberExpected.isZero {
        contributions.append(contributor(leaf.key, resource: "", impact: -memberExpected))
      }
      maxZ = max(maxZ, event.maxZ)
    }
    let days = group.map { series.firstDay.advanced(by: $0.event.start) }
    let ends = group.map { series.firstDay.advanced(by: $0.event.end) }
    let detections = group.map { series.firstDay.advanced(by: $0.event.detected) }
    let leafKeys = group.map { series.leaves[$0.leaf].key }
    let reportedActual = Cents.rounded(actual)
    let impact = reportedActual - expected
    // In key order, so a cent that could go to either of two equal contributions always goes to
    // the same one (the dictionaries above have no stable order).
    contributions.sort { Attribution.key(of: $0).lexicographicallyPrecedes(Attribution.key(of: $1)) }
    for (index, cents) in Cents.allocate(contributions.map(\.impact), total: impact).enumerated() {
      contributions[index].impact = cents
    }
    let direction = group[0].event.direction
    return Anomaly(
      kind: lead?.event.kind ?? .spike, direction: direction,
      start: days.min() ?? series.firstDay, end: ends.max() ?? series.lastDay,
      detected: detections.min() ?? series.lastDay,
      account: common(leafKeys.map(\.account)), service: common(leafKeys.map(\.service)),
      usageType: common(leafKeys.map(\.usageType)), region: common(leafKeys.map(\.region)),
      actual: reportedActual, expected: expected, impact: impact,
      impactPercent: expected.isZero ? nil : impact.doubleValue / expected.doubleValue * 100,
      score: AnomalyScore.of(z: maxZ, threshold: settings.seriesParameters.spikeZ),
      contributors: ContributorRanking.rank(contributions, direction: direction, settings: settings))
  }

  /// Whether a leaf event's impact over its span (actual − frozen expected) goes its way: above
  /// zero for an increase, below for a decrease.
  func netsInItsDirection(_ member: IncidentMember) -> Bool {
    let leaf = series.leaves[member.leaf]
    let actual = resourceCosts(leaf: leaf, from: member.event.start, through: member.event.end).values
      .reduce(Money.zero, +)
    let impact = actual - expectedCost(of: member.event)
    return member.event.direction == .up ? impact > .zero : impact < .zero
  }

  // MARK: - Helpers

  private func expectedCost(of event: SeriesEvent) -> Money {
    var total = 0.0
    for index in event.start...event.end where !series.isGap(index) {
      let day = series.firstDay.advanced(by: index)
      total += max(event.expected(slot: SpendDetector.slot(of: day)), 0)
    }
    return Money(cents: Int((total * 100).rounded()))
  }

  private func resourceCosts(leaf: LeafSeries, from: Int, through: Int) -> [String: Money] {
    guard from <= through else { return [:] }
    let first = series.firstDay.advanced(by: from)
    let last = series.firstDay.advanced(by: through)
    var costs: [String: Money] = [:]
    for index in leaf.rows {
      let row = cube.rows[index]
      guard row.key.day >= first && row.key.day <= last else { continue }
      costs[row.key.resource, default: .zero] += row.costs[settings.basis]
    }
    return costs
  }

  private static func key(of contributor: Contributor) -> [String] {
    [
      contributor.account, contributor.service, contributor.usageType, contributor.region,
      contributor.resource,
    ]
  }

  private func contributor(_ key: LeafKey, resource: String, impact: Money) -> Contributor {
    Contributor(
      account: key.account, service: key.service, usageType: key.usageType, region: key.region,
      resource: resource, impact: impact, share: 0)
  }

  private func same(_ contributor: Contributor, _ key: LeafKey) -> Bool {
    contributor.account == key.account && contributor.service == key.service
      && contributor.usageType == key.usageType && contributor.region == key.region
  }

  private func common(_ values: [String]) -> String {
    guard let first = values.first else { return "" }
    return values.allSatisfy { $0 == first } ? first : "*"
  }
}
