import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on `state_dir/pantau.lock`, held while a daemon owns the state:
/// two daemons on one state directory would alert twice and fight over the outbox.
/// The kernel releases it when the process dies, so a crash never leaves it stale.
public final class StateDirectoryLock: Sendable {
    /// The lock file.
    public let path: String
    let descriptor: Int32

    /// Takes the lock, waiting up to `wait` seconds for a holder that is on its way out (a
    /// restart, or a just-spawned child that still shares the descriptor until it execs),
    /// or throws ``StateDirectoryLockError`` naming the holder's pid.
    public init(directory: String, wait: Double = 2) throws(StateDirectoryLockError) {
        path = (directory as NSString).appendingPathComponent("pantau.lock")
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw StateDirectoryLockError(path: path, holder: nil, errno: errno) }
        let deadline = Date().addingTimeInterval(wait)
        while flock(fd, LOCK_EX | LOCK_NB) != 0, errno == EWOULDBLOCK, Date() < deadline {
            usleep(50_000)
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, buffer.count, 0)
            close(fd)
            let holder = n > 0 ? Int32(String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) : nil
            throw StateDirectoryLockError(path: path, holder: holder, errno: code)
        }
        ftruncate(fd, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        descriptor = fd
    }

    deinit { close(descriptor) }
}

/// The state directory is in use by another Pantau process (or the lock file cannot be made).
public struct StateDirectoryLockError: Error, Sendable, CustomStringConvertible {
    /// The lock file.
    public var path: String
    /// The pid that holds the lock, when known.
    public var holder: Int32?
    /// The system error.
    public var errno: Int32

    /// What happened and what to do.
    public var description: String {
        if errno == EWOULDBLOCK {
            let who = holder.map { "pid \($0)" } ?? "another process"
            return "\(path): the state directory is in use by \(who); stop that pantau first or give this one its own state_dir"
        }
        return "\(path): cannot create the lock file: \(String(cString: strerror(errno)))"
    }
}
