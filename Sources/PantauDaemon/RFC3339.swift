import Foundation

/// RFC 3339 timestamps in UTC with second precision (`2024-10-23T03:00:00Z`).
public enum RFC3339 {
    /// Formats `date`.
    public static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}
