import Dashboard
import SpendModel
import SpendStore

/// The dashboard's first data frame on a large store: a small SQL rollup of the Overview's month
/// and the one before, sent before the full six-month cube (which takes seconds) is read.
///
/// The preview holds day × service × usage type × line item type on the unblended basis only: what
/// the Overview and the Explorer's first levels show. The other bases read zero, and anomalies,
/// incidents, operations, regions and resources arrive with the full load, which replaces it.
enum DashboardStorePreview {
  /// The preview cube for the month of `last` and the month before, from the store's `rollup`.
  static func data(store: SpendStore, last: Day, path: String) throws(StoreError) -> DashboardData {
    let dimensions: [Dimension] = [.day, .service, .usageType, .lineItemType, .currency]
    let filter = CubeFilter(from: last.month.previous.firstDay, to: last)
    let rollup = try store.rollup(by: dimensions, basis: .unblended, filter: filter)
    var cube = Cube()
    for row in rollup.rows {
      guard row.values.count == dimensions.count, let day = Day(iso: row.values[0]) else { continue }
      let key = CubeKey(
        day: day, billingPeriod: day.month, payerAccount: "", account: "", service: row.values[1],
        usageType: row.values[2], operation: "", region: "", resource: "", lineItemType: row.values[3],
        currency: row.values[4], tags: Tags())
      cube.add(Costs(unblended: row.cost, amortized: .zero, netUnblended: .zero, netAmortized: .zero), at: key)
    }
    return DashboardData(cube: cube, sources: [path])
  }
}
