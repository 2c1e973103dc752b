#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SHA-256 (FIPS 180-4), streaming: the content hash of imported bill files.
///
///     var hash = SHA256()
///     hash.update(Array("abc".utf8))
///     hash.finalize().hex   // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
public struct SHA256: Sendable {
  private var state: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
  ]
  private var pending: [UInt8] = []
  private var length: UInt64 = 0

  /// A fresh hash.
  public init() { pending.reserveCapacity(64) }

  /// Feeds bytes.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    length &+= UInt64(bytes.count)
    var offset = 0
    if !pending.isEmpty {
      let take = min(64 - pending.count, bytes.count)
      pending.append(contentsOf: bytes[0..<take])
      offset = take
      guard pending.count == 64 else { return }
      pending.withUnsafeBytes { compress($0) }
      pending.removeAll(keepingCapacity: true)
    }
    let wholeBlocks = (bytes.count - offset) / 64 * 64
    if wholeBlocks > 0 {
      compress(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + wholeBlocks]))
      offset += wholeBlocks
    }
    pending.append(contentsOf: bytes[offset...])
  }

  /// Feeds bytes.
  public mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// Pads, finishes and returns the digest; the hash is spent afterwards.
  public mutating func finalize() -> Digest {
    let bitLength = length &* 8
    var tail: [UInt8] = [0x80]
    let padding = (64 + 56 - (pending.count + 1) % 64) % 64
    tail.append(contentsOf: repeatElement(0, count: padding))
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitLength >> shift))
    }
    let savedLength = length
    update(tail)
    length = savedLength
    var bytes: [UInt8] = []
    for word in state {
      for shift in stride(from: 24, through: 0, by: -8) {
        bytes.append(UInt8(truncatingIfNeeded: word >> shift))
      }
    }
    return Digest(bytes: bytes)
  }

  /// The digest of a whole file, read in 1 MiB chunks.
  ///
  /// Uses the system's SHA-256 (`SystemSHA256`, hardware-accelerated) when it can be loaded, this
  /// implementation otherwise; both give the same digest.
  ///
  /// - Throws: `StoreError.cannotReadFile`.
  public static func digest(ofFileAt path: String) throws(StoreError) -> Digest {
    try digest(ofFileAt: path, using: SystemSHA256.shared)
  }

  /// The digest of a whole file with `system`, or with this implementation when it is nil.
  static func digest(ofFileAt path: String, using system: SystemSHA256?) throws(StoreError) -> Digest {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .cannotReadFile(path: path, reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    let readChunk = { (buffer: UnsafeMutableRawBufferPointer) throws(StoreError) -> Int in
      while true {
        let count = read(descriptor, buffer.baseAddress, buffer.count)
        if count >= 0 { return count }
        if errno != EINTR { throw .cannotReadFile(path: path, reason: String(cString: strerror(errno))) }
      }
    }
    if let system { return try system.digest(reading: readChunk) }
    var hash = SHA256()
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
    defer { buffer.deallocate() }
    while true {
      let count = try readChunk(buffer)
      if count == 0 { break }
      hash.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }
    return hash.finalize()
  }

  // MARK: - Compression

  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]

  @inline(__always)
  private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value >> count) | (value << (32 - count))
  }

  /// Processes whole 64-byte blocks (`blocks.count` is a multiple of 64).
  private mutating func compress(_ blocks: UnsafeRawBufferPointer) {
    var h0 = state[0]
    var h1 = state[1]
    var h2 = state[2]
    var h3 = state[3]
    var h4 = state[4]
    var h5 = state[5]
    var h6 = state[6]
    var h7 = state[7]
    SHA256.roundConstants.withUnsafeBufferPointer { constants in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
        var offset = 0
        while offset < blocks.count {
          for index in 0..<16 {
            schedule[index] = UInt32(
              bigEndian: blocks.loadUnaligned(fromByteOffset: offset + index * 4, as: UInt32.self))
          }
          for index in 16..<64 {
            let early = schedule[index - 15]
            let late = schedule[index - 2]
            let sigma0 = SHA256.rotate(early, 7) ^ SHA256.rotate(early, 18) ^ (early >> 3)
            let sigma1 = SHA256.rotate(late, 17) ^ SHA256.rotate(late, 19) ^ (late >> 10)
            schedule[index] = schedule[index - 16] &+ sigma0 &+ schedule[index - 7] &+ sigma1
          }
          var a = h0
          var b = h1
          var c = h2
          var d = h3
          var e = h4
          var f = h5
          var g = h6
          var h = h7
          for index in 0..<64 {
            let sum1 = SHA256.rotate(e, 6) ^ SHA256.rotate(e, 11) ^ SHA256.rotate(e, 25)
            let choice = (e & f) ^ (~e & g)
            let temp1 = h &+ sum1 &+ choice &+ constants[index] &+ schedule[index]
            let sum0 = SHA256.rotate(a, 2) ^ SHA256.rotate(a, 13) ^ SHA256.rotate(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            h = g
            g = f
            f = e
            e = d &+ temp1
            d = c
            c = b
            b = a
            a = temp1 &+ sum0 &+ majority
          }
          h0 &+= a
          h1 &+= b
          h2 &+= c
          h3 &+= d
          h4 &+= e
          h5 &+= f
          h6 &+= g
          h7 &+= h
          offset += 64
        }
      }
    }
    state = [h0, h1, h2, h3, h4, h5, h6, h7]
  }

  /// A finished SHA-256 digest.
  public struct Digest: Hashable, Sendable, CustomStringConvertible {
    /// The 32 bytes.
    public var bytes: [UInt8]

    /// Lower-case hexadecimal, 64 characters.
    public var hex: String {
      let digits = Array("0123456789abcdef")
      var text = ""
      text.reserveCapacity(64)
      for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0f)])
      }
      return text
    }

    public var description: String { hex }
  }
}
