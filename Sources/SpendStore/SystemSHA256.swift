#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The system's SHA-256 (OpenSSL's libcrypto, loaded at run time when present), which uses the
/// processor's SHA instructions: several times faster than `SHA256` on the import's critical path.
///
/// Loaded with `dlopen` so that the store needs no crypto library to build or run; without one,
/// `SHA256.digest(ofFileAt:)` falls back to the Swift implementation (same digests, slower).
struct SystemSHA256: Sendable {
  private typealias Init = @convention(c) (UnsafeMutableRawPointer) -> Int32
  private typealias Update = @convention(c) (UnsafeMutableRawPointer, UnsafeRawPointer?, Int) -> Int32
  private typealias Final = @convention(c) (UnsafeMutablePointer<UInt8>, UnsafeMutableRawPointer) -> Int32

  /// The addresses of `SHA256_Init`, `SHA256_Update` and `SHA256_Final`.
  private let initAddress: UInt
  private let updateAddress: UInt
  private let finalAddress: UInt

  /// Room for OpenSSL's `SHA256_CTX` (112 bytes on 64-bit platforms), with margin.
  private static let contextSize = 256

  /// libcrypto's SHA-256, or nil when no libcrypto can be loaded.
  static let shared: SystemSHA256? = load()

  private static func load() -> SystemSHA256? {
    for name in ["libcrypto.so.3", "libcrypto.so"] {
      guard let library = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
      // The library stays loaded for the life of the process.
      if let initSymbol = dlsym(library, "SHA256_Init"), let updateSymbol = dlsym(library, "SHA256_Update"),
        let finalSymbol = dlsym(library, "SHA256_Final")
      {
        return SystemSHA256(
          initAddress: UInt(bitPattern: initSymbol), updateAddress: UInt(bitPattern: updateSymbol),
          finalAddress: UInt(bitPattern: finalSymbol))
      }
      dlclose(library)
    }
    return nil
  }

  /// The digest of everything `readChunk` yields; it fills the buffer and returns the byte count
  /// (0 at the end).
  func digest<Failure: Error>(
    reading readChunk: (UnsafeMutableRawBufferPointer) throws(Failure) -> Int
  ) throws(Failure) -> SHA256.Digest {
    // The addresses are non-zero symbols from `dlsym`, kept as integers to stay `Sendable`.
    let initFunction = unsafeBitCast(initAddress, to: Init.self)
    let updateFunction = unsafeBitCast(updateAddress, to: Update.self)
    let finalFunction = unsafeBitCast(finalAddress, to: Final.self)
    let context = UnsafeMutableRawPointer.allocate(byteCount: SystemSHA256.contextSize, alignment: 16)
    defer { context.deallocate() }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
    defer { buffer.deallocate() }
    _ = initFunction(context)
    while true {
      let count = try readChunk(buffer)
      if count == 0 { break }
      _ = updateFunction(context, buffer.baseAddress, count)
    }
    var bytes = [UInt8](repeating: 0, count: 32)
    _ = bytes.withUnsafeMutableBufferPointer { output in
      output.baseAddress.map { finalFunction($0, context) } ?? 0
    }
    return SHA256.Digest(bytes: bytes)
  }
}
