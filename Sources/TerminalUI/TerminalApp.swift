import Dashboard
import Glibc
import Synchronization

/// Runs the dashboard in the terminal: the Elm loop around `DashboardApp.update` and `view`.
///
/// Input, resize and effect results become `Msg`s; each frame is diffed against the last and only
/// changed cells are written. Effects run off this thread (through `effects`) and answer through
/// a mailbox drained between key reads, so the UI stays live while bills load.
public enum TerminalApp {
  /// Runs one effect and reports back with `send` (from any thread).
  public typealias EffectRunner = @Sendable (Effect, _ send: @escaping @Sendable (Msg) -> Void) -> Void

  /// How a run ended.
  public enum Outcome: Sendable, Equatable {
    /// The user quit.
    case quit
    /// There is no usable terminal (no TTY, unknown `TERM`); nothing was drawn.
    case noTerminal
  }

  /// Takes over the terminal until the user quits.
  ///
  /// - Parameters:
  ///   - mouse: turn on mouse reporting.
  ///   - logPath: where stderr goes while the UI runs.
  ///   - environment: the process environment (for `NO_COLOR`, `TERM`).
  ///   - initialEffects: effects to run at once (loading the data).
  ///   - makeState: builds the first state from the terminal's size and colour depth.
  ///   - effects: runs effects.
  public static func run(
    mouse: Bool, logPath: String, environment: [String: String], initialEffects: [Effect],
    makeState: (Size, ColorDepth) -> DashboardState, effects: @escaping EffectRunner
  ) -> Outcome {
    CrashGuard.install(logPath: logPath)
    guard let terminal = NCursesTerminal(mouse: mouse, environment: environment) else {
      CrashGuard.restoreTerminal()
      CrashGuard.uninstall()
      return .noTerminal
    }
    defer {
      terminal.close()
      CrashGuard.restoreTerminal()
      CrashGuard.uninstall()
    }
    let mailbox = Mailbox()
    var state = makeState(terminal.size, terminal.depth)
    var pending = initialEffects
    var dirty = true
    while true {
      for effect in pending {
        if effect == .quit { return .quit }
        effects(effect) { mailbox.post($0) }
      }
      pending = []
      for message in mailbox.drain() {
        pending += DashboardApp.update(&state, message)
        dirty = true
      }
      if dirty {
        terminal.draw(DashboardApp.view(state, size: state.size))
        dirty = false
      }
      guard pending.isEmpty else { continue }
      if let message = terminal.read() {
        if case .key(.control("l")) = message { terminal.invalidate() }
        pending += DashboardApp.update(&state, message)
        dirty = true
      }
    }
  }
}

/// Messages posted by effects from other threads, drained by the UI loop.
final class Mailbox: Sendable {
  private let messages = Mutex<[Msg]>([])

  /// Adds a message (any thread).
  func post(_ message: Msg) {
    messages.withLock { $0.append(message) }
  }

  /// Takes all messages posted so far.
  func drain() -> [Msg] {
    messages.withLock { queue in
      defer { queue.removeAll() }
      return queue
    }
  }
}
