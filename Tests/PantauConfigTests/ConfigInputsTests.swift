import Foundation
import Testing
@testable import PantauConfig

/// What a reload compares: the files a configuration came from, as read.
@Suite struct ConfigInputsTests {
    static let main = "[[feed]]\nname = \"a\"\nurl = \"https://example.org/a.xml\"\n"

    @Test func recordsTheConfigFileThenEveryWatchFileAsRead() throws {
        let fixture = try ConfigFixture(main: Self.main, watches: [
            "20-b.toml": "[[watch]]\nname = \"b\"\nany = [\"rudal\"]\n",
            "10-a.toml": "[[watch]]\nname = \"a\"\nany = [\"pasukan\"]\n",
        ])
        let inputs = try #require(try fixture.load().inputs)
        let dir = (fixture.directory as NSString).standardizingPath
        #expect(inputs.files.map(\.path) == [dir + "/pantau.toml", dir + "/watch.d/10-a.toml", dir + "/watch.d/20-b.toml"])
        #expect(inputs.files.map(\.text) == [Self.main, "[[watch]]\nname = \"a\"\nany = [\"pasukan\"]\n", "[[watch]]\nname = \"b\"\nany = [\"rudal\"]\n"])
        #expect(inputs.watchDirectory == dir + "/watch.d")
    }

    /// An edit, and whether a reload must parse again afterwards.
    enum Edit: String, CaseIterable, Sendable {
        case none, rewriteSameText, editConfig, editWatchFile, addWatchFile, removeWatchFile, addNonTOMLFile, removeConfig

        var changes: Bool {
            switch self {
            case .none, .rewriteSameText, .addNonTOMLFile: false
            case .editConfig, .editWatchFile, .addWatchFile, .removeWatchFile, .removeConfig: true
            }
        }
    }

    @Test(arguments: Edit.allCases)
    func seesEveryEditThatWouldChangeTheConfiguration(edit: Edit) throws {
        let fixture = try ConfigFixture(main: Self.main, watches: [
            "10-a.toml": "[[watch]]\nname = \"a\"\nany = [\"pasukan\"]\n",
            "20-b.toml": "[[watch]]\nname = \"b\"\nany = [\"rudal\"]\n",
        ])
        let inputs = try #require(try fixture.load().inputs)
        let watchDir = fixture.directory + "/watch.d/"
        switch edit {
        case .none: break
        case .rewriteSameText: try Self.main.write(toFile: fixture.path, atomically: true, encoding: .utf8)
        case .editConfig: try (Self.main + "interval = \"5m\"\n").write(toFile: fixture.path, atomically: true, encoding: .utf8)
        case .editWatchFile: try "[[watch]]\nname = \"b\"\nany = [\"rudal\", \"drone\"]\n".write(toFile: watchDir + "20-b.toml", atomically: true, encoding: .utf8)
        case .addWatchFile: try "[[watch]]\nname = \"c\"\nany = [\"kapal\"]\n".write(toFile: watchDir + "30-c.toml", atomically: true, encoding: .utf8)
        case .removeWatchFile: try FileManager.default.removeItem(atPath: watchDir + "20-b.toml")
        case .addNonTOMLFile: try "notes".write(toFile: watchDir + "README", atomically: true, encoding: .utf8)
        case .removeConfig: try FileManager.default.removeItem(atPath: fixture.path)
        }
        #expect(ConfigLoader(environment: [:]).isUnchanged(inputs) == !edit.changes)
    }

    @Test func readsTheSameConfigurationWhenLoadedAgainAfterFreeingTheParsedTrees() throws {
        // The loader empties TOMLKit's trees once read: loading twice must still give every
        // value, read from fresh trees.
        let fixture = try ConfigFixture(main: Self.main + "\n[[feed]]\nname = \"b\"\npath = \"b.xml\"\nlanguage = \"id\"\n")
        let first = try fixture.load(), second = try fixture.load()
        #expect(first.feeds.map(\.name) == ["a", "b"])
        #expect(second.feeds.map(\.name) == first.feeds.map(\.name))
        #expect(second.feeds.map(\.url) == first.feeds.map(\.url))
        #expect(second.watches.map(\.name) == ["a"])
        #expect(second.inputs == first.inputs)
    }
}
