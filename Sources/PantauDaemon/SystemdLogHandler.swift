import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// A swift-log handler for services: one line per event on stderr, written with a single
/// `write(2)`, prefixed with the sd-daemon priority (`<3>` error … `<7>` debug) that journald
/// turns into PRIORITY, followed by the message and sorted `key=value` metadata.
///
/// `<6>feed polled alerts=2 feed=demo items=4 new=4 status=200`
public struct SystemdLogHandler: LogHandler {
    /// Metadata attached to every line from this logger.
    public var metadata: Logger.Metadata = [:]
    /// Lowest level written.
    public var logLevel: Logger.Level
    let label: String
    let write: @Sendable (String) -> Void

    /// Creates a handler; `write` receives each finished line (default: stderr).
    public init(label: String, level: Logger.Level = .info, write: @escaping @Sendable (String) -> Void = SystemdLogHandler.writeToStandardError) {
        self.label = label
        self.logLevel = level
        self.write = write
    }

    /// Gets or sets one metadata value.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Formats and writes one event.
    public func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        write(Self.format(level: event.level, message: "\(event.message)", metadata: all))
    }

    /// The line for one event, newline included.
    public static func format(level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        var line = "<\(priority(level))>" + message.replacingNewlines()
        for key in metadata.keys.sorted() {
            line += " \(key)=\(quoted("\(metadata[key]!)"))"
        }
        return line + "\n"
    }

    /// sd-daemon priority for a swift-log level.
    public static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// Values with spaces, quotes or `=` are quoted so a line splits back into pairs.
    static func quoted(_ value: String) -> String {
        let clean = value.replacingNewlines()
        guard clean.isEmpty || clean.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) else { return clean }
        return "\"" + clean.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Writes `line` to stderr in one `write(2)` (lines from threads never interleave).
    public static let writeToStandardError: @Sendable (String) -> Void = { line in
        let bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}

extension String {
    func replacingNewlines() -> String {
        contains(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) ? replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ") : self
    }
}
