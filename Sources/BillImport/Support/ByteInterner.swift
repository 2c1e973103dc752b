#if canImport(Glibc)
  import Glibc
#endif

/// Gives every distinct byte string a small integer ID, storing each distinct value once.
///
/// The import's hot loop keys its aggregation by these IDs instead of `String`s: a value is
/// hashed from the scanner's buffer, compared with the stored bytes, and copied only the first
/// time it is seen. Strings are made once per distinct value when the cube is materialised.
struct ByteInterner {
  /// Every distinct value's bytes, back to back.
  private var arena: [UInt8] = []
  /// `offsets[id] ..< offsets[id + 1]` are the bytes of value `id`.
  private var offsets: [Int] = [0]
  /// Open-addressing table of `id + 1` (0 = empty slot).
  private var slots: [UInt32]
  /// The full hash of each value, by ID (for rehashing and cheap mismatch checks).
  private var hashes: [UInt64] = []
  private var mask: Int
  /// Whether new values are checked as text (`FieldText.problem`).
  private let checksText: Bool
  /// By ID: whether the value is acceptable text (always true when `checksText` is off).
  private var isText: [Bool] = []

  /// Creates an empty interner.
  ///
  /// - Parameter checksText: check each new value once for invalid UTF-8 and control characters,
  ///   for `isAcceptableText(_:)`.
  init(checksText: Bool = false) {
    slots = [UInt32](repeating: 0, count: 1024)
    mask = 1023
    self.checksText = checksText
  }

  /// The number of distinct values.
  var count: Int { hashes.count }

  /// The ID of `bytes`, adding them when new.
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    let hash = ByteInterner.hash(bytes)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      let id = Int(entry - 1)
      if hashes[id] == hash && equals(id, bytes) { return entry - 1 }
      slot = (slot + 1) & mask
    }
    let id = UInt32(hashes.count)
    arena.append(contentsOf: bytes)
    offsets.append(arena.count)
    hashes.append(hash)
    isText.append(!checksText || FieldText.problem(bytes) == nil)
    slots[slot] = id + 1
    if hashes.count * 2 > slots.count { grow() }
    return id
  }

  /// Whether value `id` is UTF-8 text without control characters (checked when it was added).
  @inline(__always)
  func isAcceptableText(_ id: UInt32) -> Bool { isText[Int(id)] }

  /// The ID of a string's UTF-8 bytes.
  mutating func intern(_ text: String) -> UInt32 {
    var copy = text
    return copy.withUTF8 { intern($0) }
  }

  /// The bytes of value `id`, valid until the next `intern`.
  func withBytes<R>(_ id: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let range = offsets[Int(id)]..<offsets[Int(id) + 1]
    return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// Value `id` as a `String` (invalid UTF-8 repaired with U+FFFD).
  func string(_ id: UInt32) -> String {
    withBytes(id) { String(decoding: $0, as: UTF8.self) }
  }

  /// Every value as a `String`, indexed by ID: one allocation per distinct value.
  func allStrings() -> [String] { (0..<count).map { string(UInt32($0)) } }

  // MARK: - Internals

  private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = offsets[id]
    let length = offsets[id + 1] - start
    guard length == bytes.count else { return false }
    if length == 0 { return true }
    return arena.withUnsafeBufferPointer { stored in
      guard let storedBase = stored.baseAddress, let base = bytes.baseAddress else { return false }
      return memcmp(storedBase + start, base, length) == 0
    }
  }

  private mutating func grow() {
    let size = slots.count * 2
    slots = [UInt32](repeating: 0, count: size)
    mask = size - 1
    for (id, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = UInt32(id + 1)
    }
  }

  /// A fast 64-bit hash of a byte string, eight bytes at a time.
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    guard let base = UnsafeRawPointer(bytes.baseAddress) else { return mix(hash) }
    let count = bytes.count
    var index = 0
    while index + 8 <= count {
      let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 29
      index += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while index < count {
      tail |= UInt64(bytes[index]) << shift
      shift += 8
      index += 1
    }
    hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    return mix(hash)
  }

  @inline(__always)
  private static func mix(_ value: UInt64) -> UInt64 {
    var hash = value
    hash ^= hash >> 33
    hash = hash &* 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    return hash
  }
}
