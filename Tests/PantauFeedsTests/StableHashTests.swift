import Testing
@testable import PantauFeeds

/// Stored ids and alert ids must never change: FNV-1a over the parts joined by NUL, as
/// sixteen lowercase hex digits (values computed independently, with leading zeros kept).
@Suite struct StableHashTests {
    @Test(arguments: [
        (["a"], "af63dc4c8601ec8c"),
        (["feed", "item", "watch"], "27ae4c57326205d3"),
        (["x7500"], "0041157ac45c93f7"),
        (["", ""], "af63bd4c8601b7df"),
        (["Korea Utara", "é"], "7251d4617412c2ac"),
    ])
    func hashesPartsToSixteenHexDigits(parts: [String], expected: String) {
        #expect(StableHash.hex(parts) == expected)
    }
}
