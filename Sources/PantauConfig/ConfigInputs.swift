/// The files a configuration was read from, with their text as read.
///
/// A reload whose files all read the same keeps the running configuration and parses
/// nothing (see ``ConfigLoader/isUnchanged(_:)``): reloads from configuration management
/// that change nothing cost no parsing, and leave nothing behind in TOMLKit
/// (LebJe/TOMLKit#26 keeps a little of every document it reads).
public struct ConfigInputs: Sendable, Equatable {
    /// One file and its text.
    public struct File: Sendable, Equatable {
        /// Absolute path.
        public var path: String
        /// The text as read.
        public var text: String
    }

    /// The main config file first, then the watch files in the order they were read.
    public var files: [File]
    /// The watch directory that was listed (its `*.toml` files are `files.dropFirst()`).
    public var watchDirectory: String
}
