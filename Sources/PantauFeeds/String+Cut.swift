extension String {
    /// The string cut to at most `limit` UTF-8 bytes: at the last space or line break within
    /// `reach` bytes before the limit when there is one, never inside a character. The string
    /// itself when it is within the limit. Used wherever a feed's text is bounded (titles,
    /// the text the daemon analyses).
    public func cut(toUTF8 limit: Int, breakingWithin reach: Int) -> String {
        guard utf8.count > limit else { return self }
        var text = self
        return text.withUTF8 { bytes in
            var end = limit
            while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            func isBreak(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A }
            if !isBreak(bytes[end]), let space = bytes[max(0, end - reach)..<end].lastIndex(where: isBreak) { end = space }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
        }
    }
}
