import SpendModel

@testable import BillImport

/// The fuzz test (libFuzzer's `LLVMFuzzerTestOneInput`): imports the input as a whole bill, its first byte choosing a real header
/// to put in front (legacy CUR, Athena naming, CUR 2.0, FOCUS, Cost Explorer, or none) so the
/// fuzzer reaches the row readers quickly. Oracles:
/// - skipping bad rows never changes a clean import, and when a strict import stops at a bad row,
///   a skipping import either lists that row first or fails for a reason that is not a row;
/// - reading only the `service` dimension gives the same total as reading every dimension.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzColumnMaps(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = Array(UnsafeBufferPointer(start: data, count: size))
  guard let selector = input.first else { return 0 }
  let header = headers[Int(selector) % headers.count]
  let bytes = Array(header.utf8) + input.dropFirst()
  let strict = importBill(bytes, skipBadRows: false)
  let skipping = importBill(bytes, skipBadRows: true)
  switch (strict, skipping) {
  case (.success(let clean), .success(let skipped)):
    if clean.cube.rows != skipped.cube.rows || !skipped.summary.skippedRows.isEmpty {
      fatalError("skipping bad rows changed a clean import")
    }
    let projected = importBill(bytes, skipBadRows: false, dimensions: [.service])
    guard case .success(let narrow) = projected, narrow.summary.total == clean.summary.total else {
      fatalError("the service projection changed the total: \(projected) versus \(clean.summary.total)")
    }
  case (.failure(.badRow(let bad)), .success(let skipped)):
    if skipped.summary.skippedRows.first != bad {
      fatalError("first skipped row \(skipped.summary.skippedRows) is not \(bad)")
    }
  case (.failure(.badRow), .failure(let error)):
    if case .badRow = error { fatalError("a skipping import failed on a row: \(error)") }
  case (.failure(let strictError), .failure(let skippingError)):
    if strictError != skippingError { fatalError("different errors: \(strictError) versus \(skippingError)") }
  case (.success, .failure(let error)), (.failure(let error), .success):
    fatalError("strict and skipping imports disagree: \(error)")
  }
  return 0
}

private func importBill(
  _ bytes: [UInt8], skipBadRows: Bool, dimensions: Set<Dimension>? = nil
) -> Result<FileImport, BillImportError> {
  Result { () throws(BillImportError) -> FileImport in
    try FileImporter.importFile(
      from: MemoryByteSource(bytes), path: "fuzz.csv", skipBadRows: skipBadRows, dimensions: dimensions)
  }
}

/// Real headers (trimmed) of each format, and none.
private let headers = [
  "identity/LineItemId,bill/PayerAccountId,bill/BillingPeriodStartDate,lineItem/UsageAccountId,"
    + "lineItem/LineItemType,lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UsageType,lineItem/Operation,"
    + "lineItem/ResourceId,lineItem/UnblendedCost,lineItem/NetUnblendedCost,lineItem/CurrencyCode,"
    + "product/region,reservation/EffectiveCost,reservation/ReservationARN,savingsPlan/SavingsPlanEffectiveCost,"
    + "resourceTags/user:team\n",
  "line_item_usage_start_date,line_item_unblended_cost,line_item_product_code,line_item_line_item_type,"
    + "line_item_usage_account_id,resource_tags_user_team,year,month\n",
  "bill_payer_account_id,line_item_usage_start_date,line_item_unblended_cost,line_item_line_item_type,"
    + "product,resource_tags,line_item_currency_code\n",
  "BilledCost,EffectiveCost,ChargePeriodStart,BillingPeriodStart,ServiceName,x_ServiceCode,RegionId,"
    + "ChargeCategory,BillingCurrency,SubAccountId,Tags,ResourceId\n",
  "Service,EC2-Instances($),S3($),Total costs($)\n",
  "",
]
