import SpendFormats

/// A legacy CUR manifest (`<report>-Manifest.json`): which parts make up one assembly of a
/// billing period.
struct CURManifest {
  /// The manifest file, as given.
  var path: String
  /// The assembly (report version) the manifest describes.
  var assemblyId: String
  /// The report's name.
  var reportName: String
  /// The S3 keys of the parts, in order.
  var reportKeys: [String]

  /// Whether the manifest sits in its assembly's folder (`…/<period>/<assemblyId>/`) rather than at
  /// the top of the period folder.
  var isInAssemblyFolder: Bool {
    FileSystem.name(of: FileSystem.directory(of: path)) == assemblyId
  }

  /// The billing period folder (`…/20180801-20180901`) the manifest belongs to.
  var periodFolder: String {
    let folder = FileSystem.directory(of: path)
    return isInAssemblyFolder ? FileSystem.directory(of: folder) : folder
  }

  /// Parses a manifest.
  ///
  /// - Returns: nil when the JSON is not a legacy CUR manifest (no `assemblyId` or `reportKeys`).
  /// - Throws: `JSONParseError` when the file is not JSON at all.
  static func parse(_ bytes: [UInt8], path: String) throws(JSONParseError) -> CURManifest? {
    let document = try JSONValue.parse(bytes)
    guard case .string(let assemblyId)? = document["assemblyId"], case .array(let keys)? = document["reportKeys"]
    else { return nil }
    let reportKeys = keys.compactMap { key -> String? in
      if case .string(let text) = key { return text }
      return nil
    }
    let reportName: String
    if case .string(let name)? = document["reportName"] { reportName = name } else { reportName = "" }
    return CURManifest(path: path, assemblyId: assemblyId, reportName: reportName, reportKeys: reportKeys)
  }

  /// Loads a manifest given by name.
  ///
  /// - Throws: `BillImportError.invalidManifest` when it cannot be read, is not JSON, or is not a
  ///   legacy CUR manifest.
  static func load(_ path: String) throws(BillImportError) -> CURManifest {
    guard let bytes = FileSystem.read(path) else {
      throw .unreadable(path: path, reason: "cannot read the manifest (unreadable, or larger than 64 MiB)")
    }
    if bytes.isEmpty { throw .emptyFile(path: path) }
    let manifest: CURManifest?
    do {
      manifest = try parse(bytes, path: path)
    } catch {
      throw .malformed(
        path: path, line: error.line, column: error.column,
        problem: "not a valid CUR manifest: not JSON; \(error.reason)")
    }
    guard let manifest else {
      throw .invalidManifest(
        path: path,
        reason: "a JSON file without assemblyId and reportKeys; spendtop reads \(BillFormat.readableFormatsText)")
    }
    return manifest
  }

  // MARK: - Parts

  /// The local file of each listed part.
  ///
  /// A key is an S3 key (`/koku-local/20180801-20180901/<assembly>/koku-local-1.csv.gz`); the
  /// local copy keeps the folder layout under the manifest's folder. The key's leading folders
  /// that repeat the manifest's own folder path are dropped; failing that, the part is looked for
  /// from its assembly folder, then by file name beside the manifest.
  ///
  /// - Throws: `BillImportError.partOutsideManifestFolder` for a key with `..`, a backslash or a
  ///   NUL byte (which would cut the path short when handed to the C library);
  ///   `BillImportError.missingPart` naming the first part not found.
  func partPaths() throws(BillImportError) -> [String] {
    let folder = FileSystem.directory(of: path)
    let folderComponents = (FileSystem.realPath(folder) ?? folder).split(separator: "/").map(String.init)
    var paths: [String] = []
    for key in reportKeys {
      let components = key.split(separator: "/").map(String.init).filter { $0 != "." }
      guard !components.contains(".."), !components.isEmpty, !key.contains("\\"), !key.utf8.contains(0) else {
        throw .partOutsideManifestFolder(manifest: path, key: key)
      }
      let candidates = candidatePaths(components, folder: folder, folderComponents: folderComponents)
      guard let found = candidates.first(where: FileSystem.isFile) else {
        throw .missingPart(manifest: path, key: key, expectedAt: candidates.first ?? key)
      }
      paths.append(found)
    }
    return paths
  }

  private func candidatePaths(_ components: [String], folder: String, folderComponents: [String]) -> [String] {
    var candidates: [String] = []
    func add(_ relative: ArraySlice<String>) {
      guard !relative.isEmpty else { return }
      let candidate = relative.reduce(folder) { FileSystem.join($0, $1) }
      if !candidates.contains(candidate) { candidates.append(candidate) }
    }
    var overlap = min(components.count - 1, folderComponents.count)
    while overlap > 0 {
      if Array(components[0..<overlap]) == Array(folderComponents.suffix(overlap)) {
        add(components[overlap...])
        break
      }
      overlap -= 1
    }
    if let assembly = components.firstIndex(of: assemblyId) {
      add(components[assembly...])
      add(components[(assembly + 1)...])
    }
    add(components[(components.count - 1)...])
    add(components[...])
    return candidates
  }
}
