import SpendModel
import SpikeDetector
import SpikeEvaluation

// detector-bench eval [FIRST_SEED COUNT]  — the evaluation table on generated bills
// detector-bench speed [SERIES DAYS]       — detection time over generated leaf series
// detector-bench digest [SERIES DAYS]      — every event on the speed series (result identity)
// detector-bench fingerprint [SERIES DAYS] — a hash of every assessment and event (result identity)
// detector-bench series FILE...            — a hash of the generic detector's scores per file

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "eval":
  let first = arguments.count > 1 ? UInt64(arguments[1]) ?? 1000 : 1000
  let count = arguments.count > 2 ? UInt64(arguments[2]) ?? 20 : 20
  let evaluation = Evaluation(seeds: Array(first..<(first + count)))
  print(evaluation.table(title: "Generated bills, seeds \(first)–\(first + count - 1)"))
case "speed":
  let series = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
  let days = arguments.count > 2 ? Int(arguments[2]) ?? 400 : 400
  print(SpeedBenchmark.run(series: series, days: days))
case "digest":
  // detector-bench digest [SERIES DAYS]: every event on the speed benchmark's series, one per line.
  let series = arguments.count > 1 ? Int(arguments[1]) ?? 2_000 : 2_000
  let days = arguments.count > 2 ? Int(arguments[2]) ?? 400 : 400
  print(SpeedBenchmark.digest(series: series, days: days))
case "fingerprint":
  let series = arguments.count > 1 ? Int(arguments[1]) ?? 2_000 : 2_000
  let days = arguments.count > 2 ? Int(arguments[2]) ?? 400 : 400
  print(Fingerprint.spend(series: series, days: days))
case "series":
  for path in arguments.dropFirst() { print(Fingerprint.series(path: path)) }
case "trace":
  // detector-bench trace SEED ACCOUNT USAGE_TYPE: one generated leaf, day by day.
  let seed = arguments.count > 1 ? UInt64(arguments[1]) ?? 1000 : 1000
  let bill = BillGenerator().generate(seed: seed)
  for label in bill.labels {
    print("label", label.kind.rawValue, label.start, label.end, label.service, label.usageType, label.account)
  }
  print(
    Trace.leaf(
      bill: bill, account: arguments.count > 2 ? arguments[2] : "",
      usageType: arguments.count > 3 ? arguments[3] : ""))
default:
  print(
    "usage: detector-bench eval [FIRST_SEED COUNT] | speed [SERIES DAYS] | digest [SERIES DAYS]"
      + " | fingerprint [SERIES DAYS] | series FILE...")
}
