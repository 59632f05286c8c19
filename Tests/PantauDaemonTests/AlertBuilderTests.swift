import Foundation
import PantauConfig
import PantauExtractor
import PantauFeeds
import PantauWatch
import Testing
@testable import PantauDaemon

@Suite struct AlertBuilderTests {
    let feed = FeedConfig(name: "demo", url: "https://example.org/rss")
    let now = Date(timeIntervalSince1970: 1_729_756_800) // 2024-10-24T08:00:00Z

    func item(_ text: String) -> FeedItem {
        FeedItem(id: "x", title: "Judul", published: now, summary: text)
    }

    @Test func alertsCarryTheExtractorsEntitiesAndEvents() {
        let builder = AlertBuilder(watches: [WatchDefinition(name: "troops", severity: .high, any: ["kirim pasukan"])])
        let alerts = builder.alerts(for: item("Korea Utara telah mengirimkan pasukan ke Rusia, dilansir dari AFP."), feed: feed, now: now)
        #expect(alerts.count == 1)
        #expect(alerts.first?.entities?.map(\.name) == ["North Korea", "Russia", "AFP"])
        #expect(alerts.first?.entities?.first?.mentions == 1)
        #expect(alerts.first?.entities?.last?.type == "media")
        let event = alerts.first?.events?.first
        #expect(event?.type == .deployment)
        #expect(event?.actor == "North Korea")
        #expect(event?.destination == "Russia")
        #expect(event?.claimedBy == "AFP")
    }

    @Test func anAlertLineStaysJSONWhenTheItemHoldsANumberNoDoubleCanHold() throws {
        let builder = AlertBuilder(watches: [WatchDefinition(name: "troops", severity: .high, any: ["kirim pasukan"])])
        let huge = String(repeating: "9", count: 400)
        let alerts = builder.alerts(for: item("Korea Utara mengirimkan pasukan ke Rusia: \(huge) tentara dan tujuh kapal."), feed: feed, now: now)
        #expect(alerts.count == 1)
        let line = try #require(alerts.first?.jsonLine())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["watch"] as? String == "troops")
        #expect(!line.contains("inf"))
        #expect(line.contains("\"count\":7,"))
    }

    @Test(arguments: [
        ("short text", nil, 20, "short text"),
        ("aaaa bbbb cccc dddd eeee ffff gggg hhhh", nil, 20, "aaaa bbbb cccc dddd…"),
        ("aaaa bbbb cccc dddd eeee ffff gggg hhhh", 30..<34, 20, "…eeee ffff gggg hhhh"),
        ("aaaa bbbb cccc dddd eeee ffff gggg hhhh", 20..<24, 20, "…dddd eeee ffff…"),
        ("ééééééééééééééé", nil, 9, "éééé…"),
        ("abc " + String(repeating: "x", count: 30) + " def", 4..<34, 10, "…" + String(repeating: "x", count: 30) + "…"),
    ] as [(String, Range<Int>?, Int, String)])
    func longSentencesAreQuotedAroundTheirHitAtWordsAndCharacters(text: String, focus: Range<Int>?, limit: Int, expected: String) {
        #expect(AlertBuilder.excerpt(text, around: focus, limit: limit) == expected)
    }

    @Test(arguments: [
        ("kata demi kata", 100, "kata demi kata"),
        ("kata demi kata", 9, "kata demi"),
        ("kata demi kata", 4, "kata"),
        ("satu\ndua tiga", 7, "satu"),
        ("ééééé", 5, "éé"),
        ("abcdefgh", 5, "abcde"),
    ])
    func itemTextPastTheLimitIsCutAtASpaceNeverInACharacter(text: String, limit: Int, expected: String) {
        #expect(AlertBuilder.analysable(text, limit: limit) == expected)
    }

    @Test func onlyTheFirstMebibyteOfAnItemIsAnalysed() throws {
        let builder = AlertBuilder(watches: [WatchDefinition(name: "troops", severity: .high, any: ["kirim pasukan"])])
        let filler = String(repeating: "Warga berkumpul di alun-alun kota. ", count: 1_100_000 / 35)
        #expect(filler.utf8.count > AlertBuilder.Bounds.itemTextBytes)
        let phrase = "Korea Utara mengirimkan pasukan ke Rusia."
        #expect(builder.alerts(for: item(filler + phrase), feed: feed, now: now).isEmpty)
        #expect(builder.alerts(for: item(phrase + " " + filler), feed: feed, now: now).count == 1)
    }

    @Test(arguments: [0, 1, AlertBuilder.Bounds.details, AlertBuilder.Bounds.details + 1, 5_000])
    func corroborationDetailsListTheFirstTwentyAndCountTheRest(count: Int) {
        let details = (0..<count).map { "new fact: \($0)" }
        let bounded = AlertBuilder.boundedDetails(details)
        if count <= AlertBuilder.Bounds.details {
            #expect(bounded == details)
        } else {
            #expect(bounded == Array(details.prefix(AlertBuilder.Bounds.details)) + ["… and \(count - AlertBuilder.Bounds.details) more"])
        }
    }

    @Test func aMegabyteSentenceIsQuotedAroundItsHitNotWhole() throws {
        let builder = AlertBuilder(watches: [WatchDefinition(name: "troops", severity: .high, any: ["kirim pasukan"])])
        let filler = Array(repeating: "dan warga berkumpul di alun-alun kota", count: 6_000).joined(separator: " ")
        let text = filler + " lalu Korea Utara mengirimkan pasukan ke Rusia " + filler + "."
        let alert = try #require(builder.alerts(for: item(text), feed: feed, now: now).first)
        let limit = AlertBuilder.Bounds.sentenceBytes + 2 * "…".utf8.count
        #expect(alert.matches.count == 1)
        #expect(alert.matches.allSatisfy { $0.sentence.utf8.count <= limit && $0.sentence.contains("mengirimkan pasukan ke Rusia") })
        #expect(alert.matches.first?.sentence.hasPrefix("…") == true && alert.matches.first?.sentence.hasSuffix("…") == true)
        #expect(alert.evidence.utf8.count <= limit && alert.evidence.contains("mengirimkan pasukan"))
        #expect(alert.events?.allSatisfy { $0.evidence.utf8.count <= limit } == true)
        #expect(alert.jsonLine().utf8.count < 8_000)
    }

    @Test func anItemOfThousandsOfFramesListsTheFirstAndCountsTheRest() throws {
        let builder = AlertBuilder(watches: [WatchDefinition(name: "troops", severity: .high, any: ["kirim pasukan"])])
        let text = (1...120).map { "Korea Utara mengirimkan pasukan ke Rusia sebanyak \($0) ribu tentara." }.joined(separator: " ")
        let alert = try #require(builder.alerts(for: item(text), feed: feed, now: now).first)
        #expect(alert.events?.count == AlertBuilder.Bounds.events)
        #expect(alert.eventsOmitted == 120 - AlertBuilder.Bounds.events)
        #expect(alert.events?.first?.count == 1_000)
        #expect(alert.entitiesOmitted == nil)
        let line = alert.jsonLine()
        #expect(line.contains("\"events_omitted\":100,"))
        let short = try #require(builder.alerts(for: item("Korea Utara mengirimkan pasukan ke Rusia sebanyak 1.500 tentara."), feed: feed, now: now).first)
        #expect(short.eventsOmitted == nil && short.events?.count == 1)
        #expect(!short.jsonLine().contains("omitted"))
    }

    @Test func anItemNamingDozensOfCountriesListsTheFirstFiftyAndCountsTheRest() throws {
        let builder = AlertBuilder(watches: [WatchDefinition(name: "troops", severity: .high, any: ["kirim pasukan"])])
        let countries = Gazetteer.standard.entries.filter { $0.type == .country }.prefix(70).map(\.name)
        #expect(countries.count == 70)
        let text = "Korea Utara mengirimkan pasukan ke Rusia. Hadir pula wakil " + countries.joined(separator: ", ") + "."
        // The names are English: the feed is configured as Indonesian.
        let indonesian = FeedConfig(name: "demo", url: "https://example.org/rss", language: "id")
        let alert = try #require(builder.alerts(for: item(text), feed: indonesian, now: now).first)
        let named = builder.extractor.extract(item(text).analysisText, language: .indonesian).entities.count
        #expect(named > 60)
        #expect(alert.entities?.count == AlertBuilder.Bounds.entities)
        #expect(alert.entitiesOmitted == named - AlertBuilder.Bounds.entities)
        #expect(alert.entities?.first?.name == "North Korea")
    }

    @Test(arguments: [
        ("China deploys troops", "en"),
        ("Rusia kerahkan tentara", "id"),
        ("Korea Utara mengirimkan pasukan 10", "id"),
    ])
    func headlinesTooShortToTellTheirLanguageStillAlert(headline: String, readAs: String) throws {
        let builder = AlertBuilder(watches: [WatchDefinition(name: "troops", severity: .high, any: ["kirim pasukan", "kerah tentara", "deploy troops"])])
        #expect(builder.extractor.analyse(headline).language == .other)
        let titleOnly = FeedItem(id: "h", title: headline, published: now)
        let alert = try #require(builder.alerts(for: titleOnly, feed: feed, now: now).first)
        #expect(alert.language == readAs)
        #expect(alert.matches.first?.sentence == headline)
        // A configured language is the operator's word: no other reading is tried.
        let configured = FeedConfig(name: "demo", url: "https://example.org/rss", language: readAs == "en" ? "id" : "en")
        #expect(builder.alerts(for: titleOnly, feed: configured, now: now).isEmpty)
    }

    @Test func aTextWhoseLanguageIsToldGetsNoOtherReading() {
        #expect(WatchMatcher.fallbackReadings(detected: .other, configured: nil) == [.indonesian, .english])
        #expect(WatchMatcher.fallbackReadings(detected: .indonesian, configured: nil).isEmpty)
        #expect(WatchMatcher.fallbackReadings(detected: .english, configured: nil).isEmpty)
        #expect(WatchMatcher.fallbackReadings(detected: .other, configured: .english).isEmpty)
    }

    @Test func watchListRootsExtendTheStemmerForTheDaemon() {
        let text = "Perompak yang bersenjata membajak kapal tanker itu di Selat Malaka pada malam hari."
        let without = AlertBuilder(watches: [WatchDefinition(name: "piracy", severity: .critical, any: ["bajak"])])
        #expect(without.alerts(for: item(text), feed: feed, now: now).isEmpty)
        let with = AlertBuilder(watches: [WatchDefinition(name: "piracy", severity: .critical, any: ["bajak"], roots: ["bajak"])])
        #expect(with.alerts(for: item(text), feed: feed, now: now).count == 1)
    }
}
