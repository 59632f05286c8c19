import Foundation
import PantauConfig
import PantauExtractor
import PantauFeeds
import PantauWatch

/// Runs the extractor and the watch lists on feed items and builds alert records. Pure: the
/// time is passed in.
public final class AlertBuilder: Sendable {
    /// The shared extractor.
    public let extractor: Extractor
    /// The compiled watch lists.
    public let matcher: WatchMatcher

    /// Creates a builder.
    public init(extractor: Extractor = Extractor(), matcher: WatchMatcher) {
        self.extractor = extractor
        self.matcher = matcher
    }

    /// Creates a builder for `watches`: the extractor's lexicon gains every list's `roots`,
    /// and the phrases are stemmed with that same morphology.
    public convenience init(watches: [WatchDefinition]) {
        let extractor = Extractor(extraRoots: watches.flatMap(\.roots))
        self.init(extractor: extractor, matcher: WatchMatcher(watches: watches, morphology: extractor.morphology))
    }

    /// An alert before story tracking decided what it is, with what the tracker needs.
    public struct Candidate: Sendable {
        /// The alert as raised by the watch list.
        public var record: AlertRecord
        /// The item as a story report.
        public var report: StoryTracker.Report
        /// The watch list's cooldown in seconds.
        public var cooldown: Double
    }

    /// The alerts `item` of `feed` raises at `now` (none when no watch list fires), before
    /// story tracking.
    public func alerts(for item: FeedItem, feed: FeedConfig, now: Date) -> [AlertRecord] {
        candidates(for: item, feed: feed, now: now).map(\.record)
    }

    /// The alerts `item` raises, each with its story report.
    public func candidates(for item: FeedItem, feed: FeedConfig, now: Date) -> [Candidate] {
        let language = feed.language.flatMap(Language.init(rawValue:))
        let text = Self.analysable(item.analysisText)
        // Most items hold no watch phrase: their stem keys show it, before sentences, tokens
        // and language detection.
        guard let own = extractor.analyse(text, language: language, if: { matcher.mayFire($0) }) else { return [] }
        // The title, when there is one, is the text's first line: its sentences are "title".
        let titleBytes = item.title.isEmpty ? 0 : item.title.utf8.count
        let allowed = feed.watches.isEmpty ? nil : Set(feed.watches)
        // The recognizers run at most once per reading, when a list's conditions or the alert
        // need them. Alert lines and rules use no dates: they are left out.
        var recognized: (of: Extraction, value: Extraction)?
        func recognize(_ analysed: Extraction) -> Extraction {
            if let recognized, recognized.of.language == analysed.language { return recognized.value }
            let value = extractor.recognize(in: analysed, dates: false)
            recognized = (analysed, value)
            return value
        }
        // A text whose language cannot be told also gets its Indonesian and English readings.
        let (analysed, matches) = WatchMatcher.firstFiringReading(own: own, configured: language, read: { extractor.analyse(text, language: $0) }) { analysed in
            let titleSentences = analysed.sentences.prefix { $0.range.upperBound <= titleBytes }.count
            let context = WatchMatcher.Context(feed: feed.name, allowedWatches: allowed, titleSentences: titleSentences)
            return matcher.match(analysed, context: context, recognized: { recognize(analysed) })
        }
        guard !matches.isEmpty else { return [] }
        let extraction = recognize(analysed)
        let time = RFC3339.string(now)
        let report = StoryTracker.Report(itemID: item.id, feed: feed.name, title: item.title, link: item.link, extraction: extraction)
        // What every alert of the item shares, made once (alert lines reach sinks and other
        // people: the feed's URL without its secrets).
        let feedRef = AlertRecord.FeedRef(name: feed.name, url: feed.shownURL)
        let itemRef = AlertRecord.ItemRef(id: item.id, title: item.title, link: item.link, published: item.published.map(RFC3339.string))
        let entities = extraction.entities.prefix(Bounds.entities).map(AlertRecord.EntitySummary.init)
        let events = extraction.events.prefix(Bounds.events).map(Self.bounded)
        // A sentence is quoted around the hit it is quoted for.
        func quote(_ sentence: Int, around hit: Range<Int>?) -> String {
            let s = extraction.sentences[sentence]
            guard s.range.count > Bounds.sentenceBytes else { return s.text }
            return Self.excerpt(s.text, around: hit.map { ($0.lowerBound - s.range.lowerBound)..<($0.upperBound - s.range.lowerBound) })
        }
        return matches.map { match in
            var record = AlertRecord(
                schema: 1,
                alertID: StableHash.hex(feed.name, item.id, match.watch),
                time: time,
                watch: match.watch,
                severity: match.severity.rawValue,
                feed: feedRef,
                item: itemRef,
                language: extraction.language.rawValue,
                matches: match.hits.map { .init(term: $0.term, text: $0.text, sentence: quote($0.sentence, around: $0.range)) },
                evidence: quote(match.evidenceSentence, around: match.hits.first { $0.sentence == match.evidenceSentence }?.range),
                entities: entities,
                events: events,
                severityReasons: match.reasons,
                kind: "alert"
            )
            if extraction.entities.count > Bounds.entities { record.entitiesOmitted = extraction.entities.count - Bounds.entities }
            if extraction.events.count > Bounds.events { record.eventsOmitted = extraction.events.count - Bounds.events }
            let cooldown = matcher.watches.first { $0.name == match.watch }?.cooldown
            return Candidate(record: record, report: report, cooldown: cooldown ?? WatchDefinition.defaultCooldown)
        }
    }
}
