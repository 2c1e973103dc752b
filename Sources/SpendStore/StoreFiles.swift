#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX file operations the store needs: private directories and a private file, and
/// removing a store that an import created and left empty.
enum StoreFiles {
  /// Whether something exists at `path`.
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  /// Deletes a store file with its write-ahead log, shared-memory and journal files.
  static func removeStore(_ path: String) {
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
  }

  /// The permission bits of `path`, or nil when it cannot be examined.
  static func permissions(of path: String) -> UInt32? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return UInt32(info.st_mode) & 0o777
  }

  /// Creates the missing directories of `path`'s parent, each readable by its owner only (0700);
  /// directories that exist already are left as they are.
  static func createParentDirectories(of path: String) throws(StoreError) {
    var components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    guard !components.isEmpty else { return }
    components.removeLast()
    var current = path.hasPrefix("/") ? "" : "."
    for component in components {
      current += "/" + component
      if mkdir(current, 0o700) != 0 && errno != EEXIST {
        throw .cannotCreateDirectory(path: current, reason: String(cString: strerror(errno)))
      }
    }
  }

  /// Creates an empty file readable and writable by its owner only (0600), unless it exists.
  ///
  /// SQLite gives its `-wal` and `-shm` files the permissions of the database file, so they stay
  /// private too.
  static func createPrivateFile(_ path: String) throws(StoreError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    if descriptor < 0 {
      if errno == EEXIST { return }
      throw .cannotCreateFile(path: path, reason: String(cString: strerror(errno)))
    }
    // The umask may have cleared bits we asked for, never added any: 0600 or stricter.
    fchmod(descriptor, 0o600)
    close(descriptor)
  }
}
