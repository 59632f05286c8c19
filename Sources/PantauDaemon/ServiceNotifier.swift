import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Tells the service manager about the daemon's state with the sd_notify protocol over a
/// plain `AF_UNIX` datagram socket (`$NOTIFY_SOCKET`, path or abstract `@name` form).
/// Without `NOTIFY_SOCKET` every call does nothing.
public final class ServiceNotifier: Sendable {
    let address: [UInt8]?
    /// Half of `$WATCHDOG_USEC`, when the watchdog is enabled for this process.
    public let watchdogInterval: Duration?

    /// Reads `NOTIFY_SOCKET`, `WATCHDOG_USEC` and `WATCHDOG_PID` from `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, pid: Int32 = getpid()) {
        if let socket = environment["NOTIFY_SOCKET"], socket.hasPrefix("/") || socket.hasPrefix("@") {
            var bytes = Array(socket.utf8)
            if bytes[0] == UInt8(ascii: "@") { bytes[0] = 0 }  // abstract namespace
            address = bytes
        } else {
            address = nil
        }
        let watchdogPID = environment["WATCHDOG_PID"].flatMap { Int32($0) }
        if let usec = environment["WATCHDOG_USEC"].flatMap({ UInt64($0) }), usec > 0, watchdogPID == nil || watchdogPID == pid {
            watchdogInterval = .microseconds(Int64(usec / 2))
        } else {
            watchdogInterval = nil
        }
    }

    /// True when a service manager listens.
    public var isActive: Bool { address != nil }

    /// Sends `fields` (`READY=1`, `STATUS=…`) as one datagram. Failures are ignored: the
    /// service manager being gone must not stop the daemon.
    public func send(_ fields: String...) {
        guard let address, address.count < 108 else { return }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { path in
            for (i, byte) in address.enumerated() { path[i] = byte }
        }
        // Exact length: an abstract name must not carry a trailing NUL.
        let length = socklen_t(MemoryLayout<sa_family_t>.size + address.count)
        let message = Array(fields.joined(separator: "\n").utf8)
        _ = withUnsafePointer(to: &socketAddress) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { target in
                message.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), target, length) }
            }
        }
    }

    /// `MONOTONIC_USEC=` for now (CLOCK_MONOTONIC), sent with `RELOADING=1`.
    public static func monotonicField() -> String {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return "MONOTONIC_USEC=\(UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000)"
    }
}
