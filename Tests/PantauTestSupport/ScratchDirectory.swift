import Foundation

/// A directory path of its own under the system's temporary directory for one test,
/// removed with everything in it when the last copy of this value goes away (a suite
/// instance lives for one test). The directory itself is created by whoever first writes
/// into it, as the tests do with their state and config directories.
public final class ScratchDirectory: Sendable {
    /// The absolute path, unique per instance: `<tmp>/<prefix>-<UUID>`.
    public let path: String

    /// A fresh path named `prefix-<UUID>`; nothing is created yet.
    public init(_ prefix: String) {
        path = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
