import CNCursesW
import Glibc

/// Restores the terminal whatever happens: on fatal signals and crashes it ends curses mode,
/// puts stderr back, prints where the log is, and re-raises the signal so the exit status is
/// honest. While the UI runs, stderr goes to a log file (text written to the alternate screen
/// would be lost).
enum CrashGuard {
  /// The real stderr, saved while it points at the log file (-1 when not redirected).
  nonisolated(unsafe) private static var savedStderr: Int32 = -1
  /// The message printed after a crash, prepared before any signal can arrive.
  nonisolated(unsafe) private static var crashNote: [UInt8] = []
  /// Whether curses mode is on (so the handler knows to end it).
  nonisolated(unsafe) static var cursesActive = false

  private static let signals: [Int32] = [
    SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT,
  ]

  /// Sends stderr to `logPath` and installs the signal handlers.
  ///
  /// - Returns: false when the log file cannot be opened (stderr is then left alone).
  @discardableResult
  static func install(logPath: String) -> Bool {
    crashNote = Array("spendtop stopped abnormally; the log is \(logPath)\n".utf8)
    let log = open(logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    if log >= 0 {
      savedStderr = dup(2)
      dup2(log, 2)
      close(log)
    }
    for number in signals {
      signal(number) { received in
        CrashGuard.restoreTerminal()
        if received != SIGINT && received != SIGTERM && received != SIGHUP {
          CrashGuard.crashNote.withUnsafeBufferPointer { _ = write(2, $0.baseAddress, $0.count) }
        }
        signal(received, SIG_DFL)
        raise(received)
      }
    }
    return log >= 0
  }

  /// Ends curses mode and puts stderr back (safe to call twice).
  static func restoreTerminal() {
    if cursesActive {
      cursesActive = false
      endwin()
    }
    if savedStderr >= 0 {
      dup2(savedStderr, 2)
      close(savedStderr)
      savedStderr = -1
    }
  }

  /// Restores the default signal handlers after a normal exit.
  static func uninstall() {
    for number in signals { signal(number, SIG_DFL) }
  }
}
