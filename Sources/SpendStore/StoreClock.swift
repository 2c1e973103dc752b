#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The time the store stamps on imports and triage decisions; tests inject a fixed one.
public struct StoreClock: Sendable {
  /// Seconds since 1970-01-01 UTC.
  public var now: @Sendable () -> Int64

  /// Creates a clock from a function.
  public init(now: @escaping @Sendable () -> Int64) { self.now = now }

  /// The system's wall clock.
  public static let system = StoreClock { Int64(time(nil)) }

  /// A clock stopped at `seconds`.
  public static func fixed(_ seconds: Int64) -> StoreClock { StoreClock { seconds } }
}
