import Foundation
import Testing
@testable import PantauFeeds

/// One behaviour per test: formats and extensions, as a forgiving reader would read them.
@Suite struct FeedFormatTests {
    func parse(_ text: String, url: String? = nil, contentType: String? = nil) throws -> Feed {
        try FeedParser().parse(Array(text.utf8), url: url, contentType: contentType)
    }

    @Test(arguments: ["0.91", "0.92", "2.0"])
    func readsRSSVersionsThatShareTheRSSShape(version: String) throws {
        let feed = try parse("<rss version=\"\(version)\"><channel><title>T</title><item><title>A</title><link>http://x.test/a</link></item></channel></rss>")
        #expect(feed.format == .rss)
        #expect(feed.version == version)
        #expect(feed.items.map(\.link) == ["http://x.test/a"])
    }

    @Test func readsRSS090ItemsBesideTheChannel() throws {
        let feed = try parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
            <channel><title>Old</title><link>http://x.test/</link></channel>
            <item><title>First</title><link>http://x.test/1</link></item></rdf:RDF>
            """)
        #expect(feed.version == "0.90")
        #expect(feed.items.map(\.title) == ["First"])
    }

    @Test func readsRSS10RDFWithDublinCore() throws {
        let feed = try parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel rdf:about="http://x.test/"><title>Kabar</title><link>http://x.test/</link><description>Berita</description><dc:language>id</dc:language></channel>
            <item rdf:about="http://x.test/kabar/1"><title>Satu</title><link>http://x.test/kabar/1</link>
              <dc:date>2024-10-23T10:00+07:00</dc:date><dc:creator>Budi Santoso</dc:creator><dc:subject>Pertahanan</dc:subject></item>
            </rdf:RDF>
            """)
        #expect(feed.version == "1.0")
        #expect(feed.language == "id")
        let item = try #require(feed.items.first)
        #expect(item.id == "http://x.test/kabar/1")
        #expect(item.published == Date(timeIntervalSince1970: 1_729_652_400))
        #expect(item.authors == [FeedAuthor(name: "Budi Santoso")])
        #expect(item.categories == ["Pertahanan"])
    }

    @Test func readsAtom03WithEscapedContentAndTagline() throws {
        let feed = try parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title><tagline>Since 2004</tagline>
            <entry><title>E</title><id>tag:x.test,2004:1</id><issued>2004-05-01T12:00:00Z</issued><modified>2004-05-02T12:00:00Z</modified>
            <content type="text/html" mode="escaped">&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;</content></entry></feed>
            """)
        #expect(feed.format == .atom)
        #expect(feed.version == "0.3")
        #expect(feed.subtitle == "Since 2004")
        #expect(feed.items.first?.content == "Hello world")
        #expect(feed.items.first?.updatedRaw == "2004-05-02T12:00:00Z")
    }

    @Test func readsJSONFeed11() throws {
        let feed = try parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "JSON", "home_page_url": "https://x.test/", "feed_url": "https://x.test/feed.json",
             "language": "en", "authors": [{"name": "Desk"}],
             "items": [{"id": "1", "url": "/a", "title": "Troops move", "content_html": "<p>Russia moved troops.</p>", "summary": "Moved.",
                        "date_published": "2024-10-23T03:00:00Z", "tags": ["war"], "attachments": [{"url": "/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 1234}]}]}
            """)
        #expect(feed.format == .json)
        #expect(feed.version == "1.1")
        let item = try #require(feed.items.first)
        #expect(item.link == "https://x.test/a")
        #expect(item.content == "Russia moved troops.")
        #expect(item.authors == [FeedAuthor(name: "Desk")])
        #expect(item.categories == ["war"])
        #expect(item.enclosures == [FeedEnclosure(url: "https://x.test/a.mp3", type: "audio/mpeg", length: 1234)])
    }

    @Test func readsJSONFeed10SingleAuthorAndNumericIds() throws {
        let feed = try parse("""
            {"version": "https://jsonfeed.org/version/1", "title": "Old JSON",
             "items": [{"id": 42, "content_text": "Plain text", "author": {"name": "Ani", "url": "https://x.test/ani"}}]}
            """)
        #expect(feed.version == "1")
        #expect(feed.items.first?.id == "42")
        #expect(feed.items.first?.authors == [FeedAuthor(name: "Ani", uri: "https://x.test/ani")])
    }

    @Test func jsonFeedFieldsOfTheWrongTypeAreAbsentAndItemsThatAreNotObjectsSkipped() throws {
        let feed = try parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": 5, "authors": "nobody",
             "items": [{"id": 7, "title": ["x"], "url": "https://x.test/a", "tags": ["a", 3], "attachments": [{"url": "https://x.test/u", "size_in_bytes": "big"}, 7]},
                       5, "text", {"id": "2", "content_text": "Pasukan tiba.", "date_published": 20241023}]}
            """)
        #expect(feed.title == nil && feed.authors.isEmpty)
        #expect(feed.items.map(\.id) == ["7", "2"])
        #expect(feed.items[0].title == "" && feed.items[0].link == "https://x.test/a")
        #expect(feed.items[0].categories == ["a"])
        #expect(feed.items[0].enclosures == [FeedEnclosure(url: "https://x.test/u", type: nil, length: nil)])
        #expect(feed.items[1].content == "Pasukan tiba." && feed.items[1].publishedRaw == nil)
    }

    @Test func brokenJSONSaysWhereItBroke() {
        #expect(throws: FeedParseError.self) { try parse("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": tru}]}") }
        do {
            _ = try parse("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": tru}]}")
        } catch {
            #expect("\(error)".contains("not valid JSON: Invalid value around character"), "\(error)")
        }
    }

    @Test func contentEncodedIsTheItemsContent() throws {
        let feed = try parse("""
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item><title>A</title>
            <description>Short</description><content:encoded><![CDATA[<p>Long <em>text</em></p>]]></content:encoded></item></channel></rss>
            """)
        #expect(feed.items.first?.summary == "Short")
        #expect(feed.items.first?.content == "Long text")
    }

    @Test func mediaRSSGivesEnclosuresAndADescription() throws {
        let feed = try parse("""
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><item><title>A</title><link>http://x.test/a</link>
            <media:content url="http://x.test/v.mp4" type="video/mp4" fileSize="99"><media:description>A video</media:description></media:content>
            <media:thumbnail url="http://x.test/t.jpg"/></item></channel></rss>
            """)
        let item = try #require(feed.items.first)
        #expect(item.summary == "A video")
        #expect(item.enclosures.map(\.url) == ["http://x.test/v.mp4", "http://x.test/t.jpg"])
        #expect(item.enclosures.first?.length == 99)
    }

    @Test func anRSSItemTakesTheFirstOfEachFieldAndCollectsTheLists() throws {
        // RSS 1.0: the item's own namespace wins for title, link and description; other
        // fields take the first of their kind; lists keep document order; atom elements are
        // not authors, categories or sources.
        let feed = try parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
              xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"
              xmlns:atom="http://www.w3.org/2005/Atom" xmlns:x="urn:other"><channel><title>C</title></channel>
            <item rdf:about="http://x.test/about">
              <x:title>Other title</x:title><title>Own title</title><title>Second title</title>
              <x:link>http://x.test/other</x:link><link>http://x.test/own</link>
              <x:description>Other summary</x:description><description>Own summary</description>
              <dc:date>2024-10-23T10:00:00Z</dc:date><dc:date>2025-01-01T00:00:00Z</dc:date>
              <dc:creator>Budi</dc:creator><atom:author>Not an author</atom:author><dc:creator>Sari</dc:creator>
              <dc:subject>Satu</dc:subject><atom:category>not one</atom:category><dc:subject>Dua</dc:subject>
              <media:group><media:content url="http://x.test/g1.mp4"/><media:content url="http://x.test/g2.mp4"/>
                <media:description>Group words</media:description></media:group>
              <media:thumbnail url="http://x.test/t.jpg"/>
              <atom:link href="http://x.test/alt" rel="alternate"/>
            </item></rdf:RDF>
            """)
        let item = try #require(feed.items.first)
        #expect(item.title == "Own title")
        #expect(item.link == "http://x.test/own")
        #expect(item.summary == "Own summary")
        #expect(item.id == "http://x.test/about")
        #expect(item.publishedRaw == "2024-10-23T10:00:00Z")
        #expect(item.authors.map(\.name) == ["Budi", "Sari"])
        #expect(item.categories == ["Satu", "Dua"])
        #expect(item.enclosures.map(\.url) == ["http://x.test/g1.mp4", "http://x.test/g2.mp4", "http://x.test/t.jpg"])
    }

    @Test func aLaterMediaDescriptionReplacesAContentsOwn() throws {
        let feed = try parse("""
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><item><title>A</title>
            <media:content url="http://x.test/v.mp4"><media:description>From the content</media:description></media:content>
            <media:description>The item's own</media:description></item></channel></rss>
            """)
        #expect(feed.items.first?.summary == "The item's own")
    }

    @Test func enclosuresCategoriesAndAuthorsFromRSS() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><item><title>A</title><author>desk@x.test (Desk Editor)</author>
            <category>Politik</category><category>Asia</category><enclosure url="http://x.test/a.mp3" length="1024" type="audio/mpeg"/>
            <source url="http://wire.test/rss">Wire</source></item></channel></rss>
            """)
        let item = try #require(feed.items.first)
        #expect(item.source == FeedSource(title: "Wire", url: "http://wire.test/rss"))
        #expect(item.authors == [FeedAuthor(name: "Desk Editor", email: "desk@x.test")])
        #expect(item.categories == ["Politik", "Asia"])
        #expect(item.enclosures == [FeedEnclosure(url: "http://x.test/a.mp3", type: "audio/mpeg", length: 1024)])
    }

    @Test func atomLinkInsideRSSGivesTheLinkWhenRSSHasNone() throws {
        let feed = try parse("""
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><atom:link href="http://x.test/" rel="alternate"/>
            <item><title>A</title><atom:link href="http://x.test/a" rel="alternate"/></item></channel></rss>
            """)
        #expect(feed.link == "http://x.test/")
        #expect(feed.items.first?.link == "http://x.test/a")
    }

    @Test func relativeLinksResolveAgainstXMLBaseThenTheFeedURL() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://x.test/news/"><title>T</title>
            <entry><id>1</id><title>A</title><link href="a.html"/></entry>
            <entry xml:base="/world/"><id>2</id><title>B</title><link href="b.html"/></entry></feed>
            """)
        #expect(feed.items.map(\.link) == ["http://x.test/news/a.html", "http://x.test/world/b.html"])
        let rss = try parse("<rss version=\"2.0\"><channel><item><title>A</title><link>/a</link></item></channel></rss>", url: "https://y.test/feed.xml")
        #expect(rss.items.first?.link == "https://y.test/a")
    }

    @Test func atomAuthorsCategoriesAndEnclosureLinks() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><author><name>Desk</name><email>d@x.test</email><uri>http://x.test/desk</uri></author>
            <entry><id>1</id><title>A</title><category term="war" label="War"/><link rel="enclosure" href="http://x.test/a.mp3" type="audio/mpeg" length="5"/>
            <author><name>Ani</name></author><updated>2024-10-23T10:00:00+07:00</updated></entry></feed>
            """)
        #expect(feed.authors == [FeedAuthor(name: "Desk", email: "d@x.test", uri: "http://x.test/desk")])
        let item = try #require(feed.items.first)
        #expect(item.authors == [FeedAuthor(name: "Ani")])
        #expect(item.categories == ["War"])
        #expect(item.enclosures == [FeedEnclosure(url: "http://x.test/a.mp3", type: "audio/mpeg", length: 5)])
        #expect(item.updated == Date(timeIntervalSince1970: 1_729_652_400))
    }

    @Test func identityIgnoresTrackingParametersInLinks() throws {
        let a = try parse("<rss version=\"2.0\"><channel><item><title>A</title><link>http://x.test/a?id=7&amp;utm_source=rss&amp;fbclid=z</link></item></channel></rss>")
        let b = try parse("<rss version=\"2.0\"><channel><item><title>A (updated)</title><link>http://x.test/a?id=7&amp;utm_medium=feed</link></item></channel></rss>")
        #expect(a.items.first?.id == "http://x.test/a?id=7")
        #expect(a.items.first?.id == b.items.first?.id)
        #expect(a.items.first?.link == "http://x.test/a?id=7&utm_source=rss&fbclid=z")
    }

    @Test func itemsWithoutGuidOrLinkGetAStableHash() throws {
        let text = "<rss version=\"2.0\"><channel><item><title>A</title><description>Same</description></item></channel></rss>"
        #expect(try parse(text).items.first?.id == (try parse(text).items.first?.id))
        #expect(try parse(text).items.first?.id.count == 16)
    }

    @Test func doubleEscapedHTMLInDescriptionsBecomesText() throws {
        let feed = try parse("<rss version=\"2.0\"><channel><item><title>A</title><description>&amp;lt;p&amp;gt;Hello &amp;amp; bye&amp;lt;/p&amp;gt;</description></item></channel></rss>")
        #expect(feed.items.first?.summary == "Hello & bye")
    }

    @Test func scriptsAndStylesAreDroppedAndParagraphsStayApart() throws {
        let feed = try parse("<rss version=\"2.0\"><channel><item><title>A</title><description><![CDATA[<style>p{}</style><p>One.</p><script>x()</script><p>Two&nbsp;words.</p>]]></description></item></channel></rss>")
        #expect(feed.items.first?.summary == "One.\nTwo words.")  // &nbsp; is a space once collapsed
    }
}
