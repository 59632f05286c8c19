import ArgumentParser
import Foundation
import PantauDaemon
import PantauFeeds

/// `pantau parse-feed`: print a feed document as the daemon reads it.
struct ParseFeed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse-feed",
        abstract: "Parse an RSS, Atom or JSON Feed document and print it as JSON.",
        discussion: "The output is documented in docs/feeds.md."
    )

    @Option(help: ArgumentHelp("The URL the document came from: the base of relative links.", valueName: "URL"))
    var url: String?

    @Option(name: .customLong("content-type"), help: ArgumentHelp("The Content-Type it was served with; its charset decides the encoding.", valueName: "TYPE"))
    var contentType: String?

    @Argument(help: ArgumentHelp("The feed file; - or nothing reads standard input.", valueName: "FILE"))
    var file: String?

    struct Output: Encodable {
        struct FeedOut: Encodable {
            var title: String?
            var link: String?
            var id: String?
            var updated: String?
            var updated_raw: String?
            var language: String?
            var subtitle: String?
            var authors: [FeedAuthor]
        }
        struct ItemOut: Encodable {
            var id: String
            var title: String
            var link: String?
            var published: String?
            var published_raw: String?
            var updated: String?
            var updated_raw: String?
            var summary: String
            var content: String
            var authors: [FeedAuthor]
            var categories: [String]
            var enclosures: [FeedEnclosure]
            var source: FeedSource?
        }
        var format: String
        var version: String
        var wellformed: Bool
        var feed: FeedOut
        var items: [ItemOut]
    }

    func run() throws {
        let bytes = try readInput(file)
        let feed: Feed
        do {
            feed = try FeedParser().parse(bytes, url: url, contentType: contentType)
        } catch {
            printError("\(file ?? "-"): \(error)")
            throw ExitCode(1)
        }
        try printJSON(Output(
            format: feed.format.rawValue, version: feed.version, wellformed: feed.wellFormed,
            feed: .init(title: feed.title, link: feed.link, id: feed.id, updated: feed.updated.map(RFC3339.string), updated_raw: feed.updatedRaw,
                        language: feed.language, subtitle: feed.subtitle, authors: feed.authors),
            items: feed.items.map {
                .init(id: $0.id, title: $0.title, link: $0.link, published: $0.published.map(RFC3339.string),
                      published_raw: $0.publishedRaw, updated: $0.updated.map(RFC3339.string), updated_raw: $0.updatedRaw,
                      summary: $0.summary, content: $0.content, authors: $0.authors, categories: $0.categories, enclosures: $0.enclosures, source: $0.source)
            }
        ))
    }
}
