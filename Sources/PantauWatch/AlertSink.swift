/// Where else a watch list's alerts go, besides the alerts log (which stays the primary
/// record: a failing sink never loses an alert there). Configured per watch list as
/// `[[watch.sink]]`.
public struct AlertSink: Sendable, Hashable {
    /// The kind of sink.
    public enum Kind: Sendable, Hashable {
        /// Appends one plain-text line per alert to a file.
        case text(path: String)
        /// Runs a program (never through a shell) with the alert JSON on its standard input.
        case exec(command: [String])
        /// POSTs the alert JSON to a URL through the fetcher, retried with backoff.
        case webhook(url: String)
    }

    /// What the sink does.
    public var kind: Kind
    /// Longest a single delivery may take, in seconds (`timeout`, default 10 s).
    public var timeout: Double

    /// Creates a sink.
    public init(kind: Kind, timeout: Double = 10) {
        self.kind = kind
        self.timeout = timeout
    }
}
