#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An incident as read from its file, with what the file held then (to detect later changes).
public struct StoredIncident: Sendable {
  /// The incident.
  public var incident: Incident
  /// The file's path.
  public var path: String
  /// The file's content when it was read.
  public var fingerprint: FileFingerprint
}

/// A folder of incident files, `<id>.toml` each, read and written safely.
///
/// Saves are atomic: the new text goes to a temporary file in the same folder (mode 0600),
/// which is flushed (`fsync`) and renamed over the old file, and the folder is flushed. A crash
/// leaves either the old file or the new one, never a mix. A file that changed on disk since it
/// was read is not overwritten: the save fails with `LedgerError.changedOnDisk`.
public struct LedgerFolder: Sendable {
  /// The folder's path.
  public let path: String

  /// A ledger at `path` (created on first save).
  public init(path: String) { self.path = path }

  /// The default folder: `SPENDTOP_LEDGER`, else `$XDG_DATA_HOME/spendtop/ledger` (an absolute
  /// path, as the XDG spec requires; a relative one is ignored), else
  /// `$HOME/.local/share/spendtop/ledger`.
  public static func defaultPath(environment: [String: String]) -> String {
    if let explicit = environment["SPENDTOP_LEDGER"], !explicit.isEmpty { return explicit }
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/spendtop/ledger" }
    return (environment["HOME"] ?? ".") + "/.local/share/spendtop/ledger"
  }

  /// The file of an incident.
  public func filePath(of id: String) -> String { path + "/" + id + ".toml" }

  // MARK: - Reading

  /// Every incident in the folder, sorted by ID; an empty list when the folder does not exist.
  ///
  /// - Throws: `LedgerError.invalidFile` for the first file that is not a valid incident.
  public func list() throws(LedgerError) -> [StoredIncident] {
    let names = try PosixFile.list(path) ?? []
    var incidents: [StoredIncident] = []
    for name in names.sorted() where name.hasSuffix(".toml") && !name.hasPrefix(".") {
      let id = String(name.dropLast(5))
      guard let stored = try read(id: id) else { continue }
      incidents.append(stored)
    }
    return incidents
  }

  /// The incident with `id`.
  ///
  /// - Throws: `LedgerError.notFound`, `.invalidFile`, `.io`.
  public func load(id: String) throws(LedgerError) -> StoredIncident {
    guard Incident.isValidID(id) else { throw .invalidID(id) }
    guard let stored = try read(id: id) else { throw .notFound(id: id, folder: path) }
    return stored
  }

  private func read(id: String) throws(LedgerError) -> StoredIncident? {
    let file = filePath(of: id)
    guard let bytes = try PosixFile.readAll(file) else { return nil }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .invalidFile(
        path: file, line: Self.lineOfInvalidUTF8(bytes), column: nil, message: "not valid UTF-8")
    }
    let incident = try IncidentDecoder.decode(text, path: file, expectedID: Incident.isValidID(id) ? id : nil)
    return StoredIncident(incident: incident, path: file, fingerprint: FileFingerprint(bytes: bytes))
  }

  // MARK: - Writing

  /// Writes a new incident; fails when one with its ID exists.
  ///
  /// - Returns: the incident as stored (for a later `save`).
  @discardableResult
  public func create(_ incident: Incident) throws(LedgerError) -> StoredIncident {
    guard Incident.isValidID(incident.id) else { throw .invalidID(incident.id) }
    try PosixFile.makeDirectories(path)
    let file = filePath(of: incident.id)
    let bytes = Array(IncidentEncoder.encode(incident).utf8)
    let temporary = try writeTemporary(for: incident.id, bytes)
    defer { PosixFile.remove(temporary) }
    guard try PosixFile.linkNew(temporary, to: file) else {
      throw .alreadyExists(id: incident.id, path: file)
    }
    try PosixFile.syncDirectory(path)
    return StoredIncident(incident: incident, path: file, fingerprint: FileFingerprint(bytes: bytes))
  }

  /// Replaces a stored incident with `incident`, unless its file changed since `stored` was read.
  ///
  /// - Parameter beforeCommit: runs after the temporary file is written and before the rename
  ///   (tests use it to simulate a crash or a concurrent edit).
  /// - Returns: the incident as now stored.
  @discardableResult
  public func save(
    _ incident: Incident, over stored: StoredIncident,
    beforeCommit: () throws(LedgerError) -> Void = {}
  ) throws(LedgerError) -> StoredIncident {
    guard incident.id == stored.incident.id else {
      throw .invalidChange("the incident ID cannot change (\(stored.incident.id) → \(incident.id))")
    }
    let bytes = Array(IncidentEncoder.encode(incident).utf8)
    let temporary = try writeTemporary(for: incident.id, bytes)
    defer { PosixFile.remove(temporary) }
    try beforeCommit()
    guard let current = try PosixFile.readAll(stored.path),
      FileFingerprint(bytes: current) == stored.fingerprint
    else { throw .changedOnDisk(path: stored.path) }
    try PosixFile.renameAtomically(temporary, to: stored.path)
    try PosixFile.syncDirectory(path)
    return StoredIncident(incident: incident, path: stored.path, fingerprint: FileFingerprint(bytes: bytes))
  }

  /// Replaces the file of `stored` with text written elsewhere (an editor's copy), after
  /// checking that it is a valid incident with the same ID and that the file did not change.
  @discardableResult
  public func replace(_ stored: StoredIncident, withText text: String, editedAt editedPath: String)
    throws(LedgerError)
    -> StoredIncident
  {
    let incident = try IncidentDecoder.decode(text, path: editedPath, expectedID: stored.incident.id)
    let bytes = Array(text.utf8)
    let temporary = try writeTemporary(for: incident.id, bytes)
    defer { PosixFile.remove(temporary) }
    guard let current = try PosixFile.readAll(stored.path),
      FileFingerprint(bytes: current) == stored.fingerprint
    else { throw .changedOnDisk(path: stored.path) }
    try PosixFile.renameAtomically(temporary, to: stored.path)
    try PosixFile.syncDirectory(path)
    return StoredIncident(incident: incident, path: stored.path, fingerprint: FileFingerprint(bytes: bytes))
  }

  private func writeTemporary(for id: String, _ bytes: [UInt8]) throws(LedgerError) -> String {
    try PosixFile.makeDirectories(path)
    // A leftover temporary file of a crashed run keeps its name; take the next free one.
    var attempt = 0
    var temporary = path + "/.\(id).toml.tmp-\(getpid())-0"
    while PosixFile.exists(temporary) && attempt < 1000 {
      attempt += 1
      temporary = path + "/.\(id).toml.tmp-\(getpid())-\(attempt)"
    }
    do throws(LedgerError) {
      try PosixFile.writeNew(temporary, bytes)
    } catch {
      PosixFile.remove(temporary)
      throw error
    }
    return temporary
  }

  private static func lineOfInvalidUTF8(_ bytes: [UInt8]) -> Int {
    var line = 1
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == 0x0A {
      if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
      line += 1
      start = index + 1
    }
    return line
  }
}
