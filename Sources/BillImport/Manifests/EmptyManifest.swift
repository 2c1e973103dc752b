/// What readers say about a manifest that lists no report files (`reportKeys: []`), which
/// otherwise reads as a bill of $0.00.
public enum EmptyManifest {
  /// `MANIFEST: lists no report files (its reportKeys is empty): nothing was read from it`.
  public static func note(_ manifest: String) -> String {
    FieldText.escaping(
      "\(manifest): lists no report files (its reportKeys is empty): nothing was read from it")
  }
}
