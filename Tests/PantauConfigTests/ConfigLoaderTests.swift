import Foundation
import PantauExtractor
import PantauTestSupport
import Testing
@testable import PantauConfig
@testable import PantauWatch

/// A throwaway config directory with `pantau.toml` and `watch.d/`.
struct ConfigFixture {
    let scratch = ScratchDirectory("pantau-config")
    var directory: String { scratch.path }

    init(main: String, watches: [String: String] = ["10-a.toml": "[[watch]]\nname = \"a\"\nany = [\"pasukan\"]\n"]) throws {
        try FileManager.default.createDirectory(atPath: directory + "/watch.d", withIntermediateDirectories: true)
        try main.write(toFile: directory + "/pantau.toml", atomically: true, encoding: .utf8)
        for (name, text) in watches {
            try text.write(toFile: directory + "/watch.d/" + name, atomically: true, encoding: .utf8)
        }
    }

    var path: String { directory + "/pantau.toml" }

    func load() throws(ConfigError) -> PantauConfiguration {
        try ConfigLoader(environment: [:]).load(path: path)
    }

    func problems() -> [String] {
        do {
            _ = try load()
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }
}

@Suite struct ConfigLoaderTests {
    @Test func loadsSettingsFeedsAndWatchListsWithRelativePaths() throws {
        let fixture = try ConfigFixture(main: """
            [daemon]
            state_dir = "state"
            alerts_log = "logs/alerts.jsonl"
            poll_interval = "5m"
            max_concurrent_fetches = 8

            [[feed]]
            name = "local"
            path = "feeds/demo.xml"
            language = "id"

            [[feed]]
            name = "remote"
            url = "https://example.org/rss"
            interval = 90
            """, watches: [
                "20-b.toml": "[[watch]]\nname = \"b\"\nseverity = \"critical\"\nall = [\"rusia\"]\n",
                "10-a.toml": "[[watch]]\nname = \"a\"\nseverity = \"low\"\nany = [\"kirim pasukan\", \"troops\"]\nnone = [\"latihan\"]\n",
            ])
        let config = try fixture.load()
        let dir = (fixture.directory as NSString).standardizingPath
        #expect(config.daemon.stateDirectory == dir + "/state")
        #expect(config.daemon.alertsLog == dir + "/logs/alerts.jsonl")
        #expect(config.daemon.pollInterval == 300)
        #expect(config.daemon.maxConcurrentFetches == 8)
        #expect(config.feeds.map(\.name) == ["local", "remote"])
        #expect(config.feeds[0].url == "file://" + dir + "/feeds/demo.xml")
        #expect(config.feeds[0].interval == 300)
        #expect(config.feeds[0].language == "id")
        #expect(config.feeds[1].interval == 90)
        #expect(config.feeds[1].language == nil)
        // Watch files are read in lexical order.
        #expect(config.watches.map(\.name) == ["a", "b"])
        #expect(config.watches[0] == WatchDefinition(name: "a", severity: .low, any: ["kirim pasukan", "troops"], none: ["latihan"]))
        #expect(config.watches[1].severity == .critical)
    }

    @Test func systemdDirectoriesAreTheDefaults() throws {
        let fixture = try ConfigFixture(main: "[[feed]]\nname = \"x\"\nurl = \"https://example.org/\"\n")
        let config = try ConfigLoader(environment: ["STATE_DIRECTORY": "/var/lib/pantau", "LOGS_DIRECTORY": "/var/log/pantau"]).load(path: fixture.path)
        #expect(config.daemon.stateDirectory == "/var/lib/pantau")
        #expect(config.daemon.alertsLog == "/var/log/pantau/alerts.jsonl")
    }

    @Test func reportsTOMLSyntaxErrorsWithLineAndColumn() throws {
        let fixture = try ConfigFixture(main: "[daemon]\npoll_interval = \"5m\"\nmax_concurrent_fetches = = 3\n")
        let problems = fixture.problems()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix(fixture.path + ":3:") == true, "\(problems)")
    }

    @Test func reportsEveryValueProblemAtItsKey() throws {
        let fixture = try ConfigFixture(main: """
            [daemon]
            max_concurrent_fetches = 0
            poll_intervall = "5m"

            [[feed]]
            name = "ok"
            url = "https://example.org/a"

            [[feed]]
            name = "bad"
            url = "ftp://example.org/b"
            language = "fr"

            [[feed]]
            name = "typo"
            url = "htps://alice:s3cret@example.org/c"
            """)
        let problems = fixture.problems()
        let p = fixture.path
        #expect(problems.contains("\(p):2:1: max_concurrent_fetches must be between 1 and 1024, not 0"), "\(problems)")
        #expect(problems.contains { $0.hasPrefix("\(p):3:1: unknown key \"poll_intervall\"") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("\(p):11:1: url \"ftp\" must start with http://, https:// or file://") }, "\(problems)")
        #expect(problems.contains("\(p):12:1: language must be \"auto\", \"id\" or \"en\", not \"fr\""), "\(problems)")
        // Only the scheme is echoed: the rest of a url may hold credentials.
        #expect(problems.contains { $0.hasPrefix("\(p):16:1: url \"htps\" must start with") }, "\(problems)")
        #expect(!problems.joined().contains("s3cret"))
        #expect(problems.count == 5)
    }

    @Test func seenRetentionDefaultsToNinetyDaysAndRefusesLessThanADay() throws {
        let feed = "[[feed]]\nname = \"a\"\nurl = \"https://example.org/a\"\n"
        #expect(try ConfigFixture(main: feed).load().daemon.seenRetention == 90 * 86_400)
        #expect(try ConfigFixture(main: "[daemon]\nseen_retention = \"30d\"\n" + feed).load().daemon.seenRetention == 30 * 86_400)
        let short = try ConfigFixture(main: "[daemon]\nseen_retention = \"12h\"\n" + feed)
        #expect(short.problems() == ["\(short.path):2:1: seen_retention must be at least 1d: a shorter memory would alert again on items a feed shows for a day or two"])
    }

    @Test func locatesProblemsInTheRightFeedTable() throws {
        let fixture = try ConfigFixture(main: """
            [[feed]]
            name = "one"
            url = "https://example.org/1"
            interval = "soon"

            [[feed]]
            name = "two"
            url = "https://example.org/2"
            interval = "later"
            """)
        let problems = fixture.problems()
        #expect(problems.first?.hasPrefix(fixture.path + ":4:1: interval must be a positive duration") == true, "\(problems)")
        #expect(problems.last?.hasPrefix(fixture.path + ":9:1: interval must be a positive duration") == true, "\(problems)")
    }

    @Test func rejectsDuplicateFeedsAndFeedsWithoutSource() throws {
        let fixture = try ConfigFixture(main: """
            [[feed]]
            name = "same"
            url = "https://example.org/1"

            [[feed]]
            name = "same"
            path = "x.xml"

            [[feed]]
            name = "nowhere"
            """)
        let problems = fixture.problems()
        #expect(problems.contains { $0.hasPrefix(fixture.path + ":6:1: feed name \"same\" is used twice") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix(fixture.path + ":9:1: feed \"nowhere\" needs url") }, "\(problems)")
    }

    @Test func reportsWatchListProblemsInTheirOwnFile() throws {
        let fixture = try ConfigFixture(main: "[[feed]]\nname = \"x\"\nurl = \"https://example.org/\"\n", watches: [
            "10-a.toml": "[[watch]]\nname = \"a\"\nany = [\"pasukan\"]\n",
            "20-b.toml": """
                # comment line
                [[watch]]
                name = "a"
                severity = "urgent"
                any = ["ok", " -- ", 3]

                [[watch]]
                name = "empty"
                none = ["x"]
                """,
        ])
        let problems = fixture.problems()
        let b = fixture.directory + "/watch.d/20-b.toml"
        #expect(problems.contains { $0.hasPrefix("\(b):3:1: watch list \"a\" is already defined in") }, "\(problems)")
        #expect(problems.contains("\(b):4:1: severity must be one of low, medium, high, critical; not \"urgent\""), "\(problems)")
        #expect(problems.contains("\(b):5:1: any entry 2 (\" -- \") has no words to match"), "\(problems)")
        #expect(problems.contains("\(b):5:1: any entry 3 must be a string"), "\(problems)")
        #expect(problems.contains { $0.hasPrefix("\(b):7:1: watch list \"empty\" has nothing to match") }, "\(problems)")
    }

    @Test func aTableInTheWrongFileIsReportedAtItsHeaderWithWhereItGoes() throws {
        let fixture = try ConfigFixture(main: """
            [[feed]]
            name = "x"
            url = "https://example.org/"

            [daemon.extra]
            a = 1

            # a watch list where it does not belong
            [[watch]]
            name = "w"
            any = ["pasukan"]
            """, watches: [
            "10-a.toml": "[[watch]]\nname = \"a\"\nany = [\"pasukan\"]\n\n[[feed]]\nname = \"y\"\nurl = \"https://example.org/y\"\n",
        ])
        let problems = fixture.problems()
        let p = fixture.path, a = fixture.directory + "/watch.d/10-a.toml"
        #expect(problems.contains { $0.hasPrefix("\(p):9:1: unknown key \"watch\" at the top level; expected one of daemon, feed; watch lists go in their own *.toml files in the watch directory") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("\(p):5:1: unknown key \"extra\" in [daemon]") }, "\(problems)")
        #expect(problems.contains("\(a):5:1: unknown key \"feed\" at the top level; expected one of watch; feeds go in the main config file, not in a watch list file"), "\(problems)")
    }

    @Test func watchListRootsAreSingleWords() throws {
        let fixture = try ConfigFixture(main: "[[feed]]\nname = \"x\"\nurl = \"https://example.org/\"\n", watches: [
            "10-a.toml": "[[watch]]\nname = \"a\"\nany = [\"bajak\"]\nroots = [\"bajak\", \"bajak laut\"]\n",
        ])
        let problems = fixture.problems()
        let a = fixture.directory + "/watch.d/10-a.toml"
        #expect(problems == ["\(a):4:1: roots entry 2 (\"bajak laut\") must be one word, a root such as \"kirim\""], "\(problems)")
        let ok = try ConfigFixture(main: "[[feed]]\nname = \"x\"\nurl = \"https://example.org/\"\n", watches: [
            "10-a.toml": "[[watch]]\nname = \"a\"\nany = [\"bajak\"]\nroots = [\"bajak\"]\n",
        ])
        #expect(try ok.load().watches.first?.roots == ["bajak"])
    }

    @Test func readsTheRuleLanguage() throws {
        let fixture = try ConfigFixture(main: "[[feed]]\nname = \"antara\"\nurl = \"https://example.org/\"\nwatches = [\"rules\"]\n", watches: [
            "10-rules.toml": """
                [[watch]]
                name = "rules"
                severity = "high"
                any_id = ["kirim pasukan"]
                any_en = ["deploy troops"]
                near = [["kirim", "pasukan", 5]]
                same_sentence = true
                fields = ["title"]
                weights = { "pasukan" = 2, "rusia" = 1.5 }
                threshold = 3
                event = "deployment"
                actor = ["Korea Utara", "DPRK"]
                destination = "Rusia"
                min_count = 1000
                entity = ["PBB"]
                language = ["id", "en"]
                hedged = false
                boost_count = 10000
                boost_sources = 2
                feeds = ["antara"]
                """,
        ])
        let config = try fixture.load()
        let watch = try #require(config.watches.first)
        #expect(watch.anyByLanguage[.indonesian] == ["kirim pasukan"])
        #expect(watch.anyByLanguage[.english] == ["deploy troops"])
        #expect(watch.near == [NearRule(words: ["kirim", "pasukan"], distance: 5)])
        #expect(watch.sameSentence)
        #expect(watch.fields == [.title])
        #expect(watch.weights == ["pasukan": 2, "rusia": 1.5])
        #expect(watch.threshold == 3)
        #expect(watch.conditions.event == .deployment)
        #expect(watch.conditions.actors == ["North Korea", "North Korea"])
        #expect(watch.conditions.destinations == ["Russia"])
        #expect(watch.conditions.minCount == 1000)
        #expect(watch.conditions.entities == ["United Nations"])
        #expect(watch.conditions.languages == [.indonesian, .english])
        #expect(watch.conditions.hedged == false)
        #expect(watch.boosts == SeverityBoosts(countAtLeast: 10000, sourcesAtLeast: 2))
        #expect(watch.feeds == ["antara"])
        #expect(config.feeds.first?.watches == ["rules"])
    }

    @Test func reportsRuleMistakesAtTheirKeys() throws {
        let fixture = try ConfigFixture(main: "[[feed]]\nname = \"x\"\nurl = \"https://example.org/\"\nwatches = [\"nope\"]\n", watches: [
            "10-bad.toml": """
                [[watch]]
                name = "bad"
                any = ["pasukan"]
                near = [["kirim pasukan", "rusia", 5]]
                fields = ["footer"]
                threshold = 2
                event = "invasion"
                boost_sources = 1
                feeds = ["y"]
                """,
        ])
        let problems = fixture.problems()
        let bad = fixture.directory + "/watch.d/10-bad.toml"
        #expect(problems.contains("\(bad):4:1: near entry 1: every item but the last must be a single word in quotes"), "\(problems)")
        #expect(problems.contains("\(bad):5:1: fields may hold \"title\" and \"body\", not \"footer\""), "\(problems)")
        #expect(problems.contains("\(bad):6:1: threshold needs weights = { \"term\" = weight, … }"), "\(problems)")
        #expect(problems.contains("\(bad):7:1: event must be \"deployment\" or \"escalation\", not \"invasion\""), "\(problems)")
        #expect(problems.contains("\(bad):8:1: boost_sources must be between 2 and 100, not 1"), "\(problems)")
        #expect(problems.contains { $0.contains("feed \"x\" lists watch list \"nope\"") }, "\(problems)")
        #expect(problems.contains { $0.contains("watch list \"bad\" lists feed \"y\"") }, "\(problems)")
    }

    @Test func readsSinksAndRejectsUnsafeOnes() throws {
        let good = try ConfigFixture(main: "[[feed]]\nname = \"x\"\nurl = \"https://example.org/\"\n", watches: [
            "10-a.toml": """
                [[watch]]
                name = "a"
                any = ["pasukan"]
                cooldown = "2h"
                [[watch.sink]]
                type = "webhook"
                url = "https://hooks.example.org/pantau"
                timeout = "5s"
                [[watch.sink]]
                type = "exec"
                command = ["/usr/local/bin/notify", "--channel", "ops"]
                [[watch.sink]]
                type = "text"
                path = "/var/log/pantau/a.log"
                """,
        ])
        let watch = try #require(try good.load().watches.first)
        #expect(watch.cooldown == 7200)
        #expect(watch.sinks == [AlertSink(kind: .webhook(url: "https://hooks.example.org/pantau"), timeout: 5),
                                AlertSink(kind: .exec(command: ["/usr/local/bin/notify", "--channel", "ops"])),
                                AlertSink(kind: .text(path: "/var/log/pantau/a.log"))])
        let bad = try ConfigFixture(main: "[[feed]]\nname = \"x\"\nurl = \"https://example.org/\"\n", watches: [
            "10-b.toml": "[[watch]]\nname = \"b\"\nany = [\"pasukan\"]\n[[watch.sink]]\ntype = \"exec\"\ncommand = [\"notify | sh\"]\n",
        ])
        #expect(bad.problems().contains { $0.contains("an exec sink needs command = [\"/absolute/program\"") }, "\(bad.problems())")
    }

    @Test func missingConfigFileSaysWhatToDo() throws {
        do {
            _ = try ConfigLoader(environment: [:]).load(path: "/nonexistent/pantau.toml")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.description == "/nonexistent/pantau.toml: config file does not exist; pass --config FILE or set PANTAU_CONFIG")
        }
    }

    @Test func missingWatchDirectoryIsAnError() throws {
        let fixture = try ConfigFixture(main: "[daemon]\nwatch_dir = \"nowhere\"\n[[feed]]\nname = \"x\"\nurl = \"https://example.org/\"\n")
        #expect(fixture.problems().first?.contains("watch directory") == true)
    }

    @Test func multilineArraysDoNotConfuseKeyPositions() throws {
        let fixture = try ConfigFixture(main: "[[feed]]\nname = \"x\"\nurl = \"https://example.org/\"\n", watches: ["10-a.toml": """
            [[watch]]
            name = "a"
            any = [
              "pasukan",  # severity = "x" in a comment
              "tentara = prajurit",
            ]
            severity = "bad"
            """])
        let problems = fixture.problems()
        #expect(problems == [fixture.directory + "/watch.d/10-a.toml:7:1: severity must be one of low, medium, high, critical; not \"bad\""])
    }

    @Test(arguments: [("90", 90.0), ("90s", 90), ("15m", 900), ("1h", 3600), ("1.5h", 5400), ("2d", 172_800)])
    func parsesDurations(text: String, seconds: Double) {
        #expect(TableReader.parseDuration(text) == seconds)
    }

    @Test func theShippedSampleConfigIsValid() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../etc/pantau/pantau.toml").standardized.path
        let config = try ConfigLoader(environment: [:]).load(path: path)
        #expect(config.watches.map(\.name) == ["troop-deployment", "military-escalation"])
        #expect(config.feeds.first?.url.hasSuffix("/seeds/feed.xml") == true)
    }
}
