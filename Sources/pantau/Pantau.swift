import ArgumentParser
import PantauFetch

/// The `pantau` command: the daemon and its tools.
@main
struct Pantau: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pantau",
        abstract: "Watch news feeds and raise early-warning alerts.",
        version: PantauVersion.string,
        subcommands: [Run.self, CheckConfig.self, TestWatch.self, Status.self, Alerts.self, Extract.self, ParseFeed.self]
    )
}
