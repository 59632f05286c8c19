import ArgumentParser
import PantauConfig

/// `pantau check-config`: validate the configuration and watch lists.
struct CheckConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate the configuration and watch lists.",
        discussion: "Exits 0 when valid. Otherwise exits 1 and prints every problem as file:line:col: message."
    )

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let configuration = try options.load()
        print("\(configuration.configFile): ok (\(configuration.feeds.count) feed(s), \(configuration.watches.count) watch list(s) from \(configuration.watchFiles.count) file(s))")
    }
}
