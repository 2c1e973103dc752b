#if canImport(Glibc)
  import Glibc
#endif

/// The few file-system facts the importer needs, straight from libc.
enum FileSystem {
  /// What a path is.
  enum Kind: Equatable {
    case file(size: Int64, modified: Int)
    case directory
    /// Neither: `a FIFO (named pipe)`, `a socket`, `a character device`, `a block device`.
    case other(String)
  }

  /// What looking a path up found.
  enum Lookup: Equatable {
    case found(Kind)
    /// Nothing there (ENOENT), or a symbolic link to nothing.
    case missing
    /// The lookup failed for another reason (`strerror`: permission, not a directory, loop).
    case failed(String)
  }

  /// The kind of `path` (following symlinks), or nil when it does not exist or cannot be looked up.
  static func kind(_ path: String) -> Kind? {
    if case .found(let kind) = lookup(path) { return kind }
    return nil
  }

  /// Looks `path` up (following symlinks), saying why when it cannot.
  static func lookup(_ path: String) -> Lookup {
    var info = stat()
    guard stat(path, &info) == 0 else {
      let code = errno
      return code == ENOENT ? .missing : .failed(String(cString: strerror(code)))
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .found(.file(size: Int64(info.st_size), modified: Int(info.st_mtim.tv_sec)))
    case S_IFDIR: return .found(.directory)
    case S_IFIFO: return .found(.other("a FIFO (named pipe)"))
    case S_IFSOCK: return .found(.other("a socket"))
    case S_IFCHR: return .found(.other("a character device"))
    case S_IFBLK: return .found(.other("a block device"))
    default: return .found(.other("a special file"))
    }
  }

  /// Whether a regular file exists at `path`.
  static func isFile(_ path: String) -> Bool {
    if case .file? = kind(path) { return true }
    return false
  }

  /// Why a directory could not be listed (`strerror`).
  struct ListingFailure: Error {
    var reason: String
  }

  /// The names in a directory (no `.` or `..`), sorted.
  ///
  /// - Throws: `ListingFailure` when it cannot be opened (permissions, I/O).
  static func contents(of directory: String) throws(ListingFailure) -> [String] {
    guard let handle = opendir(directory) else { throw ListingFailure(reason: String(cString: strerror(errno))) }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// The canonical absolute path (symlinks resolved), or nil.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// A whole small file's bytes, or nil when it cannot be read or exceeds `limit` bytes.
  static func read(_ path: String, limit: Int = 64 << 20) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > limit { return nil }
    }
    return ferror(file) == 0 ? bytes : nil
  }

  /// Whether two files hold the same bytes (false when either cannot be read).
  static func sameContents(_ first: String, _ second: String) -> Bool {
    guard let one = fopen(first, "rb") else { return false }
    defer { fclose(one) }
    guard let two = fopen(second, "rb") else { return false }
    defer { fclose(two) }
    var left = [UInt8](repeating: 0, count: 1 << 16)
    var right = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let leftCount = left.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, one) }
      let rightCount = right.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, two) }
      guard leftCount == rightCount, left[0..<leftCount] == right[0..<rightCount] else { return false }
      if leftCount == 0 { return ferror(one) == 0 && ferror(two) == 0 }
    }
  }

  /// The first `count` bytes of a file (fewer if it is shorter), or nil.
  static func prefix(_ path: String, count: Int) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes = [UInt8](repeating: 0, count: count)
    let read = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, count, file) }
    return Array(bytes[0..<read])
  }

  /// `directory/name`, without doubling a `/`.
  static func join(_ directory: String, _ name: String) -> String {
    if directory.isEmpty || directory == "." { return name }
    return directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  /// The directory part of a path (`.` for a bare name).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// The last component of a path.
  static func name(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }
}
