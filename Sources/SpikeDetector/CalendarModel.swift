import SpendModel

/// Calendar charges (fees, commitments, support, tax, credits, refunds, discounts) compared with
/// the same charge in previous months at the same day of the month (detector.md §5 step 7).
///
/// A recurring fee that lands as it did before is normal, whatever day it lands; a fee that
/// differs by at least `minImpact` and `calendarPercent` is a `calendar` anomaly; a fee never seen
/// before is a `new-charge` notice; credits and refunds are notices; tax and support, which follow
/// usage, are `derived-charge` notices when they change; discounts are left to the usage they track.
struct CalendarModel: Sendable {
  /// The calendar anomalies.
  private(set) var anomalies: [Anomaly] = []
  /// The notices.
  private(set) var notices: [Notice] = []

  private struct ChargeKey: Hashable {
    var account: String
    var service: String
    var usageType: String
    var region: String
    var lineItemType: String
  }

  /// Evaluates every calendar charge in the series set.
  init(cube: Cube, series: SpendSeriesSet, settings: DetectorSettings) {
    // Amount per charge, per month, per day of the month.
    var charges: [ChargeKey: [Month: [Int: Money]]] = [:]
    for index in series.calendarRows {
      let row = cube.rows[index]
      let key = ChargeKey(
        account: row.key.account, service: row.key.service, usageType: row.key.usageType,
        region: row.key.region, lineItemType: row.key.lineItemType)
      charges[key, default: [:]][row.key.day.month, default: [:]][row.key.day.dayOfMonth, default: .zero] +=
        row.costs[settings.basis]
    }
    let orderedKeys = charges.keys.sorted {
      ($0.service, $0.usageType, $0.account, $0.region, $0.lineItemType)
        < ($1.service, $1.usageType, $1.account, $1.region, $1.lineItemType)
    }
    for key in orderedKeys {
      guard let months = charges[key] else { continue }
      for month in months.keys.sorted() {
        evaluate(key: key, month: month, months: months, series: series, settings: settings)
      }
    }
  }

  // MARK: - Evaluation

  private mutating func evaluate(
    key: ChargeKey, month: Month, months: [Month: [Int: Money]], series: SpendSeriesSet,
    settings: DetectorSettings
  ) {
    guard let amounts = months[month], let firstDom = amounts.keys.min() else { return }
    let kind = ChargeKind(lineItemType: key.lineItemType)
    let lastDom = month == series.lastDay.month ? series.lastDay.dayOfMonth : month.dayCount
    let total = monthToDate(amounts, through: lastDom)
    let firstDay = Day(year: month.year, month: month.month, day: firstDom)
    switch kind {
    case .credit, .refund:
      notices.append(
        notice(kind == .credit ? .credit : .refund, key: key, day: firstDay, amount: total, expected: nil))
      return
    case .discount, .usage:
      return
    case .fee, .tax:
      break
    }
    // Previous months fully inside the data are comparable.
    var previous: [[Int: Money]] = []
    var candidate = month.previous
    while previous.count < 3 && candidate.firstDay >= series.firstDay {
      previous.append(months[candidate] ?? [:])
      candidate = candidate.previous
    }
    let seenBefore = months.keys.contains { $0 < month }
    guard !previous.isEmpty else {
      if !seenBefore && series.firstDay < month.firstDay && kind == .fee {
        notices.append(notice(.newCharge, key: key, day: firstDay, amount: total, expected: nil))
      }
      return
    }
    if !seenBefore || previous.allSatisfy(\.isEmpty) {
      if kind == .fee {
        notices.append(notice(.newCharge, key: key, day: firstDay, amount: total, expected: nil))
      }
      return
    }
    // Expected: the median of the comparable months; a change must also differ from last month,
    // so a fee that changed for good alarms in its first month only.
    func expected(through dom: Int, _ lengthOf: (Int) -> Int) -> (median: Money, last: Money) {
      let values = previous.enumerated().map {
        monthToDate($0.element, through: min(dom, lengthOf($0.offset)))
      }
      return (values.sorted()[values.count / 2], values[0])
    }
    let lengths = (0..<previous.count).map { offset in
      (0...offset).reduce(month) { current, _ in current.previous }.dayCount
    }
    let gateFraction = settings.calendarPercent / 100
    let derived = kind == .tax || key.service.localizedSupport
    var detectedDom: Int?
    var direction = Direction.up
    for dom in 1...lastDom {
      let actual = monthToDate(amounts, through: dom)
      let reference = expected(through: dom) { lengths[$0] }
      let baseline = reference.median
      let difference = actual - baseline
      let fromLast = actual - reference.last
      let gate = max(settings.minImpact.doubleValue, gateFraction * abs(baseline.doubleValue))
      let lastGate = max(settings.minImpact.doubleValue, gateFraction * abs(reference.last.doubleValue))
      let changed =
        abs(difference.doubleValue) >= gate && abs(fromLast.doubleValue) >= lastGate
        && (difference > .zero) == (fromLast > .zero)
      if changed && (difference > .zero || settings.includeDecreases || derived) {
        detectedDom = dom
        direction = difference > .zero ? .up : .down
        break
      }
    }
    guard let detectedDom else { return }
    let baseline = expected(through: lastDom) { lengths[$0] }.median
    if derived {
      notices.append(notice(.derivedCharge, key: key, day: firstDay, amount: total, expected: baseline))
      return
    }
    // Reported in whole cents (`Cents`); the score keeps the exact difference.
    let exactImpact = total - baseline
    let actual = Cents.rounded(total)
    let expected = Cents.rounded(baseline)
    let impact = actual - expected
    let detected = Day(year: month.year, month: month.month, day: detectedDom)
    let lastCharged = amounts.keys.filter { $0 <= lastDom }.max() ?? detectedDom
    let gate = max(settings.minImpact.doubleValue, gateFraction * abs(baseline.doubleValue))
    anomalies.append(
      Anomaly(
        kind: .calendar, direction: direction, start: detected,
        end: max(detected, Day(year: month.year, month: month.month, day: lastCharged)), detected: detected,
        account: key.account, service: key.service, usageType: key.usageType, region: key.region,
        actual: actual, expected: expected, impact: impact,
        impactPercent: expected.isZero ? nil : impact.doubleValue / expected.doubleValue * 100,
        score: AnomalyScore.of(z: 3.5 * abs(exactImpact.doubleValue) / max(gate, 1e-9), threshold: 3.5),
        contributors: [
          Contributor(
            account: key.account, service: key.service, usageType: key.usageType, region: key.region,
            resource: "", impact: impact, share: direction == .up ? 1 : -1)
        ]))
  }

  private func monthToDate(_ amounts: [Int: Money], through dom: Int) -> Money {
    var sum = Money.zero
    for (day, amount) in amounts where day <= dom { sum += amount }
    return sum
  }

  private func notice(_ kind: NoticeKind, key: ChargeKey, day: Day, amount: Money, expected: Money?) -> Notice
  {
    Notice(
      kind: kind, day: day, account: key.account, service: key.service, usageType: key.usageType,
      region: key.region, lineItemType: key.lineItemType, amount: amount, expected: expected)
  }
}

extension String {
  /// Whether a service name is an AWS Support plan (its fee follows usage).
  fileprivate var localizedSupport: Bool { contains("Support") }
}
