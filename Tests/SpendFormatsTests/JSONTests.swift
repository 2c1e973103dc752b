import SpendFormats
import Testing

/// The shared JSON value: strict parsing with line and column, exact number text, stable writing.
@Suite struct JSONTests {
  @Test("the JSON parser keeps number text, decodes escapes and reports line and column")
  func jsonParser() throws {
    let value = try JSONParser.parse(
      "{\"a\": [1.50, -2e3, true, null], \"b\": \"x\\u00e9\\ud83d\\ude00\\n\"}")
    #expect(value["a"] == .array([.number("1.50"), .number("-2e3"), .bool(true), .null]))
    #expect(value["b"] == .string("xé😀\n"))
    #expect(throws: JSONParseError(line: 3, column: 3, reason: "unexpected character '}'")) {
      try JSONParser.parse("{\n\"a\":\n  }")
    }
    #expect(throws: JSONParseError.self) { try JSONParser.parse("{\"a\": 01}") }
    #expect(throws: JSONParseError.self) { try JSONParser.parse("{\"a\": 1, \"a\": 2}") }
    #expect(throws: JSONParseError.self) { try JSONParser.parse("[1] x") }
    let round = JSONValue.object([.init("k\"", .array([.number("0.10"), .string("tab\t")]))])
    #expect(try JSONParser.parse(round.rendered()) == round)
  }

  @Test("bytes parse like text; scalarText gives strings, numbers and booleans as written")
  func bytesAndScalarText() throws {
    let bytes = Array("{\"user_team\": \"web\", \"n\": 0.0000000021, \"on\": false, \"x\": null}".utf8)
    let value = try JSONValue.parse(bytes)
    #expect(value["user_team"]?.scalarText == "web")
    #expect(value["n"]?.scalarText == "0.0000000021")
    #expect(value["on"]?.scalarText == "false")
    #expect(value["x"]?.scalarText == nil)
    #expect(throws: JSONParseError(line: 2, column: 1, reason: "expected ',' or ']'")) {
      try JSONValue.parse(Array("[1\n".utf8))
    }
  }

  @Test("the writer indents by two spaces, keeps member order and ends with a newline")
  func writer() {
    let value = JSONValue.object([
      .init("z", .array([])), .init("a", .object([])), .init("s", .string("é\u{1}\"")),
      .init("l", .array([.number("1"), .bool(true)])),
    ])
    #expect(
      value.rendered() == """
        {
          "z": [],
          "a": {},
          "s": "é\\u0001\\"",
          "l": [
            1,
            true
          ]
        }

        """)
  }
}
