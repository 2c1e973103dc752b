import CNCursesW
import Dashboard
import Glibc

/// The ncurses screen: opens the terminal with `newterm`, writes frames as diffs, reads keys.
///
/// All calls happen on the thread that created it (ncurses is not thread-safe).
final class NCursesTerminal {
  private let screenPointer: OpaquePointer
  private var previous: Screen?
  private var pairs: [PairKey: Int16] = [:]
  private var nextPair: Int16 = 1
  private let colorsOn: Bool
  private let pairLimit: Int16
  /// The colour depth in use.
  let depth: ColorDepth

  private struct PairKey: Hashable {
    var foreground: Int32
    var background: Int32
  }

  /// Opens the terminal; nil when there is none usable (no TTY, unknown `TERM`).
  init?(mouse: Bool, environment: [String: String]) {
    guard isatty(0) != 0, isatty(1) != 0 else { return nil }
    setlocale(LC_ALL, "")
    guard let screen = newterm(nil, cnc_stdout(), cnc_stdin()) else { return nil }
    screenPointer = screen
    CrashGuard.cursesActive = true
    cbreak()
    noecho()
    nonl()
    keypad(cnc_stdscr(), true)
    curs_set(0)
    set_escdelay(25)
    timeout(100)
    var colors = 0
    if has_colors() {
      start_color()
      use_default_colors()
      colors = Int(cnc_colors())
    }
    // COLOR_PAIRS is a C global Swift 6 rejects; terminfo has the same number.
    let pairs = "pairs".withCString { tigetnum(UnsafeMutablePointer(mutating: $0)) }
    pairLimit = Int16(clamping: max(Int(pairs), 0))
    depth = ColorDepth.detect(colors: colors, environment: environment)
    colorsOn = depth != .monochrome
    if mouse {
      mousemask(cnc_mouse_all(), nil)
      mouseinterval(0)
    }
  }

  /// Leaves curses mode and frees the screen.
  func close() {
    if CrashGuard.cursesActive {
      CrashGuard.cursesActive = false
      endwin()
    }
    delscreen(screenPointer)
  }

  /// The terminal size now.
  var size: Size { Size(width: Int(getmaxx(cnc_stdscr())), height: Int(getmaxy(cnc_stdscr()))) }

  /// Forgets the last frame so that the next one is drawn whole (after a resize or Ctrl-L).
  func invalidate() {
    previous = nil
  }

  /// Writes what changed since the last frame and refreshes.
  func draw(_ screen: Screen) {
    let diff = ScreenDiff(from: previous, to: screen)
    if diff.isFull { erase() }
    for run in diff.runs {
      apply(run.style)
      let text = run.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
      _ = text.withUnsafeBufferPointer {
        mvaddnwstr(Int32(run.y), Int32(run.x), $0.baseAddress, Int32(text.count - 1))
      }
    }
    attr_set(0, 0, nil)
    if diff.isFull { clearok(cnc_stdscr(), true) }
    refresh()
    previous = screen
  }

  /// Waits up to 100 ms for input.
  ///
  /// - Returns: a message, or nil when nothing arrived.
  func read() -> Msg? {
    var character: wint_t = 0
    let result = get_wch(&character)
    if result == KEY_CODE_YES {
      return special(Int32(character))
    }
    guard result == OK else { return nil }
    return KeyDecoder.character(UInt32(character)).map(Msg.key)
  }

  private func special(_ code: Int32) -> Msg? {
    if code == KEY_RESIZE {
      previous = nil
      return .resize(size)
    }
    if code == KEY_MOUSE {
      var event = MEVENT()
      guard getmouse(&event) == OK else { return nil }
      if event.bstate & cnc_wheel_up() != 0 { return .mouse(.wheelUp) }
      if event.bstate & cnc_wheel_down() != 0 { return .mouse(.wheelDown) }
      if event.bstate & cnc_button1_pressed() != 0 { return .mouse(.press(x: Int(event.x), y: Int(event.y))) }
      return nil
    }
    for number in 1...12 where code == cnc_key_f(Int32(number)) { return .key(.function(number)) }
    return KeyDecoder.special(code).map(Msg.key)
  }

  // MARK: - Styles

  private func apply(_ style: Style) {
    var attributes: attr_t = 0
    if style.attributes.contains(.bold) { attributes |= cnc_attr_bold() }
    if style.attributes.contains(.dim) { attributes |= cnc_attr_dim() }
    if style.attributes.contains(.underline) { attributes |= cnc_attr_underline() }
    if style.attributes.contains(.reverse) { attributes |= cnc_attr_reverse() }
    attr_set(attributes, colorsOn ? pair(for: style) : 0, nil)
  }

  private func pair(for style: Style) -> Int16 {
    let key = PairKey(foreground: code(style.foreground), background: code(style.background))
    if key.foreground == -1 && key.background == -1 { return 0 }
    if let existing = pairs[key] { return existing }
    guard nextPair < pairLimit else { return 0 }
    let number = nextPair
    nextPair += 1
    init_pair(number, Int16(key.foreground), Int16(key.background))
    pairs[key] = number
    return number
  }

  private func code(_ color: Color) -> Int32 {
    switch color.resolved(for: depth) {
    case .indexed(let index): return Int32(index)
    case .terminalDefault, .rgb: return -1
    }
  }
}
