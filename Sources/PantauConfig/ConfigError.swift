/// Every problem found while loading a configuration. The daemon never starts half-configured.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file and line order.
    public var problems: [ConfigProblem]

    /// Creates an error.
    public init(problems: [ConfigProblem]) {
        self.problems = problems
    }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
