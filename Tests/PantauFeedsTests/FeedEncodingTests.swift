import Foundation
import Testing
@testable import PantauFeeds

/// Encodings, entities and malformed documents, one behaviour per test.
@Suite struct FeedEncodingTests {
    func parse(_ bytes: [UInt8], contentType: String? = nil) throws -> Feed {
        try FeedParser().parse(bytes, contentType: contentType)
    }

    func rss(title: String) -> String {
        "<rss version=\"2.0\"><channel><title>T</title><item><title>\(title)</title><link>http://x.test/a</link></item></channel></rss>"
    }

    @Test func utf8ByteOrderMarkIsSkipped() throws {
        let feed = try parse([0xEF, 0xBB, 0xBF] + Array(rss(title: "Jalan Raya").utf8))
        #expect(feed.items.first?.title == "Jalan Raya")
        #expect(feed.wellFormed)
    }

    @Test func utf16WithByteOrderMarkIsRead() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + rss(title: "Sabtu Ceria")).utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try parse(bytes).items.first?.title == "Sabtu Ceria")
    }

    @Test func declaredLatin1IsReadAsWindows1252() throws {
        // 0xE9 é, 0x93/0x94 curly quotes (windows-1252 only).
        let bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>".utf8) + Array(rss(title: "Caf").utf8)
        var withAccent = bytes
        let at = withAccent.firstRange(of: Array("Caf".utf8))!.upperBound
        withAccent.insert(contentsOf: [0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94], at: at)
        let feed = try parse(withAccent)
        #expect(feed.items.first?.title == "Café “ok”")
        #expect(feed.wellFormed)
    }

    @Test func windows1252BytesServedAsUTF8AreRepaired() throws {
        var bytes = Array(rss(title: "Rp 5").utf8)
        let at = bytes.firstRange(of: Array("Rp 5".utf8))!.upperBound
        bytes.insert(contentsOf: [0x96, 0x20, 0x36], at: at)     // an en dash in windows-1252
        let feed = try parse(bytes, contentType: "application/rss+xml; charset=utf-8")
        #expect(feed.items.first?.title == "Rp 5– 6")
        #expect(!feed.wellFormed)
    }

    @Test func utf8ServedUnderALatin1DeclarationStaysUTF8() throws {
        let text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + rss(title: "Brüssel – Jakarta")
        #expect(try parse(Array(text.utf8)).items.first?.title == "Brüssel – Jakarta")
    }

    @Test func httpCharsetWinsOverTheDeclaration() throws {
        // KOI8-R bytes for "Мир" with a declaration that lies.
        let bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8) + Array(rss(title: "X").utf8)
        var koi = bytes
        let at = koi.firstRange(of: Array("<title>X".utf8))!.lowerBound + 7
        koi.replaceSubrange(at..<(at + 1), with: [0xED, 0xC9, 0xD2])
        #expect(try parse(koi, contentType: "text/xml; charset=KOI8-R").items.first?.title == "Мир")
    }

    @Test func htmlNamedEntitiesOutsideCDATAAreDecoded() throws {
        let feed = try parse(Array(rss(title: "Perang&nbsp;&mdash; damai &rsquo;24 &eacute;").utf8))
        #expect(feed.items.first?.title == "Perang — damai ’24 é")
        #expect(!feed.wellFormed)
    }

    @Test func numericReferencesToWindows1252AndForbiddenCharactersAreRepaired() throws {
        let feed = try parse(Array(rss(title: "A &#150; B&#1;C &#x2019;").utf8))
        #expect(feed.items.first?.title == "A – BC ’")
    }

    @Test func strayAmpersandsAreKept() throws {
        let feed = try parse(Array(rss(title: "AT&T & Co").utf8))
        #expect(feed.items.first?.title == "AT&T & Co")
        #expect(!feed.wellFormed)
    }

    @Test func cdataKeepsItsAmpersandsAndEntitiesForHTMLDecoding() throws {
        let feed = try parse(Array(rss(title: "<![CDATA[Q&A: &quot;siaga&quot;]]>").utf8))
        #expect(feed.items.first?.title == "Q&A: \"siaga\"")
        #expect(feed.wellFormed)
    }

    @Test func unclosedTagsAreRecoveredAndFlagged() throws {
        let feed = try parse(Array("<rss version=\"2.0\"><channel><title>T</title><item><title>A</title><link>http://x.test/a</link>".utf8))
        #expect(feed.items.map(\.title) == ["A"])
        #expect(!feed.wellFormed)
    }

    @Test func junkAfterTheRootIsIgnoredAndFlagged() throws {
        let feed = try parse(Array((rss(title: "A") + "<p>junk</p> trailing").utf8))
        #expect(feed.items.map(\.title) == ["A"])
        #expect(!feed.wellFormed)
    }

    @Test func wellFormedFeedsSayTheyAre() throws {
        #expect(try parse(Array(rss(title: "A &amp; B").utf8)).wellFormed)
    }
}

/// Dates in the dialects feeds use; unparseable ones keep their text.
/// The XML declaration's `encoding`, read from the bytes.
@Suite struct DeclaredEncodingTests {
    @Test(arguments: [
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss/>", "utf-8"),
        ("<?xml version='1.0' encoding='ISO-8859-1'?><rss/>", "iso-8859-1"),
        ("<?xml version=\"1.0\" encoding = \"Windows-1252\" standalone=\"yes\"?>", "windows-1252"),
        ("<?xml version=\"1.0\"?><rss encoding=\"utf-16\"/>", nil),             // not in the declaration
        ("<?xml version=\"1.0\" encoding=\"\"?>", nil),                           // empty
        ("<?xml version=\"1.0\" encoding=UTF-8?>", nil),                          // not quoted
        ("<rss version=\"2.0\"/>", nil),                                          // no declaration
        ("<?xml version=\"1.0\" encoding=\"utf-8", nil),                          // never closed
        ("<?xml" + String(repeating: " ", count: 200) + "encoding=\"utf-8\"?>", nil),  // past the first 200 bytes
    ] as [(String, String?)])
    func readsTheDeclaredEncoding(text: String, expected: String?) {
        #expect(FeedBytes.declaredEncoding(Array(text.utf8)) == expected)
    }
}

@Suite struct FeedDateDialectTests {
    @Test(arguments: [
        ("Wed, 23 Oct 2024 10:00:00 +0700", 1_729_652_400.0),
        ("23 Oct 2024 10:00:00 +0700", 1_729_652_400),                 // no weekday
        ("Wed, 23 Oct 24 03:00:00 GMT", 1_729_652_400),                 // two-digit year
        ("Wed, 23 Oct 2024 03:00 UT", 1_729_652_400),                   // no seconds, UT
        ("Tue, 22 Oct 2024 23:00:00 EDT", 1_729_652_400),               // named US zone
        ("Rabu, 23 Okt 2024 10:00 WIB", 1_729_652_400),                 // Indonesian names, WIB
        ("Rabu, 23 Oktober 2024 11:00:00 WITA", 1_729_652_400),
        ("23 Oct 2024 10:00:00 +07:00", 1_729_652_400),                 // offset with a colon
        ("Wed,23 Oct 2024 10:00:00 +0700", 1_729_652_400),              // no space after the comma
        ("wed, 23 oct 2024 03:00:00 gmt", 1_729_652_400),               // lower case
        ("Tue, 22 Oct 2024 19:00:00 -0800", 1_729_652_400),             // negative offset
        ("2024-10-23T10:00:00+07:00", 1_729_652_400),
        ("2024-10-23T03:00Z", 1_729_652_400),                           // ISO without seconds
        ("2024-10-23T03:00:00.250Z", 1_729_652_400),                    // fractional seconds
        ("2024-10-23 03:00:00", 1_729_652_400),                         // space, no zone (UTC)
        ("2024-10-23", 1_729_641_600),                                  // date only
    ])
    func parsesDialects(text: String, seconds: Double) {
        #expect(FeedDate.parse(text)?.timeIntervalSince1970 == seconds)
    }

    @Test func unparseableDatesKeepTheirRawTextAndDoNotBlockTheItem() throws {
        let feed = try FeedParser().parse(Array("<rss version=\"2.0\"><channel><item><title>A</title><pubDate>sometime last week</pubDate></item></channel></rss>".utf8))
        #expect(feed.items.first?.published == nil)
        #expect(feed.items.first?.publishedRaw == "sometime last week")
    }
}
