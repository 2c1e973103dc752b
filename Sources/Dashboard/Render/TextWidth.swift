/// Display widths of text in terminal columns, independent of the C locale.
///
/// East Asian wide and fullwidth characters and emoji take two columns; everything else one.
/// (Glibc's `wcwidth` needs `setlocale` and differs between machines; a fixed table keeps
/// snapshots identical everywhere.)
public enum TextWidth {
  /// The columns a character takes: 1 or 2.
  public static func of(_ character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 1 }
    if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    return isWide(scalar.value) ? 2 : 1
  }

  /// The columns a string takes.
  public static func of(_ text: String) -> Int {
    var total = 0
    for character in text { total += of(character) }
    return total
  }

  /// The text cut to at most `width` columns, ending in `…` when something was cut.
  public static func truncate(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    guard of(text) > width else { return text }
    var result = ""
    var used = 0
    for character in text {
      let columns = of(character)
      if used + columns > width - 1 { break }
      result.append(character)
      used += columns
    }
    return result + "…"
  }

  /// The text cut to at most `width` columns by dropping its middle (`USE1-Node…r6g.xlarge`), for
  /// names that differ at their end.
  public static func truncateMiddle(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    guard of(text) > width else { return text }
    guard width > 6 else { return truncate(text, to: width) }
    let characters = Array(text)
    let tailWidth = (width - 1) / 2 + (width - 1) % 2
    var tail: [Character] = []
    var used = 0
    for character in characters.reversed() {
      if used + of(character) > tailWidth { break }
      tail.insert(character, at: 0)
      used += of(character)
    }
    let head = truncate(String(characters.dropLast(tail.count)), to: width - used)
    return (head.hasSuffix("…") ? head : head + "…") + String(tail)
  }

  /// The text broken into lines of at most `width` columns, at spaces where it can be (a word
  /// longer than a line is broken inside).
  public static func wrap(_ text: String, to width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
      var word = word
      if !line.isEmpty && of(line) + 1 + of(word) <= width {
        line += " " + word
        continue
      }
      if !line.isEmpty { lines.append(line) }
      line = ""
      while of(word) > width {
        var head = ""
        for character in word {
          if of(head) + of(character) > width { break }
          head.append(character)
        }
        lines.append(head)
        word = String(word.dropFirst(head.count))
      }
      line = word
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  /// The text padded with spaces (or cut) to exactly `width` columns.
  public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
    let cut = truncate(text, to: width)
    let fill = String(repeating: " ", count: max(0, width - of(cut)))
    return alignRight ? fill + cut : cut + fill
  }

  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
