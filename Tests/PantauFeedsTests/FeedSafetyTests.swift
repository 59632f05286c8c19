import Foundation
import PantauTestSupport
import Testing
@testable import PantauFeeds

/// Hostile documents are refused with a clear error, quickly and in bounded memory; random
/// damage never crashes the parser.
@Suite struct FeedSafetyTests {
    func parse(_ text: String, parser: FeedParser = FeedParser()) throws(FeedParseError) -> Feed { try parser.parse(Array(text.utf8)) }

    func refusal(_ text: String, parser: FeedParser = FeedParser()) -> FeedParseError? {
        do {
            _ = try parse(text, parser: parser)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["rss", "atom", "json"])
    func megabyteIdentitiesTitlesAndLinksAreBounded(format: String) throws {
        let id = String(repeating: "g", count: 100_000), link = "https://example.org/" + String(repeating: "a", count: 10_000)
        let title = String(repeating: "Korea Utara kirim pasukan ", count: 200)
        let doc = switch format {
        case "rss": "<rss version=\"2.0\"><channel><item><guid>\(id)</guid><title>\(title)</title><link>\(link)</link></item><item><guid>ok</guid><title>Pendek</title><link>https://example.org/b</link></item></channel></rss>"
        case "atom": "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>\(id)</id><title>\(title)</title><link href=\"\(link)\"/></entry><entry><id>ok</id><title>Pendek</title><link href=\"https://example.org/b\"/></entry></feed>"
        default: "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"\(id)\",\"title\":\"\(title)\",\"url\":\"\(link)\"},{\"id\":\"ok\",\"title\":\"Pendek\",\"url\":\"https://example.org/b\"}]}"
        }
        let items = try parse(doc).items
        #expect(items.count == 2)
        #expect(items[0].id == "id-hash:" + StableHash.hex(id))
        // 39 repetitions are 1,014 bytes; the 40th is cut after "Korea", the last space before byte 1,024.
        #expect(items[0].title == String(title.prefix(1_019)) + "…")
        #expect(items[0].link == nil)
        // Ordinary items are as they were.
        #expect(items[1].id == "ok" && items[1].title == "Pendek" && items[1].link == "https://example.org/b")
    }

    @Test(arguments: [
        ("kata demi kata", 9, "kata demi…"),
        ("kata demi kata", 11, "kata demi…"),
        ("ééé", 3, "é…"),
        ("abcdef", 3, "abc…"),
    ])
    func longTitlesAreCutAtASpaceNeverInACharacter(text: String, limit: Int, expected: String) {
        #expect(FeedAdapter.cut(text, to: limit) == expected)
    }

    @Test func billionLaughsIsRefused() {
        var decl = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 { decl += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">" }
        let doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [\(decl)]><rss version=\"2.0\"><channel><item><title>&lol9;</title></item></channel></rss>"
        let started = Date()
        let error = refusal(doc)
        #expect(error?.kind == .refused)
        #expect(error?.description.contains("declares entity") == true)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func quadraticBlowupIsRefused() {
        let big = String(repeating: "x", count: 100_000)
        let uses = String(repeating: "&big;", count: 10_000)
        let doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"\(big)\">]><rss version=\"2.0\"><channel><item><title>\(uses)</title></item></channel></rss>"
        #expect(refusal(doc)?.kind == .refused)
    }

    @Test func externalEntitiesAreRefusedAndNeverRead() {
        let doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]><rss version=\"2.0\"><channel><item><title>&xxe;</title></item></channel></rss>"
        let error = refusal(doc)
        #expect(error?.kind == .refused)
    }

    @Test func externalDTDsAreNotFetched() throws {
        // RSS 0.91 documents name Netscape's DTD; nothing is loaded, and its entities are
        // read as the HTML entities they are.
        let feed = try parse("""
            <?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://127.0.0.1:9/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old&nbsp;feed</title><item><title>A</title></item></channel></rss>
            """)
        #expect(feed.title == "Old feed")
    }

    @Test func nestingDeeperThanTheLimitIsRefused() {
        let doc = "<rss version=\"2.0\"><channel><item><description>" + String(repeating: "<x>", count: 300) + "</description></item></channel></rss>"
        let error = refusal(doc)
        #expect(error?.kind == .refused)
        #expect(error?.description.contains("nest deeper") == true)
    }

    @Test func elementsWithTooManyAttributesAreRefused() {
        let attributes = (0..<300).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let doc = "<rss version=\"2.0\"><channel><item \(attributes)><title>A</title></item></channel></rss>"
        #expect(refusal(doc)?.description.contains("attributes") == true)
    }

    @Test func documentsOverTheSizeLimitAreRefused() {
        let doc = "<rss version=\"2.0\"><channel><title>" + String(repeating: "x", count: 2000) + "</title></channel></rss>"
        let error = refusal(doc, parser: FeedParser(maxDocumentBytes: 1000))
        #expect(error?.kind == .refused)
        #expect(error?.description.contains("1000-byte limit") == true)
    }

    static let seedsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../seeds")

    static func samples() throws -> [[UInt8]] {
        let demo = Array(try Data(contentsOf: seedsDirectory.appendingPathComponent("feed.xml")))
        let atom = Array("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://x.test/"><title>T</title><entry><id>1</id><title type="html">&lt;b&gt;A&lt;/b&gt; &amp;nbsp;</title>
            <link href="a"/><updated>2024-10-23T10:00:00+07:00</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div></content></entry></feed>
            """.utf8)
        let json = Array("""
            {"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"/a","content_html":"<p>x &amp; y</p>","date_published":"2024-10-23T03:00:00Z"}]}
            """.utf8)
        return [demo, atom, json]
    }

    static func mutate(_ bytes: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var out = bytes
        let edits = Int.random(in: 1...8, using: &rng)
        let interesting: [UInt8] = Array("<>&;/\"'=![]?#x-".utf8) + [0x00, 0x80, 0xC3, 0xE2, 0xFF]
        for _ in 0..<edits where !out.isEmpty {
            let at = Int.random(in: 0..<out.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: out[at] = UInt8.random(in: 0...255, using: &rng)
            case 1: out[at] = interesting.randomElement(using: &rng)!
            case 2: out.remove(at: at)
            case 3: out.insert(interesting.randomElement(using: &rng)!, at: at)
            default:
                let length = min(Int.random(in: 1...64, using: &rng), out.count - at)
                out.insert(contentsOf: out[at..<(at + length)], at: min(out.count, at + length))
            }
        }
        return out
    }

    @Test func randomByteMutationsNeverCrash() throws {
        var rng = SeededRandom(state: 20_261_127)
        let samples = try Self.samples()
        var parsed = 0, refused = 0
        for round in 0..<600 {
            let bytes = Self.mutate(samples[round % samples.count], &rng)
            do {
                let feed = try FeedParser().parse(bytes, url: "https://x.test/feed")
                for item in feed.items { _ = item.analysisText }
                parsed += 1
            } catch {
                #expect(!error.description.isEmpty)
                refused += 1
            }
        }
        #expect(parsed + refused == 600)
        #expect(parsed > 0)
    }

    @Test func mutatedDocumentsParseInTimeLinearInTheirSize() throws {
        // The same damaged item repeated 200 and 2,000 times: ten times the bytes may not cost
        // much more than ten times the time (the bound is loose: 40×, best of three runs).
        var rng = SeededRandom(state: 7)
        let item = Self.mutate(Array("<item><title>A &amp; B &nbsp; AT&T</title><link>/a?utm_source=x</link><description><![CDATA[<p>x</p>]]></description></item>".utf8), &rng)
        func document(_ count: Int) -> [UInt8] {
            Array("<rss version=\"2.0\"><channel><title>T</title>".utf8) + Array([[UInt8]](repeating: item, count: count).joined()) + Array("</channel></rss>".utf8)
        }
        func best(_ bytes: [UInt8]) -> Double {
            (0..<3).map { _ in
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try? FeedParser().parse(bytes)
                return Double(DispatchTime.now().uptimeNanoseconds - start)
            }.min()!
        }
        let small = best(document(200)), large = best(document(2000))
        #expect(large / small < 40, "200 items: \(small / 1e6) ms, 2000 items: \(large / 1e6) ms")
    }
}
