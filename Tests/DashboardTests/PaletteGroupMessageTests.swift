import Testing

/// `:group` with a word that is no dimension names the word and the dimensions there are.
@Suite struct PaletteGroupMessageTests {
  @Test func anUnknownDimensionIsNamedWithTheValidOnes() throws {
    var harness = Harness()
    harness.press(":group colour<Enter>")
    let message = try #require(harness.state.message)
    #expect(message.isError)
    #expect(message.text.hasPrefix("unknown dimension 'colour'; use one of "))
    for dimension in ["account", "service", "region", "usage-type"] {
      #expect(message.text.contains(dimension), "\(dimension)")
    }
    #expect(harness.state.screen != .explorer)
  }

  @Test func aBareGroupStillAsksWhichDimension() throws {
    var harness = Harness()
    harness.press(":group<Enter>")
    #expect(try #require(harness.state.message).text.hasPrefix("group by what? e.g. :group account ("))
  }
}
