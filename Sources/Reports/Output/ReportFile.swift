#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading and atomically writing report files.
public enum ReportFile {
  /// Writes `text` to `path` atomically: into a temporary file beside it, flushed to disk, then
  /// renamed over `path`. Readers see the old file or the new one, never a part; on failure the
  /// temporary file is removed and `path` is untouched.
  ///
  /// - Throws: `ReportError.cannotWrite` with the system's reason.
  public static func writeAtomically(_ text: String, to path: String) throws(ReportError) {
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: systemReason()) }
    var failure: String?
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < buffer.count, let base = buffer.baseAddress {
        let written = write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = systemReason()
          return
        }
        offset += written
      }
    }
    if failure == nil, fsync(descriptor) != 0 { failure = systemReason() }
    if close(descriptor) != 0, failure == nil { failure = systemReason() }
    if failure == nil, rename(temporary, path) != 0 { failure = systemReason() }
    if let failure {
      unlink(temporary)
      throw .cannotWrite(path: path, reason: failure)
    }
  }

  /// Reads a whole UTF-8 text file.
  ///
  /// - Throws: `ReportError.unreadable`.
  public static func read(_ path: String) throws(ReportError) -> String {
    guard let file = fopen(path, "rb") else { throw .unreadable(path: path, reason: systemReason()) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      if count > 0 { bytes += chunk[0..<count] }
      if count < chunk.count {
        if ferror(file) != 0 { throw .unreadable(path: path, reason: systemReason()) }
        break
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func systemReason() -> String { String(cString: strerror(errno)) }
}
