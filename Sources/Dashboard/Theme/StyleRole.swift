/// What a piece of the screen is, so that a theme can say how it looks.
public enum StyleRole: String, CaseIterable, Sendable {
  /// Body text.
  case text
  /// Secondary text: labels, axes, hints.
  case muted
  /// Screen titles and big numbers.
  case title
  /// The header bar across the top.
  case headerBar = "header-bar"
  /// The current screen's tab.
  case tabActive = "tab-active"
  /// The other tabs.
  case tabInactive = "tab-inactive"
  /// Box lines and separators.
  case border
  /// Table column headers.
  case columnHeader = "column-header"
  /// The selected row.
  case selection
  /// The status bar across the bottom.
  case statusBar = "status-bar"
  /// Key names in the status bar and help.
  case key
  /// Highlights: the cost basis, the breadcrumb tail.
  case accent
  /// A cost that went up.
  case increase
  /// A cost that went down.
  case decrease
  /// Warnings (forecast over budget, a partial load).
  case warning
  /// Errors.
  case error
  /// Anomaly markers.
  case anomaly
  /// Chart bars.
  case chart
  /// The forecast band.
  case forecast
  /// The empty part of a share bar.
  case barEmpty = "bar-empty"
  /// Text being typed (filter, palette, form).
  case input
  /// Search matches.
  case match
}
