/// Appends JSON to a byte buffer, escaping strings as `JSONEncoder` does. Callers write an
/// object's keys in sorted order; the writer puts in the commas. Shared by the alert lines
/// (`AlertRecord.jsonLine()`) and the stored stories (``StoryTracker/Story/json()``), both
/// written by hand because Foundation's encoder was a large share of a cold poll.
///
/// The bytes go into memory the writer manages itself (an `Array` append checked uniqueness
/// and capacity for every byte and key: a cold poll writes 17 MB of alert lines). Copies of
/// a writer share its buffer: use one writer per document.
package struct JSONWriter {
    // Usable from inline code: the small writes below are inlined into the callers (alert
    // lines are written from another module), where the keys are constants.
    @usableFromInline let buffer: Buffer
    @usableFromInline var needsComma = false
    fileprivate static let hex = Array("0123456789abcdef".utf8)

    /// Growable bytes behind a pointer.
    @usableFromInline final class Buffer {
        @exclusivity(unchecked) @usableFromInline var base: UnsafeMutablePointer<UInt8>
        @exclusivity(unchecked) @usableFromInline var count = 0
        @exclusivity(unchecked) @usableFromInline var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 64)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        @inlinable @inline(__always)
        func reserve(_ more: Int) {
            if count + more > capacity { grow(count + more) }
        }

        @usableFromInline
        func grow(_ needed: Int) {
            var bigger = capacity * 2
            while bigger < needed { bigger *= 2 }
            let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
            moved.moveInitialize(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = bigger
        }

        @inlinable @inline(__always)
        func put(_ byte: UInt8) {
            reserve(1)
            base[count] = byte
            count += 1
        }

        @inlinable @inline(__always)
        func put(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            reserve(bytes.count)
            (base + count).initialize(from: source, count: bytes.count)
            count += bytes.count
        }

        /// `utf8` as a JSON string literal (see ``JSONWriter/string(_:)``). Runs without
        /// anything to escape are copied whole; eight bytes at a time are passed over while
        /// none of them needs escaping.
        func putQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
            reserve(utf8.count + 2)
            put(UInt8(ascii: "\""))
            let count = utf8.count
            var start = 0
            var i = 0
            while i < count {
                if i + 8 <= count, !JSONWriter.mayNeedEscape(UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let b = utf8[i]
                if b < 0x20 || b == 0x22 || b == 0x5C {
                    put(UnsafeBufferPointer(rebasing: utf8[start..<i]))
                    escape(b)
                    start = i + 1
                }
                i += 1
            }
            put(UnsafeBufferPointer(rebasing: utf8[start...]))
            put(UInt8(ascii: "\""))
        }

        /// Appends the escape sequence of `b` (a control character, `"` or `\\`).
        func escape(_ b: UInt8) {
            put(0x5C)
            switch b {
            case 0x22, 0x5C: put(b)
            case 0x08: put(UInt8(ascii: "b"))
            case 0x0C: put(UInt8(ascii: "f"))
            case 0x0A: put(UInt8(ascii: "n"))
            case 0x0D: put(UInt8(ascii: "r"))
            case 0x09: put(UInt8(ascii: "t"))
            default:
                put(UInt8(ascii: "u"))
                put(UInt8(ascii: "0"))
                put(UInt8(ascii: "0"))
                put(JSONWriter.hex[Int(b >> 4)])
                put(JSONWriter.hex[Int(b & 0xF)])
            }
        }
    }

    /// An empty writer with room for `capacity` bytes.
    package init(capacity: Int = 4096) { buffer = Buffer(capacity: capacity) }

    /// What was written.
    package func finish() -> String { String(decoding: UnsafeBufferPointer(start: buffer.base, count: buffer.count), as: UTF8.self) }

    /// A comma before every value but the first of an object or array.
    @inlinable @inline(__always)
    mutating func separate() {
        if needsComma { buffer.put(UInt8(ascii: ",")) }
        needsComma = true
    }

    /// Starts an object (`{`) or array (`[`) as a value.
    @inlinable @inline(__always)
    package mutating func open(_ bracket: Unicode.Scalar) {
        separate()
        buffer.put(UInt8(ascii: bracket))
        needsComma = false
    }

    /// Ends an object (`}`) or array (`]`).
    @inlinable @inline(__always)
    package mutating func close(_ bracket: Unicode.Scalar) {
        buffer.put(UInt8(ascii: bracket))
        needsComma = true
    }

    /// Writes `"name":`; the value follows.
    @inlinable @inline(__always)
    package mutating func key(_ name: StaticString) {
        separate()
        buffer.reserve(name.utf8CodeUnitCount + 3)
        buffer.put(UInt8(ascii: "\""))
        name.withUTF8Buffer { buffer.put($0) }
        buffer.put(UInt8(ascii: "\""))
        buffer.put(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes `"name":` for a name known only at run time (a dictionary key), escaped.
    package mutating func key(dynamic name: String) {
        string(name)
        buffer.put(UInt8(ascii: ":"))
        needsComma = false
    }

    /// An array of strings.
    package mutating func strings(_ values: [String]) {
        open("[")
        for value in values { string(value) }
        close("]")
    }

    /// An integer, in decimal.
    @inlinable
    package mutating func int<Value: BinaryInteger>(_ value: Value) {
        separate()
        guard let value = Int64(exactly: value) else {
            for byte in String(value).utf8 { buffer.put(byte) }
            return
        }
        // Digits from the right into a small buffer, then out in order.
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { digits in
            repeat {
                digits[23 - n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                n += 1
            } while magnitude > 0
            if value < 0 {
                digits[23 - n] = UInt8(ascii: "-")
                n += 1
            }
            buffer.put(UnsafeBufferPointer(start: digits.baseAddress!.assumingMemoryBound(to: UInt8.self) + (24 - n), count: n))
        }
    }

    /// `true` or `false`.
    package mutating func bool(_ value: Bool) {
        separate()
        for byte in (value ? "true" : "false").utf8 { buffer.put(byte) }
    }

    /// As `JSONEncoder` writes a `Double`: its description without a trailing `.0`. JSON has no
    /// infinities or NaN: those are written as `null`, so a line stays JSON whatever it holds.
    package mutating func double(_ value: Double) {
        separate()
        guard value.isFinite else {
            for byte in "null".utf8 { buffer.put(byte) }
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        text.withUTF8 { buffer.put($0) }
    }

    /// A string literal, escaped as `JSONEncoder` does: `"` and `\`, `\b \f \n \r \t`, other
    /// control characters as `\u00xx`; everything else (including `/`) as it is.
    package mutating func string(_ value: String) {
        separate()
        // Native strings lend their bytes without a copy of the string (and its retain).
        let buffer = buffer
        if value.utf8.withContiguousStorageIfAvailable({ buffer.putQuoted($0) }) != nil { return }
        var value = value
        value.withUTF8 { buffer.putQuoted($0) }
    }

    /// Whether any of eight bytes (a little-endian word) needs escaping: below 0x20, `"` or
    /// `\`. Never misses one, so a clear answer means all eight go out as they are.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let below = (word &- 0x20 &* ones) & ~word & highs
        return below != 0 || hasZero(word ^ (0x22 &* ones)) || hasZero(word ^ (0x5C &* ones))
    }
}
