import SpendModel
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// How `spendtop import` shows its progress on stderr.
enum ProgressStyle: String, CaseIterable {
  /// A bar redrawn in place (rows/s, MB/s, ETA): for terminals.
  case bar
  /// One plain `progress …` line per step: for logs and scripts that watch an import.
  case lines
  /// Nothing.
  case none
}

/// Draws import progress on stderr, from any thread, at most every 100 ms.
final class ImportProgressDisplay: Sendable {
  private struct State {
    var lastDraw: Double = -1
    var drewBar = false
    /// Every file is read: the bar gives way to the store's steps.
    var readingDone = false
  }

  private let style: ProgressStyle
  private let start: Double
  private let state = Mutex(State())

  init(style: ProgressStyle) {
    self.style = style
    self.start = ImportProgressDisplay.monotonicSeconds()
  }

  /// Reports reading progress: rows and bytes so far out of the total bytes.
  func reading(rows: Int, bytes: Int64, totalBytes: Int64, filesDone: Int, filesTotal: Int) {
    let now = ImportProgressDisplay.monotonicSeconds()
    let finished = filesDone == filesTotal
    let draw = state.withLock { state -> Bool in
      guard finished || now - state.lastDraw >= 0.1 else { return false }
      state.lastDraw = now
      if finished { state.readingDone = true }
      if style == .bar { state.drewBar = true }
      return true
    }
    guard draw else { return }
    switch style {
    case .bar:
      let line = ImportProgressDisplay.bar(
        rows: rows, bytes: bytes, totalBytes: totalBytes, elapsed: now - start)
      writeStandardError("\r" + line + "\u{1B}[K")
    case .lines:
      writeStandardError(
        "progress phase=read files=\(filesDone)/\(filesTotal) rows=\(rows) bytes=\(bytes)/\(totalBytes)\n")
    case .none: break
    }
  }

  /// Reports the store's write (with `.bar`, only once every file is read: the store writes while
  /// files are read, and the reading bar says more until then).
  func storing(_ step: String) {
    switch style {
    case .bar:
      guard state.withLock({ $0.readingDone }) else { return }
      let elapsed = Money(approximately: ImportProgressDisplay.monotonicSeconds() - start).formatted(
        decimals: 1)
      writeStandardError("\rstoring: \(step) (\(elapsed) s)\u{1B}[K")
      state.withLock { $0.drewBar = true }
    case .lines: writeStandardError("progress phase=store \(step)\n")
    case .none: break
    }
  }

  /// Clears the bar so that the summary starts on a clean line.
  func finish() {
    let drewBar = state.withLock { $0.drewBar }
    if drewBar { writeStandardError("\r\u{1B}[K") }
  }

  // MARK: - Rendering

  /// `[=========>          ]  45%  1,234,567 rows  412k rows/s  98.1 MB/s  ETA 0:03`.
  static func bar(rows: Int, bytes: Int64, totalBytes: Int64, elapsed: Double, width: Int = 24) -> String {
    let fraction = totalBytes > 0 ? min(1, Double(bytes) / Double(totalBytes)) : 0
    let filled = Int(fraction * Double(width))
    let body = String(repeating: "=", count: filled) + (filled < width ? ">" : "")
    let padded = body + String(repeating: " ", count: max(0, width - body.count))
    let percent = Int((fraction * 100).rounded(.down))
    let rowsPerSecond = elapsed > 0 ? Double(rows) / elapsed : 0
    let megabytesPerSecond = elapsed > 0 ? Double(bytes) / 1e6 / elapsed : 0
    var text = "[\(padded)] \(percent < 10 ? "  " : percent < 100 ? " " : "")\(percent)%  "
    text += Money(whole: rows).formatted(decimals: 0, grouping: true) + " rows  "
    text += compact(rowsPerSecond) + " rows/s  "
    text += Money(approximately: megabytesPerSecond).formatted(decimals: 1) + " MB/s"
    if bytes > 0, bytes < totalBytes, elapsed > 0 {
      let remaining = Double(totalBytes - bytes) / (Double(bytes) / elapsed)
      text += "  ETA " + clock(remaining)
    }
    return text
  }

  /// `812`, `41.2k`, `1.3M`.
  static func compact(_ value: Double) -> String {
    switch value {
    case ..<1_000: return String(Int(value))
    case ..<1_000_000: return Money(approximately: value / 1_000).formatted(decimals: 1) + "k"
    default: return Money(approximately: value / 1_000_000).formatted(decimals: 1) + "M"
    }
  }

  /// `0:03`, `12:41`, `1:02:03`.
  static func clock(_ seconds: Double) -> String {
    let total = Int(seconds.rounded(.up))
    let (hours, minutes, secs) = (total / 3_600, total % 3_600 / 60, total % 60)
    let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
    return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
  }

  static func monotonicSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}
