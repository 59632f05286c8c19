extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether the bytes before offset `end` end with `suffix` (compared in place: the
    /// stemmers try several literal endings on every new word).
    @inline(__always)
    func hasSuffix(_ suffix: StaticString, endingAt end: Int) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard end >= n else { return false }
        let bytes = suffix.utf8Start
        for k in 0..<n where self[end - n + k] != bytes[k] { return false }
        return true
    }
}
