/// A bounded sample of a file's line item identities (`identity/LineItemId` + `TimeInterval`),
/// to tell whether two files hold the same line items (two versions of one bill).
///
/// Every identity is hashed to 64 bits; the sample keeps the hashes whose top `level` bits are
/// zero (1 in 2^level of the hash space). It starts at level 0 (every identity) and raises the
/// level whenever it would hold more than `capacity` hashes, so memory stays at most
/// `capacity` × 8 bytes (plus the set's overhead) however large the file. Two samples compare at
/// the higher of their levels, which estimates the number of identities both files hold: exact
/// for files of up to `capacity` line items, within a few percent for large overlaps beyond.
struct LineItemSample: Sendable, Equatable {
  /// The most hashes kept.
  static let capacity = 8_192

  /// Hashes kept are those with at least this many leading zero bits.
  private(set) var level = 0
  private(set) var hashes: Set<UInt64> = []

  /// Adds an identity's hash (see `hash(_:seed:)`).
  mutating func insert(_ hash: UInt64) {
    guard hash.leadingZeroBitCount >= level else { return }
    hashes.insert(hash)
    while hashes.count > Self.capacity {
      level += 1
      let kept = level
      hashes = hashes.filter { $0.leadingZeroBitCount >= kept }
    }
  }

  /// How many identities both samples' files are estimated to hold, and whether that is exact.
  func shared(with other: LineItemSample) -> (count: Int, exact: Bool) {
    let level = max(self.level, other.level)
    let (small, large) = hashes.count <= other.hashes.count ? (self, other) : (other, self)
    var common = 0
    for hash in small.hashes where hash.leadingZeroBitCount >= level && large.hashes.contains(hash) {
      common += 1
    }
    return (common << level, level == 0)
  }

  // MARK: - Hashing

  /// FNV-1a over `bytes`, continuing from `seed`; finish with `mixed(_:)`.
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
    var value = seed
    for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    // 0xFF never occurs in UTF-8: a separator, so that ("ab", "c") and ("a", "bc") differ.
    return (value ^ 0xFF) &* 0x0000_0100_0000_01B3
  }

  /// Spreads an FNV hash over all 64 bits (SplitMix64's finaliser), so its top bits sample fairly.
  @inline(__always)
  static func mixed(_ hash: UInt64) -> UInt64 {
    var value = hash
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
