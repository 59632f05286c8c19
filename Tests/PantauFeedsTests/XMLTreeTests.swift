import Testing
@testable import PantauFeeds

/// The parsed tree (one node array, one text buffer) reads like a nested one: own text and
/// all text, children in order, names and namespaces, attributes, inherited `xml:base`.
@Suite struct XMLTreeTests {
    func parse(_ text: String, base: String? = nil) throws -> XMLDocumentParser.Result {
        try XMLDocumentParser().parse(Array(text.utf8), base: base)
    }

    @Test func elementTextLeavesOutItsChildrenAndAllTextKeepsThemInPlace() throws {
        let root = try parse("<r>one <b>two <i>three</i></b> four<e/> five</r>").root
        #expect(root.text == "one  four five")
        #expect(root.allText == "one two three four five")
        let b = try #require(root.child("b"))
        #expect(b.text == "two ")
        #expect(b.allText == "two three")
        #expect(root.child("e")?.allText == "")
        #expect(root.child("e")?.trimmedText == nil)
    }

    @Test func childrenComeInDocumentOrderAndFilterByNameAndNamespace() throws {
        let root = try parse("""
            <rss xmlns:dc="http://purl.org/dc/elements/1.1/"><a>1</a><dc:a>2</dc:a><b>3</b><a>4</a><c><a>nested</a></c></rss>
            """).root
        #expect(root.children.map(\.name) == ["a", "a", "b", "a", "c"])
        #expect(root.children("a").map(\.allText) == ["1", "2", "4"])
        #expect(root.children("a", namespace: "").map(\.allText) == ["1", "4"])
        #expect(root.children("a", namespace: "http://purl.org/dc/elements/1.1/").map(\.allText) == ["2"])
        #expect(root.child("a", namespace: "http://purl.org/dc/elements/1.1/")?.namespace == "http://purl.org/dc/elements/1.1/")
        #expect(root.child("missing") == nil)
        #expect(root.children("a", namespace: "urn:not-in-the-document").map(\.name).isEmpty)
        #expect(root.child("c")?.children.map(\.allText) == ["nested"])
    }

    @Test func attributesAndXMLBaseBelongToTheirElement() throws {
        let root = try parse("""
            <feed xml:base="http://x.test/news/" version="2"><entry xml:base="/world/" id="e1"><link href="a.html"/></entry><entry/></feed>
            """, base: "http://doc.test/feed.xml").root
        #expect(root.attributes["version"] == "2")
        #expect(root.base == "http://x.test/news/")
        let entries = Array(root.children("entry"))
        #expect(entries.count == 2)
        #expect(entries[0].attributes["id"] == "e1")
        #expect(entries[0].base == "http://x.test/world/")
        #expect(entries[0].child("link")?.base == "http://x.test/world/")
        #expect(entries[0].child("link")?.attributes["href"] == "a.html")
        #expect(entries[1].attributes.isEmpty)
        #expect(entries[1].base == "http://x.test/news/")
        #expect(try parse("<r><a/></r>", base: "http://doc.test/").root.child("a")?.base == "http://doc.test/")
    }

    @Test func aTruncatedDocumentEndsItsOpenElementsAtTheEndOfItsText() throws {
        let result = try parse("<rss><channel><title>Cut here")
        #expect(!result.wellFormed)
        #expect(result.root.child("channel")?.child("title")?.allText == "Cut here")
        #expect(result.root.allText == "Cut here")
    }

    @Test func textKeepsItsCharactersAcrossEntitiesAndCDATA() throws {
        let root = try parse("<r><t>caf&#233; &amp; <![CDATA[<p>Jakarta</p>]]> 東京</t></r>").root
        #expect(root.child("t")?.allText == "café & <p>Jakarta</p> 東京")
    }
}
