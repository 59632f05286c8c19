import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Plays systemd's side of sd_notify in tests: a bound `AF_UNIX` datagram socket (a path, or
/// an abstract `@name`) that collects every message a service sends.
public final class NotifyListener: Sendable {
    /// The value to put in `NOTIFY_SOCKET`.
    public let address: String
    let fd: Int32
    let received = Mutex<[String]>([])
    let closed = Mutex(false)

    /// Binds a new socket: abstract when `abstract` is true, else a file in the temp directory.
    public init(abstract: Bool) throws {
        let name = "pantau-notify-\(UUID().uuidString.prefix(8))"
        address = abstract ? "@" + name : NSTemporaryDirectory() + name + ".sock"
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var bytes = Array(address.utf8)
        if abstract { bytes[0] = 0 }
        var sockaddr = sockaddr_un()
        sockaddr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &sockaddr.sun_path) { path in
            for (i, b) in bytes.enumerated() { path[i] = b }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (abstract ? 0 : 1))
        let result = withUnsafePointer(to: &sockaddr) {
            $0.withMemoryRebound(to: Glibc.sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard result == 0 else { throw TestServerError.socket(errno) }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let listener = self
        Thread.detachNewThread { listener.receiveLoop() }
    }


    /// Stops listening. The receiving thread closes the descriptor itself when it sees the
    /// flag (within its 100 ms receive timeout): closing it here could let another thread's
    /// new socket take the number while `recv` still reads from it.
    public func close() {
        closed.withLock { $0 = true }
        if !address.hasPrefix("@") { unlink(address) }
    }

    func receiveLoop() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !closed.withLock({ $0 }) {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 {
                let message = String(decoding: buffer[0..<n], as: UTF8.self)
                received.withLock { $0.append(message) }
            }
        }
        Glibc.close(fd)
    }

    /// Every message so far.
    public var messages: [String] { received.withLock { $0 } }

    /// Waits until a message satisfies `predicate` (after index `from`); returns its index.
    @discardableResult
    public func wait(for description: String, from: Int = 0, timeout: Double = 10, _ predicate: (String) -> Bool) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let all = messages
            if from < all.count, let index = all[from...].firstIndex(where: predicate) { return index }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw NotifyTimeout(description: description, messages: messages)
    }
}

/// No matching sd_notify message arrived in time.
public struct NotifyTimeout: Error, CustomStringConvertible {
    /// What was awaited.
    public var description: String
    /// What did arrive.
    public var messages: [String]

    /// Creates the error.
    public init(description: String, messages: [String]) {
        self.description = description
        self.messages = messages
    }
}
