/// Maps a robust z to an anomaly score in [0, 1] with 0.5 exactly at the spike threshold.
///
/// Below the threshold the score rises linearly (`0.5·z/zₜ`); above it approaches 1 as
/// `1 − 0.5·zₜ/z`, so scores stay comparable between series and modes.
public enum AnomalyScore {
  /// The score of a |z| against a threshold `threshold` (> 0).
  public static func of(z: Double, threshold: Double) -> Double {
    let magnitude = abs(z)
    guard magnitude.isFinite else { return magnitude.isNaN ? 0 : 1 }
    if magnitude < threshold { return 0.5 * magnitude / threshold }
    return 1 - 0.5 * threshold / magnitude
  }
}
