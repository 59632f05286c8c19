import Testing
import TOMLKit
@testable import PantauConfig

/// The config loader's own reads of TOML values, which free what CTOML copies out.
@Suite struct TOMLValueOwnedTests {
    static let document = """
        name = "Kompas — berita"
        empty = ""
        escaped = "tab\\there \\"quoted\\" \\u00e9"
        count = 42
        negative = -7
        ratio = 0.25
        flag = true
        off = false
        list = ["a", 1, 2.5, false]
        [table]
        key = "v"
        """

    /// Guards the reflection: if TOMLKit stops keeping its node pointer where it did, the
    /// reads fall back to TOMLKit's own (leaking) accessors, and this says so.
    @Test func findsTheNodeBehindEveryParsedValue() throws {
        let table = try TOMLTable(string: Self.document)
        let list = try #require(table["list"]?.array)
        let values = try ["name", "count", "ratio", "flag", "list", "table"].map { try #require(table[$0]) } + Array(list)
        for value in values {
            let reflected = TOMLNode.reflectedPointer(of: value.tomlValue)
            #expect(reflected != nil, "no CTOML node found in \(value)")
            #expect(value.node == reflected)
        }
        // Read from the value's first bytes, not by reflection each time.
        #expect(TOMLNode.pointerFirst)
    }

    @Test(arguments: ["name", "empty", "escaped", "count", "negative", "ratio", "flag", "off", "list", "table", "missing"])
    func readsWhatTOMLKitReads(key: String) throws {
        let table = try TOMLTable(string: Self.document)
        let value = table[key]
        #expect(value?.stringValue == value?.string)
        #expect(value?.intValue == value?.int)
        #expect(value?.doubleValue == value?.double)
        #expect(value?.boolValue == value?.bool)
    }

    @Test func readsEachTypeOnlyAsItself() throws {
        let table = try TOMLTable(string: Self.document)
        #expect(table["name"]?.stringValue == "Kompas — berita")
        #expect(table["escaped"]?.stringValue == "tab\there \"quoted\" é")
        #expect(table["empty"]?.stringValue == "")
        #expect(table["count"]?.intValue == 42)
        #expect(table["negative"]?.intValue == -7)
        #expect(table["ratio"]?.doubleValue == 0.25)
        #expect(table["flag"]?.boolValue == true)
        #expect(table["off"]?.boolValue == false)
        // No conversions: an integer is not a double, a string not a number.
        #expect(table["count"]?.doubleValue == nil)
        #expect(table["count"]?.stringValue == nil)
        #expect(table["name"]?.intValue == nil)
        #expect(table["ratio"]?.boolValue == nil)
        let list = try #require(table["list"]?.array)
        #expect(list.map(\.stringValue) == ["a", nil, nil, nil])
        #expect(list.map(\.intValue) == [nil, 1, nil, nil])
        #expect(list.map(\.doubleValue) == [nil, nil, 2.5, nil])
        #expect(list.map(\.boolValue) == [nil, nil, nil, false])
    }

    @Test func listsATablesKeysAsTOMLKitDoes() throws {
        let table = try TOMLTable(string: Self.document)
        // Found by reflection, not by TOMLKit's leaking `keys`.
        #expect(Mirror(reflecting: table).descendant("tablePointer") is OpaquePointer)
        #expect(table.ownedKeys.sorted() == table.keys.sorted())
        #expect(table.ownedKeys.sorted() == ["count", "empty", "escaped", "flag", "list", "name", "negative", "off", "ratio", "table"])
        let quoted = try TOMLTable(string: "\"Korea Utara\" = 1\n\"jälkeen\" = 2\n")
        #expect(quoted.ownedKeys.sorted() == ["Korea Utara", "jälkeen"])
        #expect(try #require(table["table"]?.table).ownedKeys == ["key"])
        #expect(try TOMLTable(string: "").ownedKeys.isEmpty)
    }
}
