import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads the alerts log line by line, and follows it like `tail -F`: when logrotate moves
/// the file away (another inode appears at the path) or truncates it, the reader finishes
/// the old file and continues with the new one from its start.
public final class AlertLogReader {
    /// The log's path.
    public let path: String
    var handle: FileHandle?
    var inode: UInt64 = 0
    var offset: UInt64 = 0
    var partial = Data()

    /// Creates a reader; nothing is opened until the first read.
    public init(path: String) {
        self.path = path
    }

    /// The complete lines appended since the last call (all lines on the first call).
    /// A last line without its newline is kept until it is complete.
    public func readNewLines() -> [String] {
        var lines: [String] = []
        if handle == nil { open() }
        drain(into: &lines)
        // Rotated or truncated? Finish the old file (done above), then switch.
        var info = stat()
        if stat(path, &info) == 0 {
            if UInt64(info.st_ino) != inode || UInt64(info.st_size) < offset {
                try? handle?.close()
                handle = nil
                partial.removeAll()
                open()
                drain(into: &lines)
            }
        }
        return lines
    }

    func open() {
        guard let h = FileHandle(forReadingAtPath: path) else { return }
        var info = stat()
        fstat(h.fileDescriptor, &info)
        handle = h
        inode = UInt64(info.st_ino)
        offset = 0
    }

    func drain(into lines: inout [String]) {
        guard let handle else { return }
        let data = (try? handle.readToEnd()) ?? Data()
        offset += UInt64(data.count)
        partial.append(data)
        while let newline = partial.firstIndex(of: UInt8(ascii: "\n")) {
            let line = partial[partial.startIndex..<newline]
            if !line.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
            partial.removeSubrange(partial.startIndex...newline)
        }
    }
}
