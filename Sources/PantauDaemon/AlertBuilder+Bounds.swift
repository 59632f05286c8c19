import PantauExtractor
import PantauFeeds

extension AlertBuilder {
    /// What one alert line may quote from its item. A broken or hostile item (megabytes in one
    /// "sentence", thousands of frames or names) must not become a line of megabytes in the
    /// log and in every sink: a 3.9 MB item once made a 92 MB line. Real news sits far inside.
    public enum Bounds {
        /// A quoted sentence (`matches[].sentence`, `evidence`, `events[].evidence`) is cut to
        /// this many UTF-8 bytes around what it is quoted for, with `…` where it was cut.
        public static let sentenceBytes = 1_000
        /// Entities listed, in first-mention order; `entities_omitted` counts the rest.
        public static let entities = 50
        /// Event frames listed, in document order; `events_omitted` counts the rest.
        public static let events = 20
        /// Assets listed per event frame.
        public static let assetsPerEvent = 20
        /// A corroboration's `details` listed; a last entry counts the rest.
        public static let details = 20
        /// An item's text analysed at most (title and body, UTF-8 bytes): analysis holds
        /// about 36 bytes of memory per byte of text, so one 8 MB item (a body within the
        /// fetch limit) would take 290 MB. News articles are under 100 KB.
        public static let itemTextBytes = 1 << 20
    }

    /// `text` cut to at most `limit` UTF-8 bytes, at the last space before the limit when
    /// one is near, never inside a character; text within the limit comes back as it is.
    static func analysable(_ text: String, limit: Int = Bounds.itemTextBytes) -> String {
        text.cut(toUTF8: limit, breakingWithin: 200)
    }

    /// `text` cut to about `limit` UTF-8 bytes around `focus` (byte offsets in `text`; the
    /// start when nil): at a space when one is near, never inside a character, with `…` on
    /// each side that was cut. Text within the limit comes back as it is.
    static func excerpt(_ text: String, around focus: Range<Int>?, limit: Int = Bounds.sentenceBytes) -> String {
        let count = text.utf8.count
        guard count > limit else { return text }
        let bytes = Array(text.utf8)
        let lowerFocus = min(max(focus?.lowerBound ?? 0, 0), count)
        let focus = lowerFocus..<min(max(focus?.upperBound ?? 0, lowerFocus), count)
        let width = max(limit, focus.count)
        var lower = max(0, min(focus.lowerBound - (width - focus.count) / 2, count - width))
        var upper = lower + width
        // Whole words when a space is within reach and the focus is kept.
        let reach = 40
        if lower > 0, let space = bytes[lower..<min(lower + reach, focus.lowerBound)].firstIndex(of: 0x20) { lower = space + 1 }
        if upper < count, let space = bytes[max(upper - reach, focus.upperBound)..<upper].lastIndex(of: 0x20) { upper = space }
        // Never inside a character: continuation bytes are 10xxxxxx.
        while lower < upper, lower > 0, bytes[lower] & 0xC0 == 0x80 { lower += 1 }
        while upper > lower, upper < count, bytes[upper] & 0xC0 == 0x80 { upper -= 1 }
        return (lower > 0 ? "…" : "") + String(decoding: bytes[lower..<upper], as: UTF8.self) + (upper < count ? "…" : "")
    }

    /// `details` within ``Bounds/details``: the first ones, then `… and N more`.
    static func boundedDetails(_ details: [String]) -> [String] {
        guard details.count > Bounds.details else { return details }
        return Array(details.prefix(Bounds.details)) + ["… and \(details.count - Bounds.details) more"]
    }

    /// An event frame as an alert quotes it: its evidence cut around the trigger, its assets
    /// bounded.
    static func bounded(_ frame: EventFrame) -> EventFrame {
        guard frame.evidence.utf8.count > Bounds.sentenceBytes || frame.assets.count > Bounds.assetsPerEvent else { return frame }
        var frame = frame
        let trigger = Array(frame.trigger.utf8)
        frame.evidence = excerpt(frame.evidence, around: trigger.isEmpty ? nil : Array(frame.evidence.utf8).firstRange(of: trigger))
        frame.assets = Array(frame.assets.prefix(Bounds.assetsPerEvent))
        return frame
    }
}
