import Foundation
import PantauTestSupport
import Testing
@testable import PantauFeeds

@Suite struct FeedParserTests {
    let parser = FeedParser()

    func parse(_ xml: String) throws -> Feed { try parser.parse(Array(xml.utf8)) }

    @Test func readsRSS2ItemsIntoTheSharedModel() throws {
        let feed = try parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel><title>Berita</title><link>https://example.org/</link><language>id</language>
                <item>
                  <title>Judul &amp; Sub</title>
                  <link>https://example.org/a</link>
                  <guid isPermaLink="false">id-1</guid>
                  <pubDate>Wed, 23 Oct 2024 10:00:00 +0700</pubDate>
                  <description>&lt;p&gt;Ringkasan &lt;b&gt;tebal&lt;/b&gt;.&lt;/p&gt;</description>
                  <content:encoded><![CDATA[<p>Paragraf satu.</p><script>alert(1)</script><p>Paragraf&nbsp;dua.</p>]]></content:encoded>
                </item>
              </channel>
            </rss>
            """)
        #expect(feed.format == .rss)
        #expect(feed.title == "Berita")
        #expect(feed.language == "id")
        #expect(feed.wellFormed)
        let item = try #require(feed.items.first)
        #expect(item.id == "id-1")
        #expect(item.title == "Judul & Sub")
        #expect(item.link == "https://example.org/a")
        #expect(item.published == Date(timeIntervalSince1970: 1_729_652_400))
        #expect(item.publishedRaw == "Wed, 23 Oct 2024 10:00:00 +0700")
        #expect(item.summary == "Ringkasan tebal.")
        #expect(item.content == "Paragraf satu.\nParagraf dua.")
    }

    @Test func permalinkGuidIsAlsoTheLinkAndIdFallsBackToLinkThenHash() throws {
        let feed = try parse("""
            <rss version="2.0"><channel>
              <item><title>A</title><guid>https://example.org/a</guid></item>
              <item><title>B</title><link>https://example.org/b</link></item>
              <item><title>C</title><description>no id at all</description></item>
            </channel></rss>
            """)
        #expect(feed.items.map(\.id).prefix(2) == ["https://example.org/a", "https://example.org/b"])
        #expect(feed.items[0].link == "https://example.org/a")
        #expect(feed.items[2].id.count == 16)
        // The hash is stable: parsing again gives the same id.
        #expect(try parse("<rss version=\"2.0\"><channel><item><title>C</title><description>no id at all</description></item></channel></rss>").items[0].id == feed.items[2].id)
    }

    @Test func readsAtom10Entries() throws {
        let feed = try parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
              <title type="text">World</title>
              <id>urn:feed:1</id>
              <link rel="self" href="https://example.org/atom.xml"/>
              <link rel="alternate" href="https://example.org/"/>
              <entry>
                <title type="html">Troops &lt;em&gt;moved&lt;/em&gt;</title>
                <id>urn:entry:1</id>
                <link rel="alternate" href="https://example.org/e1"/>
                <published>2024-10-23T03:00:00Z</published>
                <updated>2024-10-24T03:00:00+07:00</updated>
                <summary>Short summary.</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Full <b>content</b>.</p></div></content>
              </entry>
            </feed>
            """)
        #expect(feed.format == .atom)
        #expect(feed.title == "World")
        #expect(feed.id == "urn:feed:1")
        #expect(feed.link == "https://example.org/")
        let entry = try #require(feed.items.first)
        #expect(entry.id == "urn:entry:1")
        #expect(entry.title == "Troops moved")
        #expect(entry.link == "https://example.org/e1")
        #expect(entry.published == Date(timeIntervalSince1970: 1_729_652_400))
        #expect(entry.summary == "Short summary.")
        #expect(entry.content == "Full content.")
    }

    @Test func refusesDocumentsThatDeclareEntities() throws {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <rss version="2.0"><channel><item><title>&c;</title></item></channel></rss>
            """
        #expect { try parse(bomb) } throws: { ($0 as? FeedParseError)?.kind == .refused }
    }

    @Test func neverReadsLocalFilesThroughExternalEntities() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><item><title>&xxe;</title></item></channel></rss>
            """
        do {
            let feed = try parse(xxe)
            let title = feed.items.first?.title ?? ""
            #expect(!title.contains("root:"))
        } catch let error as FeedParseError {
            #expect(error.kind == .refused)
        }
    }

    @Test func recoversFromMalformedXMLAndSaysSo() throws {
        let feed = try parse("<rss version=\"2.0\"><channel><title>T</title><item><title>A & B</title><guid>1</guid></item></channel>")
        #expect(!feed.wellFormed)
        #expect(feed.items.first?.id == "1")
    }

    @Test func rejectsUnknownRootWithTheElementName() throws {
        #expect { try parse("<html><body>not a feed</body></html>") } throws: { error in
            guard let error = error as? FeedParseError else { return false }
            return error.kind == .unknownFormat && error.description.contains("<html>")
        }
    }

    @Test func rejectsNonXML() throws {
        #expect { try parse("just some words") } throws: { ($0 as? FeedParseError)?.kind == .notXML }
        #expect { try parse("{\"version\": \"not yet\"}") } throws: { ($0 as? FeedParseError)?.kind == .unknownFormat }
        #expect { try parse("{\"version\": ") } throws: { ($0 as? FeedParseError)?.kind == .notXML }
    }

    @Test func readsTheBundledDemoFeed() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../seeds/feed.xml")
        let feed = try parser.parse(Array(try Data(contentsOf: url)))
        #expect(feed.items.count == 4)
        let article = try String(contentsOf: url.deletingLastPathComponent().appendingPathComponent("000_fd8d562c18a1316d.txt"), encoding: .utf8)
        // The article's paragraphs arrive intact, one per line.
        let lines = article.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(feed.items[0].content.split(separator: "\n").map(String.init) == lines)
    }
}

@Suite struct FeedDateTests {
    static let utc1030 = Date(timeIntervalSince1970: 1_729_652_400)  // 2024-10-23T03:00:00Z

    @Test(arguments: [
        "Wed, 23 Oct 2024 10:00:00 +0700",
        "23 Oct 2024 03:00:00 GMT",
        "Wed, 23 Oct 2024 10:00 WIB",
        "Wed, 23 Oct 2024 11:00:00 WITA",
        "Tue, 22 Oct 2024 23:00:00 EDT",
        "Wed, 23 Oct 24 03:00:00 UT",
        "2024-10-23T03:00:00Z",
        "2024-10-23T10:00:00+07:00",
        "2024-10-23T03:00:00.250Z",
        "2024-10-23T03:00Z",
    ])
    func parsesCommonDateForms(text: String) {
        let date = FeedDate.parse(text)
        #expect(date.map { abs($0.timeIntervalSince(Self.utc1030)) < 1 } == true, "\(text) → \(String(describing: date))")
    }

    @Test(arguments: ["", "yesterday", "32 Oct 2024 10:00:00 GMT", "2024-13-01T00:00:00Z", "23 Okt 2024", "23 Foo 2024 10:00 GMT", "23 Oct 2024 10:xx GMT"])
    func rejectsNonsense(text: String) {
        #expect(FeedDate.parse(text) == nil)
    }
}

@Suite struct HTMLTextTests {
    /// The eight-bytes-at-a-time run check flags exactly the bytes the byte loop stops at
    /// (and the tab and line breaks it looks at): every byte value in every position.
    @Test func theWordAtATimeRunCheckFlagsEveryByteThatMayEndARun() {
        for position in 0..<8 {
            for value in 0...255 {
                let word = UInt64(0x61_61_61_61_61_61_61_61) & ~(UInt64(0xFF) << (8 * UInt64(position))) | UInt64(value) << (8 * UInt64(position))
                let ends = value < 0x20 || value == 0x26 || value == 0x3C || value == 0x7F
                #expect(HTMLText.mayEndRun(word) == ends, "byte \(value) at \(position)")
            }
        }
    }

    @Test(arguments: [
        ("<p>Satu.</p><p>Dua.</p>", "Satu.\nDua."),
        ("Baris<br>baru", "Baris\nbaru"),
        ("<style>p{}</style><script>x()</script>Teks", "Teks"),
        ("Tom &amp; Jerry &mdash; &#8220;kata&#8221;", "Tom & Jerry — “kata”"),
        ("   banyak    spasi  ", "banyak spasi"),
        ("<div><p>unclosed <b>bold</div>", "unclosed bold"),
    ])
    func turnsHTMLIntoParagraphText(html: String, text: String) {
        #expect(HTMLText.text(html) == text)
    }

    @Test(arguments: [
        ("<p>Satu.</p><p>Dua <b>tebal</b>.</p>", "Satu.\nDua tebal."),
        ("<p>Baca <a href=\"https://x.test/a\" rel=\"nofollow\">selengkapnya &raquo;</a></p>", "Baca selengkapnya »"),
        ("Baris<br>baru<br/>lagi<br />akhir", "Baris\nbaru\nlagi\nakhir"),
        ("<div><p>  a  </p>\n<p>b&nbsp;c</p></div>", "a\nb c"),
        ("Tom &amp; Jerry &quot;x&quot;", "Tom & Jerry \"x\""),
    ])
    func commonMarkupIsReadWithoutLibxml2(html: String, text: String) {
        #expect(HTMLText.simpleText(html).map(HTMLText.normalize) == text)
        #expect(HTMLText.text(html) == text)
    }

    /// Anything libxml2 would repair, imply or decode differently is left to it.
    @Test(arguments: [
        "<p>a<p>b", "<p>a<div>b</div></p>", "<b><p>x</p></b>", "<a href=\"x\"><a>y</a></a>", "</p>x", "<p>x</div>",
        "&lt;p&gt;", "&bogus;", "AT&T", "&raquo", "&#187;", "&apos;", "<P>x</P>", "<p class=\"a\">x</p>", "<a href='x'>y</a>",
        "<a href=\"x&y\">z</a>", "<span>x</span>", "a < b", "<script>x</script>", "x\u{01}y", "<!-- c -->",
    ])
    func otherMarkupGoesToLibxml2(html: String) {
        #expect(HTMLText.simpleText(html) == nil)
    }

    /// Where the shortcut answers, libxml2 agrees: random well-formed fragments of the tags,
    /// references and whitespace it accepts, each checked against libxml2's own reading.
    @Test func theShortcutAgreesWithLibxml2() throws {
        let texts = ["kata", "Rusia kirim pasukan.", "“kutip”", "é", "a > b", " ", "  ", "\n", "\t", "\r\n", "&raquo;", "&amp;",
                     "&nbsp;", "&quot;", "&mdash;", "&Agrave;", "&thetasym;"]
        var random = SeededRandom(state: 11)
        func inline(_ depth: Int) -> String {
            let r = Int.random(in: 0..<10, using: &random)
            if depth > 3 || r < 4 { return texts.randomElement(using: &random)! }
            if r < 5 { return ["<br>", "<br/>", "<br />"].randomElement(using: &random)! }
            let inner = (0..<Int.random(in: 0...3, using: &random)).map { _ in inline(depth + 1) }.joined()
            if r < 7 { return "<a href=\"https://x.test/\(depth)\">\(inner)</a>" }
            let tag = ["b", "i", "em", "strong"].randomElement(using: &random)!
            return "<\(tag)>\(inner)</\(tag)>"
        }
        func block(_ depth: Int) -> String {
            let r = Int.random(in: 0..<10, using: &random)
            if depth > 3 || r < 3 { return inline(depth) }
            if r < 7 { return "<p>" + (0..<Int.random(in: 0...4, using: &random)).map { _ in inline(depth + 1) }.joined() + "</p>" }
            return "<div>" + (0..<Int.random(in: 0...4, using: &random)).map { _ in block(depth + 1) }.joined() + "</div>"
        }
        var answered = 0
        for _ in 0..<1_500 {
            let html = (0..<Int.random(in: 1...6, using: &random)).map { _ in block(0) }.joined()
            guard let shortcut = HTMLText.simpleText(html) else { continue }
            answered += 1
            let bytes = try #require(HTMLText.Collector.text(of: "<html><body>" + html + "</body></html>"))
            #expect(HTMLText.normalize(shortcut) == HTMLText.normalize(String(decoding: bytes, as: UTF8.self)), "\(html)")
        }
        #expect(answered > 700)
    }

    /// The shortcut for text that is already normal gives what the long way gives, for
    /// random mixes of words, every kind of whitespace and look-alike non-ASCII.
    @Test func normalTextIsKeptAsItIsAndEverythingElseCollapsesAsBefore() {
        let pieces = ["kata", "Rusia", "“kutip”", "—", "é", "°", "日本", " ", " ", " ", "\n", "\n", "\r", "\t", "\u{0B}",
                      "pasukan tentara", "sebanyak 1.500 orang", "a", "b c", "\n\n", "  ",
                      "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2002}", "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}",
                      "\u{202F}", "\u{205F}", "\u{3000}", "\u{01}", "x"]
        var random = SeededRandom(state: 7)
        var shortcuts = 0
        for round in 0..<10_000 {
            // Long texts too, so that whole runs of eight bytes are judged at once.
            let text = (0..<Int.random(in: 0...(round % 2 == 0 ? 12 : 60), using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let long = HTMLText.collapse(text)
            #expect(HTMLText.normalize(text) == long, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            if text.utf8.withContiguousStorageIfAvailable(HTMLText.isNormalized) == true {
                shortcuts += 1
                #expect(long == text)
            }
        }
        #expect(shortcuts > 100)
        // One fault at every offset of a long normal text (and so at every place within and
        // across runs of eight bytes): each one is seen.
        let normal = "Korea Utara mengirim 1.500 tentara ke Rusia, kata NIS.\nPasukan itu berlatih di timur jauh."
        for offset in 1..<(normal.utf8.count - 1) {
            for fault in ["  ", " \n", "\n\n", "\t", "\r", "\u{A0}", "\u{3000}"] {
                let bytes = Array(normal.utf8)
                let text = String(decoding: bytes[..<offset] + Array(fault.utf8) + bytes[offset...], as: UTF8.self)
                #expect(HTMLText.normalize(text) == HTMLText.collapse(text), "\(offset) \(fault.unicodeScalars.map(\.value))")
                var copy = text
                let judged = copy.withUTF8(HTMLText.isNormalized)
                if judged { #expect(HTMLText.collapse(text) == text, "\(offset)") }
            }
        }
        #expect(HTMLText.normalize("Satu dua.\nTiga “empat” — lima.") == "Satu dua.\nTiga “empat” — lima.")
    }
}

@Suite struct PollingHintTests {
    let parser = FeedParser()

    @Test(arguments: [
        ("<ttl>30</ttl>", 1800.0 as Double?),
        ("<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>", 1800),
        ("<sy:updatePeriod>daily</sy:updatePeriod>", 86_400),
        ("<ttl>120</ttl><sy:updatePeriod>hourly</sy:updatePeriod>", 7200),
        ("<ttl>soon</ttl>", nil),
        ("", nil),
    ])
    func readsTheFeedsOwnMinimumInterval(channel: String, seconds: Double?) throws {
        let xml = "<rss version=\"2.0\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"><channel>\(channel)</channel></rss>"
        #expect(try parser.parse(Array(xml.utf8)).minimumPollInterval == seconds)
    }

    @Test func publishingGapAveragesTheNewestItems() throws {
        let items = (0..<5).map { "<item><guid>\($0)</guid><pubDate>Wed, 23 Oct 2024 \(10 + $0 * 2):00:00 GMT</pubDate></item>" }.joined()
        let feed = try parser.parse(Array("<rss version=\"2.0\"><channel>\(items)<item><guid>x</guid></item></channel></rss>".utf8))
        #expect(feed.publishingGap == 7200)
        let single = try parser.parse(Array("<rss version=\"2.0\"><channel><item><guid>1</guid><pubDate>Wed, 23 Oct 2024 10:00:00 GMT</pubDate></item></channel></rss>".utf8))
        #expect(single.publishingGap == nil)
    }
}
