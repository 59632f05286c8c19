/// A stable, platform-independent 64-bit hash (FNV-1a) for identities that are stored on
/// disk or written to logs. Swift's `Hasher` is seeded per process, so it cannot be used.
public enum StableHash {
    /// FNV-1a over the UTF-8 bytes of `parts` joined by NUL, as 16 lowercase hex digits.
    public static func hex(_ parts: String...) -> String {
        hex(parts)
    }

    /// FNV-1a over the UTF-8 bytes of `parts` joined by NUL, as 16 lowercase hex digits.
    public static func hex(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, part) in parts.enumerated() {
            if i > 0 { hash = (hash ^ 0) &* 0x0000_0100_0000_01b3 }
            for byte in part.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.utf8.count) + digits
    }
}
