import Foundation
import Synchronization

/// The JSON Lines alerts log: opened with `O_APPEND`, whole lines per `write(2)`, `fsync`
/// per batch (when it is a regular file; a pipe or terminal works too), reopenable for log
/// rotation.
///
/// On open, a torn last line (a crash mid-write) is cut off; its alert is still in the
/// outbox and is written again whole.
public final class AlertLogFile: Sendable {
    /// The log's path.
    public let path: String
    let descriptor: Mutex<Int32>

    /// Opens (creating with mode 0640, and creating its directory) the log at `path`.
    public init(path: String) throws(AlertLogError) {
        self.path = path
        self.descriptor = Mutex(try Self.open(path))
    }

    deinit {
        descriptor.withLock { fd in if fd >= 0 { close(fd) } }
    }

    static func open(_ path: String) throws(AlertLogError) -> Int32 {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw AlertLogError(path: path, operation: "creating its directory", errno: EACCES)
            }
        }
        let fd = Glibc.open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw AlertLogError(path: path, operation: "opening", errno: errno) }
        try repairTornLine(fd, path: path)
        return fd
    }

    /// Cuts a last line that has no newline (a write torn by a crash).
    static func repairTornLine(_ fd: Int32, path: String) throws(AlertLogError) {
        let info = try status(fd, path: path)
        let size = Int(info.st_size)
        guard size > 0 else { return }
        var last: UInt8 = 0
        guard pread(fd, &last, 1, off_t(size - 1)) == 1 else { throw AlertLogError(path: path, operation: "reading", errno: errno) }
        guard last != UInt8(ascii: "\n") else { return }
        // Find the last newline, scanning back in blocks.
        var end = size
        var cut = 0
        var block = [UInt8](repeating: 0, count: 4096)
        search: while end > 0 {
            let start = max(0, end - block.count)
            let n = pread(fd, &block, end - start, off_t(start))
            guard n > 0 else { break }
            for i in stride(from: n - 1, through: 0, by: -1) where block[i] == UInt8(ascii: "\n") {
                cut = start + i + 1
                break search
            }
            end = start
        }
        guard ftruncate(fd, off_t(cut)) == 0 else { throw AlertLogError(path: path, operation: "cutting a torn last line", errno: errno) }
    }

    /// Appends `lines` (each without a newline) with as few writes as their size allows
    /// (whole lines, up to 1 MiB per `write(2)`), then fsyncs, and returns where the log
    /// ends now. A failed write is cut back off, so lines are never left half-appended; a
    /// crash mid-write leaves at most a torn last line, which ``init(path:)`` cuts off.
    @discardableResult
    public func append(_ lines: [String]) throws(AlertLogError) -> Position {
        try descriptor.withLock { fd throws(AlertLogError) -> Position in
            let info = try Self.status(fd, path: path)
            let before = info.st_size
            do throws(AlertLogError) {
                var buffer: [UInt8] = []
                buffer.reserveCapacity(min(lines.reduce(0) { $0 + $1.utf8.count + 1 }, Self.writeChunk + 4096))
                for (i, line) in lines.enumerated() {
                    buffer.append(contentsOf: line.utf8)
                    buffer.append(UInt8(ascii: "\n"))
                    if buffer.count >= Self.writeChunk || i == lines.count - 1 {
                        try writeAll(buffer, to: fd)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
                // Only a regular file can be synced: a pipe, socket or terminal
                // (`alerts_log = "/dev/stdout"` in a container) fails with EINVAL, and the
                // lines, already written, would be written again on every retry.
                guard (info.st_mode & S_IFMT) != S_IFREG || fsync(fd) == 0 else { throw AlertLogError(path: path, operation: "syncing", errno: errno) }
            } catch {
                if (info.st_mode & S_IFMT) == S_IFREG { _ = ftruncate(fd, before) }
                throw error
            }
            return Position(try Self.status(fd, path: path))
        }
    }

    /// Where the log ends now.
    public func position() throws(AlertLogError) -> Position {
        try descriptor.withLock { fd throws(AlertLogError) -> Position in Position(try Self.status(fd, path: path)) }
    }

    /// `fstat` of the log's descriptor, or an error naming the log.
    static func status(_ fd: Int32, path: String) throws(AlertLogError) -> stat {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw AlertLogError(path: path, operation: "reading its size", errno: errno) }
        return info
    }

    /// A point in one log file: the file (device and inode, so a rotated log is told apart)
    /// and a byte offset. Stored as text, `device:inode:offset`.
    public struct Position: Sendable, Equatable, CustomStringConvertible {
        /// The file's device.
        public var device: UInt64
        /// The file's inode.
        public var inode: UInt64
        /// Bytes from the start of the file.
        public var offset: Int64

        /// Creates a position.
        public init(device: UInt64, inode: UInt64, offset: Int64) {
            self.device = device
            self.inode = inode
            self.offset = offset
        }

        init(_ info: stat) {
            self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), offset: Int64(info.st_size))
        }

        /// Reads the text form; nil when it is not one.
        public init?(_ text: String) {
            let parts = text.split(separator: ":")
            guard parts.count == 3, let device = UInt64(parts[0]), let inode = UInt64(parts[1]), let offset = Int64(parts[2]) else { return nil }
            self.init(device: device, inode: inode, offset: offset)
        }

        /// `device:inode:offset`.
        public var description: String { "\(device):\(inode):\(offset)" }
    }

    /// The bytes of the log after `position`, when the log is still that file, a regular
    /// file, and longer: what was appended after the last recorded commit. At most the last
    /// `limit` bytes (a crash leaves one batch there; more means the log was written to by
    /// something else).
    public func text(after position: Position, limit: Int64 = 64 << 20) -> String {
        descriptor.withLock { fd -> String in
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return "" }
            let now = Position(info)
            guard now.device == position.device, now.inode == position.inode, now.offset > position.offset else { return "" }
            let start = max(position.offset, now.offset - limit)
            var bytes = [UInt8](repeating: 0, count: Int(now.offset - start))
            var done = 0
            while done < bytes.count {
                let n = bytes[done...].withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(start) + off_t(done)) }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                done += n
            }
            return String(decoding: bytes[..<done], as: UTF8.self)
        }
    }

    /// Lines are gathered up to this many bytes per write.
    static let writeChunk = 1 << 20

    private func writeAll(_ bytes: [UInt8], to fd: Int32) throws(AlertLogError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw AlertLogError(path: path, operation: "appending", errno: errno)
            }
            offset += n
        }
    }

    /// The last `bytes` bytes of the log (for duplicate checks after a crash). Empty for
    /// anything but a regular file (a device never ends).
    public func tail(bytes: Int = 256 << 10) -> String {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        let size = UInt64(info.st_size)
        try? handle.seek(toOffset: size > UInt64(bytes) ? size - UInt64(bytes) : 0)
        let data = (try? handle.read(upToCount: bytes)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Closes and reopens the path (after logrotate moved the file).
    public func reopen() throws(AlertLogError) {
        let fresh = try Self.open(path)
        descriptor.withLock { fd in
            close(fd)
            fd = fresh
        }
    }
}
