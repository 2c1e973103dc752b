import Testing

@testable import SpendStore

@Suite struct SHA256Tests {
  private func hex(_ bytes: [UInt8]) -> String {
    var hash = SHA256()
    hash.update(bytes)
    return hash.finalize().hex
  }

  /// FIPS 180-4 example vectors.
  @Test func matchesTheStandardVectors() {
    #expect(hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    // Python: hashlib.sha256(b'a' * 1000000).hexdigest()
    #expect(
      hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// The same digest however the input is split (block boundaries, partial blocks, 55/56/64 bytes).
  @Test func isIndependentOfHowBytesArrive() {
    let bytes = (0..<5).flatMap { _ in (0...255).map { UInt8($0) } }
    // Python: hashlib.sha256(bytes(range(256)) * 5).hexdigest()
    let expected = "d414b085826eb06778483ba35564dc849e643359f69ed9747878ba6e54985bed"
    for chunk in [1, 7, 55, 56, 63, 64, 65, 1000] {
      var hash = SHA256()
      var offset = 0
      while offset < bytes.count {
        let end = min(offset + chunk, bytes.count)
        hash.update(Array(bytes[offset..<end]))
        offset = end
      }
      #expect(hash.finalize().hex == expected, "chunk \(chunk)")
    }
  }

  /// Against coreutils: `sha256sum ../shared/bills/koku/aws/2023-06-01.csv`.
  @Test func hashesAFileLikeSha256sum() throws {
    let path = TestPaths.shared("bills/koku/aws/2023-06-01.csv")
    #expect(
      try SHA256.digest(ofFileAt: path).hex
        == "3bc0aa832d5c394edf92955bcdd9b3e6758f4d804f0a60af9ba55f09b246b1da")
    #expect(throws: StoreError.self) {
      try SHA256.digest(ofFileAt: TestPaths.shared("bills/no-such-file.csv"))
    }
  }

  /// A copy taken mid-stream goes on independently of the original.
  @Test func copiesAreIndependent() {
    var first = SHA256()
    first.update(Array("ab".utf8))
    var second = first
    first.update(Array("c".utf8))
    second.update(Array("x".utf8))
    #expect(first.finalize().hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    // Python: hashlib.sha256(b'abx').hexdigest()
    #expect(second.finalize().hex == "b2bdab4230154046ad0b7dfa830a9260caa5bd6ae230e582a2244ab4bf0b4ca5")
  }
}

/// Paths relative to the package root, found from this file's location.
enum TestPaths {
  /// The package root: three levels up from Tests/SpendStoreTests/<File>.swift.
  static let packageRoot: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
  }()

  /// A path under `../shared` (the team's read-only references).
  static func shared(_ relative: String) -> String { packageRoot + "/../shared/" + relative }
}
