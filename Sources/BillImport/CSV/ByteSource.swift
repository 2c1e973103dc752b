import CZlib

#if canImport(Glibc)
  import Glibc
#endif

/// A source of bytes for the CSV scanner.
public protocol ByteSource {
  /// Fills the start of `buffer` with the next bytes.
  ///
  /// - Returns: how many bytes were written; 0 only at the end of the input.
  /// - Throws: `CSVError` when reading or decompressing fails.
  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int
}

// MARK: - Files (plain or gzip)

/// A file read through zlib, so `.csv` and `.csv.gz` (including concatenated gzip members) read
/// alike: zlib passes bytes that are not gzip through unchanged.
public struct FileByteSource: ByteSource {
  private let handle: GzipHandle
  private let path: String

  /// Opens a file.
  ///
  /// - Throws: `CSVError.cannotOpen` naming the reason.
  public init(path: String) throws(CSVError) {
    handle = try GzipHandle(path: path)
    self.path = path
  }

  /// Bytes consumed from the file so far (compressed bytes for gzip): for progress.
  public var bytesConsumed: Int64 { Int64(gzoffset(handle.file)) }

  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    let count = gzread(handle.file, base, UInt32(min(buffer.count, Int(Int32.max))))
    // Bytes decoded before damage are handed out first; the next read reports the damage, so the
    // error names the record that was cut rather than the first line of the buffer.
    if count > 0 { return Int(count) }
    var code: Int32 = 0
    let message = gzerror(handle.file, &code).map { String(cString: $0) } ?? "unknown error"
    if count < 0 || (code != Z_OK && code != Z_STREAM_END) {
      if code == Z_ERRNO { throw .readFailed(message: String(cString: strerror(errno))) }
      // zlib prefixes its message with the path it was opened with; callers name the file.
      let prefix = path + ": "
      let reason = message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
      throw .corruptCompressed(message: reason)
    }
    return Int(count)
  }
}

/// Owns a zlib `gzFile` and closes it.
private final class GzipHandle {
  let file: gzFile

  init(path: String) throws(CSVError) {
    guard let file = gzopen(path, "rb") else {
      throw .cannotOpen(message: String(cString: strerror(errno)))
    }
    gzbuffer(file, 1 << 18)
    self.file = file
  }

  deinit { gzclose(file) }
}

// MARK: - Memory

/// Bytes in memory, optionally handed out in chosen chunk sizes: tests use it to prove the
/// scanner gives the same records however the input is split.
public struct MemoryByteSource: ByteSource {
  private let bytes: [UInt8]
  private let chunkSizes: [Int]
  private var offset = 0
  private var chunk = 0

  /// Creates a source.
  ///
  /// - Parameters:
  ///   - bytes: the whole input.
  ///   - chunkSizes: the size of each successive read, cycled; nil reads as much as fits.
  public init(_ bytes: [UInt8], chunkSizes: [Int]? = nil) {
    self.bytes = bytes
    self.chunkSizes = (chunkSizes ?? []).map { max(1, $0) }
  }

  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
    var count = min(buffer.count, bytes.count - offset)
    if !chunkSizes.isEmpty {
      count = min(count, chunkSizes[chunk % chunkSizes.count])
      chunk += 1
    }
    guard count > 0 else { return 0 }
    bytes.withUnsafeBytes { source in
      guard let from = source.baseAddress, let to = buffer.baseAddress else { return }
      to.copyMemory(from: from + offset, byteCount: count)
    }
    offset += count
    return count
  }
}
