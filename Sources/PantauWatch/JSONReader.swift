/// Reads JSON one value at a time, for documents whose shape the caller knows (the stored
/// stories): no `Any` tree and no dynamic casts, which made `JSONSerialization` most of the
/// time of loading a few thousand stories at the first alert. Strict RFC 8259 syntax;
/// members may come in any order and unknown ones are skipped with ``skipValue()``.
///
/// ```swift
/// var r = JSONReader(bytes)
/// try r.beginObject()
/// while let key = try r.nextKey() {
///     switch key {
///     case "name": name = try r.string()
///     default: try r.skipValue()
///     }
/// }
/// try r.end()
/// ```
package struct JSONReader {
    /// Where and why the input is not what was asked for.
    package struct Failure: Error, CustomStringConvertible {
        /// Byte offset in the input.
        package var offset: Int
        /// What was expected.
        package var expected: String
        package var description: String { "JSON: expected \(expected) at byte \(offset)" }
    }

    private let bytes: [UInt8]
    private var i = 0
    /// Whether the container being read has had a member or element yet (for commas).
    private var started: [Bool] = []

    /// A reader at the start of `bytes`.
    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    private func fail(_ expected: String) -> Failure { Failure(offset: i, expected: expected) }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        skipSpace()
        guard i < bytes.count, bytes[i] == byte else { throw fail(what) }
        i += 1
    }

    private mutating func peek() -> UInt8? {
        skipSpace()
        return i < bytes.count ? bytes[i] : nil
    }

    /// Reads `{`.
    package mutating func beginObject() throws(Failure) {
        try expect(UInt8(ascii: "{"), "{")
        started.append(false)
    }

    /// The next member's name, or nil after the object's `}`. The caller reads the value.
    package mutating func nextKey() throws(Failure) -> String? {
        guard try another(closing: UInt8(ascii: "}"), in: "object") else { return nil }
        let key = try string()
        try expect(UInt8(ascii: ":"), ":")
        return key
    }

    /// Reads `[`.
    package mutating func beginArray() throws(Failure) {
        try expect(UInt8(ascii: "["), "[")
        started.append(false)
    }

    /// True when another element follows (the caller reads it), false after the `]`.
    package mutating func nextElement() throws(Failure) -> Bool {
        try another(closing: UInt8(ascii: "]"), in: "array")
    }

    /// In the open container: false after its `closing` bracket (and closes it); true when
    /// a member or element follows, after the comma that separates it from the one before.
    private mutating func another(closing: UInt8, in container: String) throws(Failure) -> Bool {
        guard let first = started.last else { throw fail("an open \(container)") }
        if peek() == closing {
            i += 1
            started.removeLast()
            return false
        }
        if first { try expect(UInt8(ascii: ","), ", or \(Character(Unicode.Scalar(closing)))") }
        started[started.count - 1] = true
        return true
    }

    /// Checks that only whitespace is left.
    package mutating func end() throws(Failure) {
        skipSpace()
        guard i == bytes.count, started.isEmpty else { throw fail("the end of the document") }
    }

    /// A string value, escapes decoded (lone surrogates become U+FFFD).
    package mutating func string() throws(Failure) -> String {
        try expect(UInt8(ascii: "\""), "a string")
        let start = i
        // Common case: no escape, copied in one piece.
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") {
            guard bytes[i] >= 0x20 else { throw fail("no control character in a string") }
            i += 1
        }
        guard i < bytes.count else { throw fail("the end of the string") }
        if bytes[i] == UInt8(ascii: "\"") {
            i += 1
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<(i - 1)]), as: UTF8.self) }
        }
        var out = Array(bytes[start..<i])
        while true {
            guard i < bytes.count else { throw fail("the end of the string") }
            let b = bytes[i]
            i += 1
            switch b {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard i < bytes.count else { throw fail("an escape") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        let save = i
                        i += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = save
                        }
                    }
                    out.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
                default:
                    i -= 1
                    throw fail("a valid escape")
                }
            default:
                guard b >= 0x20 else {
                    i -= 1
                    throw fail("no control character in a string")
                }
                out.append(b)
            }
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw fail("a hex digit")
            }
            value = value << 4 | UInt32(digit)
            i += 1
        }
        return value
    }

    /// The text of a number, checked against the JSON grammar.
    private mutating func numberText() throws(Failure) -> Range<Int> {
        skipSpace()
        let start = i
        func digits() -> Int {
            let from = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            return i - from
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        let intDigits = digits()
        guard intDigits > 0, intDigits == 1 || bytes[intStart] != UInt8(ascii: "0") else { i = start; throw fail("a number") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw fail("digits after the decimal point") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw fail("exponent digits") }
        }
        return start..<i
    }

    /// A number as a `Double` (correctly rounded).
    package mutating func double() throws(Failure) -> Double {
        let at = i
        let range = try numberText()
        guard let value = Double(String(decoding: bytes[range], as: UTF8.self)) else { i = at; throw fail("a number") }
        return value
    }

    /// A non-negative integer that fits in 64 bits, read exactly.
    package mutating func uint64() throws(Failure) -> UInt64 {
        let at = i
        let range = try numberText()
        var value: UInt64 = 0
        for b in bytes[range] {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { i = at; throw fail("an unsigned integer") }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(b - UInt8(ascii: "0")))
            guard !o1, !o2 else { i = at; throw fail("an integer below 2^64") }
            value = sum
        }
        return value
    }

    /// True when the next value is `null` (and consumes it).
    package mutating func null() -> Bool {
        guard peek() == UInt8(ascii: "n"), i + 4 <= bytes.count, bytes[i..<(i + 4)].elementsEqual("null".utf8) else { return false }
        i += 4
        return true
    }

    /// Reads any value and drops it.
    package mutating func skipValue() throws(Failure) {
        switch peek() {
        case UInt8(ascii: "{"):
            try beginObject()
            while try nextKey() != nil { try skipValue() }
        case UInt8(ascii: "["):
            try beginArray()
            while try nextElement() { try skipValue() }
        case UInt8(ascii: "\""):
            _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            for word in ["true", "false", "null"] where bytes[i...].starts(with: word.utf8) {
                i += word.utf8.count
                return
            }
            throw fail("a value")
        default:
            _ = try numberText()
        }
    }
}
