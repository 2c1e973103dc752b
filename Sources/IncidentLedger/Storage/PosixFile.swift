#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a file held when it was read: its size and a hash of its bytes.
///
/// A save compares the file on disk with the fingerprint taken when it was read; any change
/// of content (another editor, a `git pull`) refuses the save. A change of mtime alone (a
/// `touch`) is harmless and allowed.
public struct FileFingerprint: Hashable, Sendable {
  /// Size in bytes.
  public var size: Int
  /// 64-bit FNV-1a hash of the bytes.
  public var hash: UInt64

  /// The fingerprint of some bytes.
  public init(bytes: [UInt8]) {
    size = bytes.count
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      value ^= UInt64(byte)
      value = value &* 0x0000_0100_0000_01B3
    }
    hash = value
  }
}

/// Thin wrappers over POSIX file calls that report failures as `LedgerError.io`.
enum PosixFile {
  /// The bytes of a file, or nil when it does not exist.
  static func readAll(_ path: String) throws(LedgerError) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      if errno == ENOENT { return nil }
      throw failure(path, "open")
    }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure(path, "read")
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: buffer[0..<count])
    }
  }

  /// Writes `bytes` to a new file (`O_EXCL`, mode 0600) and flushes it to disk.
  static func writeNew(_ path: String, _ bytes: [UInt8]) throws(LedgerError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw failure(path, "create") }
    defer { close(descriptor) }
    var offset = 0
    while offset < bytes.count {
      let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure(path, "write")
      }
      offset += count
    }
    guard fsync(descriptor) == 0 else { throw failure(path, "fsync") }
  }

  /// Flushes a directory's entries (a rename inside it) to disk.
  static func syncDirectory(_ path: String) throws(LedgerError) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(path, "open directory") }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else { throw failure(path, "fsync directory") }
  }

  /// Creates a directory and its parents (mode 0700 for new ones).
  static func makeDirectories(_ path: String) throws(LedgerError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += component
      if mkdir(prefix, 0o700) != 0 && errno != EEXIST { throw failure(prefix, "mkdir") }
      prefix += "/"
    }
  }

  /// Names in a directory (without `.` and `..`), or nil when it does not exist.
  static func list(_ path: String) throws(LedgerError) -> [String]? {
    guard let directory = opendir(path) else {
      if errno == ENOENT { return nil }
      throw failure(path, "open directory")
    }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// Renames atomically within a file system.
  static func renameAtomically(_ from: String, to: String) throws(LedgerError) {
    guard rename(from, to) == 0 else { throw failure(to, "rename") }
  }

  /// Links `from` at `to`, failing when `to` exists: an atomic create-if-absent.
  static func linkNew(_ from: String, to: String) throws(LedgerError) -> Bool {
    if link(from, to) == 0 { return true }
    if errno == EEXIST { return false }
    throw failure(to, "link")
  }

  /// Removes a file, ignoring a missing one.
  static func remove(_ path: String) { unlink(path) }

  /// Whether something exists at `path` (without following a final symbolic link).
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  private static func failure(_ path: String, _ operation: String) -> LedgerError {
    .io(path: path, operation: operation, message: String(cString: strerror(errno)))
  }
}
