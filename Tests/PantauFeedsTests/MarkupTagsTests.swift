import Testing
@testable import PantauFeeds

/// The scan that counts start tags' attributes before libxml2 (whose duplicate check is
/// quadratic in them) reads a document.
@Suite struct MarkupTagsTests {
    func tags(_ text: String) -> [(name: String, attributes: Int)] {
        var text = text
        return text.withUTF8 { bytes in
            var out: [(String, Int)] = []
            MarkupTags.forEachStartTag(bytes) { tag in
                out.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[(tag.bytes.lowerBound + 1)..<tag.nameEnd]), as: UTF8.self), tag.attributes))
            }
            return out
        }
    }

    @Test(arguments: [
        ("<a>", "a:0"),
        ("<a b=\"1\" c='2'>", "a:2"),
        ("<td b=1 c d>", "td:3"),
        ("<a b = \"1\">", "a:1"),
        ("<a b=\"x>y\" c=\"2\"><i>", "a:2 i:0"),
        ("<a/> <br /> <img src=x/>", "a:0 br:0 img:1"),
        ("<!-- <a b c d> --><p>", "p:0"),
        ("<![CDATA[<a b c>]]><q x='1'>", "q:1"),
        ("<?xml version=\"1.0\"?><rss version=\"2.0\">", "rss:1"),
        ("</a b c><b>", "b:0"),
        ("a < b and c<d e", "d:1"),
        ("<!DOCTYPE html><html lang=id>", "html:1"),
        ("<a b=\"never closed", "a:1"),
        ("", ""),
    ])
    func countsEachStartTagsAttributes(markup: String, expected: String) {
        #expect(tags(markup).map { "\($0.name):\($0.attributes)" }.joined(separator: " ") == expected)
    }

    @Test func aTagOfManyAttributesLosesThemAndKeepsItsText() throws {
        let many = (0..<300).map { "a\($0)=\"v\"" }.joined(separator: " ")
        let html = "<p>x</p><span \(many)>y</span><b c=1>z</b>"
        #expect(MarkupTags.trimmingAttributes(html, beyond: 256) == "<p>x</p><span>y</span><b c=1>z</b>")
        #expect(MarkupTags.trimmingAttributes(html, beyond: 300) == nil)
        // Through the HTML converter (the table keeps libxml2's parser in play).
        let text = HTMLText.text("<p>Korea Utara mengirimkan pasukan.</p><span \(many)>tiba</span><table><tr><td>di Rusia</td></tr></table>")
        #expect(text == "Korea Utara mengirimkan pasukan.\ntiba\ndi Rusia")
    }

    @Test func aFeedElementOfThousandsOfAttributesIsRefusedWithItsCount() {
        let attributes = (0..<5_000).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let doc = "<rss version=\"2.0\"><channel><item \(attributes)><title>A</title></item></channel></rss>"
        #expect(throws: FeedParseError.self) { try FeedParser().parse(Array(doc.utf8)) }
        do {
            _ = try FeedParser().parse(Array(doc.utf8))
        } catch {
            #expect(error.description.contains("an element has 5000 attributes (limit 256)"))
        }
    }
}
