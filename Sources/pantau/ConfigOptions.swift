import ArgumentParser
import Foundation
import PantauConfig
import PantauExtractor

/// `--config FILE`, shared by the subcommands that read the configuration.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Configuration file.", discussion: "Default: $PANTAU_CONFIG, else $CONFIGURATION_DIRECTORY/pantau.toml (systemd), else /etc/pantau/pantau.toml.", valueName: "FILE"))
    var config: String?

    /// The path to read: the flag, else `PANTAU_CONFIG`, else systemd's
    /// `CONFIGURATION_DIRECTORY`, else the packaged default.
    var path: String {
        let environment = ProcessInfo.processInfo.environment
        if let config { return config }
        if let path = environment["PANTAU_CONFIG"] { return path }
        if let directory = environment["CONFIGURATION_DIRECTORY"]?.split(separator: ":").first {
            return String(directory) + "/pantau.toml"
        }
        return "/etc/pantau/pantau.toml"
    }

    /// True when the user named a file (flag or environment).
    var isExplicit: Bool {
        config != nil || ProcessInfo.processInfo.environment["PANTAU_CONFIG"] != nil
    }

    /// Loads the configuration or exits 1 after printing every problem as `file:line:col: message`.
    func load() throws -> PantauConfiguration {
        do {
            return try ConfigLoader().load(path: path)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }

    /// Loads the configuration, returning the problems instead of exiting.
    func tryLoad() -> Result<PantauConfiguration, ConfigError> {
        Result { () throws(ConfigError) in try ConfigLoader().load(path: path) }
    }
}

/// `--lang`: the document's language, or `auto` to detect it. ArgumentParser refuses any
/// other value and lists these.
enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, id, en

    /// The language to analyse as; nil detects it.
    var language: Language? { Language(rawValue: rawValue) }
}

/// Writes `message` and a newline to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Reads a whole file, or standard input for `-` or nil.
func readInput(_ path: String?) throws -> [UInt8] {
    if path == nil || path == "-" {
        return Array(FileHandle.standardInput.readDataToEndOfFile())
    }
    guard let data = FileManager.default.contents(atPath: path!) else {
        printError("\(path!): cannot read the file (does it exist, and is it readable?)")
        throw ExitCode(1)
    }
    return Array(data)
}

/// Pretty, key-sorted JSON for command output.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
