import IncidentLedger

/// What the status bar says after `x` wrote the postmortem of the dashboard's copy of an incident.
///
/// The document is rendered from the incident as the dashboard loaded it. When its ledger file can
/// no longer be read, or holds something else, the message says the document is that copy.
public enum ExportMessage: Sendable, Equatable {
  /// The file holds the copy that was written.
  case done(String)
  /// Written from the copy in memory, and why that matters.
  case warning(String)

  /// The message for a document of `copy` written to `path`, checked against the file in `folder`.
  public static func text(wrote path: String, from copy: Incident, in folder: LedgerFolder) -> ExportMessage {
    let prefix = "wrote \(path) from the copy in memory: the ledger file"
    do throws(LedgerError) {
      guard try folder.load(id: copy.id).incident == copy else {
        return .warning(
          "\(prefix) changed since it was loaded (reopen the dashboard to export it as it is)")
      }
      return .done("wrote \(path)")
    } catch {
      return .warning("\(prefix) could not be read: \(error)")
    }
  }
}
