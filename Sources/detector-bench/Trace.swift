import SpendModel
import SpikeDetector
import SpikeEvaluation

/// Prints what the series core saw on one leaf of a generated bill, day by day.
enum Trace {
  static func leaf(bill: GeneratedBill, account: String, usageType: String) -> String {
    let first = bill.days.lowerBound
    var values = [Double](repeating: 0, count: first.distance(to: bill.days.upperBound) + 1)
    for row in bill.cube.rows
    where row.key.account == account && row.key.usageType == usageType && row.key.lineItemType == "Usage" {
      values[first.distance(to: row.key.day)] += row.costs.netAmortized.doubleValue
    }
    var model = SeriesModel(parameters: DetectorSettings().seriesParameters)
    var lines: [String] = []
    for (index, value) in values.enumerated() {
      let day = first.advanced(by: index)
      let assessment = model.observe(value, slot: SpendDetector.slot(of: day))
      let alarms = assessment.alarms.map {
        "\($0.rule.rawValue)-\($0.direction.rawValue)\($0.material ? "" : "(immaterial)")@\($0.start)"
      }
      lines.append(
        "\(index) \(day) wd\(day.weekday) x=\(ReportFormatting.decimalText(value, places: 2)) "
          + "b=\(ReportFormatting.decimalText(assessment.expected ?? .nan, places: 2)) "
          + "s=\(ReportFormatting.decimalText(assessment.sigma, places: 2)) z=\(ReportFormatting.decimalText(assessment.z, places: 2)) "
          + alarms.joined(separator: " "))
    }
    return lines.joined(separator: "\n")
  }
}
