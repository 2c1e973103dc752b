/// One file to read: where it is and how it was found.
public struct BillSource: Hashable, Sendable {
  /// The path to open and to name in messages (as given, or joined from a folder or manifest).
  public var path: String
  /// The manifest that listed it, if any.
  public var manifest: String?
  /// Its size on disk (compressed size for `.gz`).
  public var byteCount: Int64
}

/// The files a set of paths expands to, each once.
///
/// A file is read as a bill whatever its name. A manifest (`.json`) stands for the parts it lists.
/// A folder is walked recursively; only `.csv`, `.csv.gz` and manifest `.json` files count. Where a
/// billing-period folder holds manifests, its CSV files are read only as listed parts: the
/// top-level manifest's assembly wins over older assemblies (or, with no top-level manifest, the
/// most recently written assembly manifest). A part reached twice is read once.
public struct ImportPlan: Sendable {
  /// The files, in the order the paths gave them.
  public var sources: [BillSource]
  /// Manifests read that list no report files (`reportKeys: []`): nothing comes from them, which
  /// readers should say.
  public var emptyManifests: [String] = []

  /// The total size on disk.
  public var byteCount: Int64 { sources.reduce(0) { $0 + $1.byteCount } }

  /// Expands paths into files.
  ///
  /// - Throws: `BillImportError` for a missing path, an invalid manifest, a missing or escaping
  ///   part, a folder without bills, or the same bytes reached under two names.
  public static func make(paths: [String]) throws(BillImportError) -> ImportPlan {
    var builder = Builder()
    for path in paths { try builder.add(path) }
    try BillOverlap.checkIdentical(builder.sources)
    return ImportPlan(sources: builder.sources, emptyManifests: builder.emptyManifests)
  }

  // MARK: - Building

  private struct Builder {
    var sources: [BillSource] = []
    var seen: Set<String> = []
    var emptyManifests: [String] = []

    mutating func add(_ path: String) throws(BillImportError) {
      switch FileSystem.lookup(path) {
      case .missing: throw .notFound(path: path)
      case .failed(let reason): throw .unreadable(path: path, reason: "cannot open: \(reason)")
      case .found(.other(let what)):
        throw .unreadable(
          path: path, reason: "\(what), not a regular file or folder; expected a bill, manifest or folder")
      case .found(.directory): try addFolder(path)
      case .found(.file):
        if path.lowercased().hasSuffix(".json") {
          try addParts(of: CURManifest.load(path))
        } else {
          append(path, manifest: nil)
        }
      }
    }

    mutating func append(_ path: String, manifest: String?) {
      let identity = FileSystem.realPath(path) ?? path
      guard seen.insert(identity).inserted else { return }
      var size: Int64 = 0
      if case .file(let bytes, _)? = FileSystem.kind(path) { size = bytes }
      sources.append(BillSource(path: path, manifest: manifest, byteCount: size))
    }

    mutating func addParts(of manifest: CURManifest) throws(BillImportError) {
      if manifest.reportKeys.isEmpty { emptyManifests.append(manifest.path) }
      for part in try manifest.partPaths() { append(part, manifest: manifest.path) }
    }

    mutating func addFolder(_ folder: String) throws(BillImportError) {
      var csvFiles: [String] = []
      var manifests: [CURManifest] = []
      try walk(folder, csvFiles: &csvFiles, manifests: &manifests)
      let before = sources.count
      // Per billing-period folder: the top-level manifests, else the newest assembly manifest.
      var byPeriod: [String: [CURManifest]] = [:]
      var periodOrder: [String] = []
      for manifest in manifests {
        if byPeriod[manifest.periodFolder] == nil { periodOrder.append(manifest.periodFolder) }
        byPeriod[manifest.periodFolder, default: []].append(manifest)
      }
      for period in periodOrder {
        let candidates = byPeriod[period] ?? []
        let topLevel = candidates.filter { !$0.isInAssemblyFolder }
        if !topLevel.isEmpty {
          for manifest in topLevel { try addParts(of: manifest) }
        } else if let newest = candidates.max(by: { modified($0.path) < modified($1.path) }) {
          try addParts(of: newest)
        }
      }
      let governed = periodOrder.map { $0 == "." ? "" : $0.hasSuffix("/") ? $0 : $0 + "/" }
      for file in csvFiles where !governed.contains(where: { file.hasPrefix($0) }) {
        append(file, manifest: nil)
      }
      if sources.count == before && csvFiles.isEmpty && manifests.isEmpty { throw .noBills(folder: folder) }
    }

    private func modified(_ path: String) -> Int {
      if case .file(_, let time)? = FileSystem.kind(path) { return time }
      return 0
    }

    /// Collects a folder's bills and manifests, recursively.
    ///
    /// Other files are ignored, but nothing that looks like a bill is skipped silently: a
    /// `.csv`/`.csv.gz` that is not a readable regular file (a FIFO, a dangling link) and a
    /// `…-Manifest.json` that is not a valid manifest are errors (skipping a broken manifest would
    /// read every assembly's parts at once), as is a folder that cannot be listed.
    private func walk(
      _ folder: String, csvFiles: inout [String], manifests: inout [CURManifest]
    ) throws(BillImportError) {
      let names: [String]
      do {
        names = try FileSystem.contents(of: folder)
      } catch {
        throw .unreadable(path: folder, reason: "cannot list the folder: \(error.reason)")
      }
      for name in names {
        let path = FileSystem.join(folder, name)
        let lower = name.lowercased()
        let isBill = lower.hasSuffix(".csv") || lower.hasSuffix(".csv.gz")
        let isManifestName = lower.hasSuffix("-manifest.json")
        switch FileSystem.lookup(path) {
        case .found(.directory): try walk(path, csvFiles: &csvFiles, manifests: &manifests)
        case .found(.file):
          if isBill {
            csvFiles.append(path)
          } else if isManifestName {
            manifests.append(try CURManifest.load(path))
          } else if lower.hasSuffix(".json"), let bytes = FileSystem.read(path),
            let manifest = try? CURManifest.parse(bytes, path: path)
          {
            manifests.append(manifest)
          }
        case .found(.other(let what)) where isBill || isManifestName:
          throw .unreadable(path: path, reason: "\(what), not a regular file; expected a bill file")
        case .missing where isBill || isManifestName:
          throw .unreadable(path: path, reason: "cannot open: a symbolic link to nothing")
        case .failed(let reason) where isBill || isManifestName:
          throw .unreadable(path: path, reason: "cannot open: \(reason)")
        case .found(.other), .missing, .failed: continue
        }
      }
    }
  }
}
