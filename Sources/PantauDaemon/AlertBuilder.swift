import Foundation
import PantauConfig
import PantauExtractor
import PantauFeeds
import PantauWatch

/// Runs the extractor and the watch lists on feed items and builds alert records. Pure: the
/// time is passed in.
public struct AlertBuilder: Sendable {
    /// The shared extractor.
    public var extractor: Extractor
    /// The compiled watch lists.
    public var matcher: WatchMatcher

    /// Creates a builder.
    public init(extractor: Extractor = Extractor(), matcher: WatchMatcher) {
        self.extractor = extractor
        self.matcher = matcher
    }

    /// Creates a builder for `watches`: the extractor's lexicon gains every list's `roots`,
    /// and the phrases are stemmed with that same morphology.
    public init(watches: [WatchDefinition]) {
        let extractor = Extractor(extraRoots: watches.flatMap(\.roots))
        self.init(extractor: extractor, matcher: WatchMatcher(watches: watches, morphology: extractor.morphology))
    }

    /// The alerts `item` of `feed` raises at `now` (none when no watch list fires).
    public func alerts(for item: FeedItem, feed: FeedConfig, now: Date) -> [AlertRecord] {
        let language = feed.language.flatMap(Language.init(rawValue:))
        let analysed = extractor.analyse(item.analysisText, language: language)
        let matches = matcher.match(analysed)
        guard !matches.isEmpty else { return [] }
        let extraction = extractor.recognize(in: analysed, published: item.published.map(CivilDate.init(utc:)))
        let time = RFC3339.string(now)
        return matches.map { match in
            AlertRecord(
                schema: 1,
                alertID: StableHash.hex(feed.name, item.id, match.watch),
                time: time,
                watch: match.watch,
                severity: match.severity.rawValue,
                feed: .init(name: feed.name, url: feed.url),
                item: .init(id: item.id, title: item.title, link: item.link, published: item.published.map(RFC3339.string)),
                language: extraction.language.rawValue,
                matches: match.hits.map { .init(term: $0.term, text: $0.text, sentence: extraction.sentences[$0.sentence].text) },
                evidence: match.evidence,
                entities: extraction.entities.map(AlertRecord.EntitySummary.init),
                events: extraction.events
            )
        }
    }
}
