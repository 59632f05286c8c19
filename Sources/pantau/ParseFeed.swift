import ArgumentParser
import Foundation
import PantauDaemon
import PantauFeeds

/// `pantau parse-feed`: print a feed document as the daemon reads it.
struct ParseFeed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse-feed",
        abstract: "Parse an RSS or Atom document and print it as JSON."
    )

    @Argument(help: ArgumentHelp("The feed file; - or nothing reads standard input.", valueName: "FILE"))
    var file: String?

    struct Output: Encodable {
        struct FeedOut: Encodable {
            var title: String?
            var link: String?
            var id: String?
            var language: String?
        }
        struct ItemOut: Encodable {
            var id: String
            var title: String
            var link: String?
            var published: String?
            var published_raw: String?
            var summary: String
            var content: String
        }
        var format: String
        var wellformed: Bool
        var feed: FeedOut
        var items: [ItemOut]
    }

    func run() throws {
        let bytes = try readInput(file)
        let feed: Feed
        do {
            feed = try FeedParser().parse(bytes)
        } catch {
            printError("\(file ?? "-"): \(error)")
            throw ExitCode(1)
        }
        try printJSON(Output(
            format: feed.format.rawValue, wellformed: feed.wellFormed,
            feed: .init(title: feed.title, link: feed.link, id: feed.id, language: feed.language),
            items: feed.items.map {
                .init(id: $0.id, title: $0.title, link: $0.link, published: $0.published.map(RFC3339.string),
                      published_raw: $0.publishedRaw, summary: $0.summary, content: $0.content)
            }
        ))
    }
}
