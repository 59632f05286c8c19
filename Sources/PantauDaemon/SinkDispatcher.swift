import Foundation
import Logging
import PantauFetch
import PantauStore
import PantauWatch
import Synchronization

/// Delivers alerts to the watch lists' sinks (plain-text logs, programs, webhooks) from the
/// state store's queue: after the alerts log has them, off the polling path, retried with
/// backoff (1 s doubling to 1 h) for up to a day. A failing sink never touches the alerts log.
public final class SinkDispatcher: Sendable {
    let store: StateStore
    let fetcher: Fetcher
    let logger: Logger
    private let sinks = Mutex<[String: AlertSink]>([:])
    /// True while a pass runs: passes never overlap (a job is never delivered twice at once).
    private let busy = Mutex(false)
    /// A delivery still failing after this long is abandoned (logged; the alert stays in the log).
    static let maxAge: Double = 24 * 3600

    /// Creates a dispatcher over the daemon's store and fetcher.
    public init(store: StateStore, fetcher: Fetcher, logger: Logger) {
        self.store = store
        self.fetcher = fetcher
        self.logger = logger
    }

    /// The sink id of a watch list's `index`-th sink.
    static func id(watch: String, index: Int) -> String { "\(watch)#\(index)" }

    /// Takes the sinks of `watches` (start-up and reload).
    public func configure(_ watches: [WatchDefinition]) {
        var map: [String: AlertSink] = [:]
        for watch in watches {
            for (i, sink) in watch.sinks.enumerated() { map[Self.id(watch: watch.name, index: i)] = sink }
        }
        sinks.withLock { $0 = map }
    }

    /// Delivers every due job once; returns (delivered, failed).
    @discardableResult
    public func runDue(now: Date = Date()) async -> (delivered: Int, failed: Int) {
        guard busy.withLock({ running in
            if running { return false }
            running = true
            return true
        }) else { return (0, 0) }
        defer { busy.withLock { $0 = false } }
        let jobs: [StateStore.SinkJob]
        do {
            jobs = try store.dueSinkJobs(now: now.timeIntervalSince1970)
        } catch {
            logger.error("could not read queued sink deliveries", metadata: ["error": "\(error)"])
            return (0, 0)
        }
        var delivered = 0, failed = 0
        for job in jobs {
            guard let sink = sinks.withLock({ $0[job.sink] }) else {
                // The watch list or sink was removed by a reload: nothing to deliver to.
                try? store.finishSinkJob(job.seq)
                continue
            }
            let error = await deliver(job.record, to: sink)
            if let error {
                failed += 1
                let age = now.timeIntervalSince1970 - job.created
                if age > Self.maxAge {
                    logger.error("giving up on a sink delivery after a day; the alert is in the alerts log",
                                 metadata: ["sink": "\(sink.label)", "error": "\(error)"])
                    try? store.finishSinkJob(job.seq)
                } else {
                    let delay = min(3600, pow(2, Double(job.attempts)))
                    logger.warning("sink delivery failed; will retry", metadata: ["sink": "\(sink.label)", "error": "\(error)", "retry_in_s": "\(Int(delay))"])
                    try? store.retrySinkJob(job.seq, at: now.timeIntervalSince1970 + delay, error: error)
                }
            } else {
                delivered += 1
                try? store.finishSinkJob(job.seq)
            }
        }
        return (delivered, failed)
    }

    /// When the next queued delivery falls due: nil when none waits (or every one waits for
    /// its alert to reach the log, which pokes ``AlertDelivery/written``); in a second when
    /// the queue cannot be read.
    public func nextDue() -> Date? {
        do {
            return try store.nextSinkJobDue().map(Date.init(timeIntervalSince1970:))
        } catch {
            logger.error("could not read queued sink deliveries", metadata: ["error": "\(error)"])
            return Date(timeIntervalSinceNow: 1)
        }
    }

    /// Delivers one record; nil on success, else what went wrong.
    func deliver(_ record: String, to sink: AlertSink) async -> String? {
        switch sink.kind {
        case .text(let path): return Self.appendText(record, to: path)
        case .exec(let command): return await Self.run(command, input: record, timeout: sink.timeout)
        case .webhook(let url): return await post(record, to: url, timeout: sink.timeout)
        }
    }

    /// One plain-text line: `TIME SEVERITY watch [feed] title — evidence <link>`.
    static func textLine(_ record: String) -> String {
        guard let alert = try? JSONDecoder().decode(AlertRecord.self, from: Data(record.utf8)) else { return record }
        let kind = alert.kind.flatMap { $0 == "alert" ? nil : $0.uppercased() + " " } ?? ""
        var line = "\(alert.time) \(alert.severity.uppercased()) \(kind)\(alert.watch) [\(alert.feed.name)] \(alert.item.title) — \(alert.evidence)"
        if let link = alert.item.link { line += " <\(link)>" }
        return line.replacingOccurrences(of: "\n", with: " ")
    }

    static func appendText(_ record: String, to path: String) -> String? {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else { return "cannot open \(path): \(String(cString: strerror(errno)))" }
        defer { close(fd) }
        let bytes = Array((textLine(record) + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        return written == bytes.count ? nil : "cannot write \(path): \(String(cString: strerror(errno)))"
    }

    /// Runs `command` (no shell) with `input` on stdin; kills it after `timeout` seconds.
    static func run(_ command: [String], input: String, timeout: Double) async -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "cannot run \(command[0]): \(error.localizedDescription)"
        }
        let data = Data((input + "\n").utf8)
        try? stdin.fileHandleForWriting.write(contentsOf: data)
        try? stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                try? await Task.sleep(for: .milliseconds(200))
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                return "\(command[0]) took longer than \(Int(timeout)) s and was stopped"
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus == 0 ? nil : "\(command[0]) exited with status \(process.terminationStatus)"
    }

    func post(_ record: String, to url: String, timeout: Double) async -> String? {
        let request = FetchRequest(url: url, limits: FetchLimits(connectTimeout: min(timeout, 10), totalTimeout: timeout, maxBodyBytes: 1 << 20),
                                   body: Array(record.utf8), contentType: "application/json")
        switch await fetcher.fetch(request) {
        case .success(let response):
            return (200..<300).contains(response.status) ? nil : "\(URLRedaction.origin(url)) answered \(response.status)"
        case .failure(let error):
            // A webhook's path is often its secret: only its origin is shown.
            return error.description(showing: URLRedaction.origin(url))
        }
    }
}
