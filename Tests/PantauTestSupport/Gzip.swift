import Foundation

/// gzip-compresses bytes with the system's `gzip` (tests only).
public enum Gzip {
    /// `bytes` compressed with `gzip -c -9`.
    public static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        let input = NSTemporaryDirectory() + "pantau-gzip-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: input))
        defer { try? FileManager.default.removeItem(atPath: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-9", input]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }
}
