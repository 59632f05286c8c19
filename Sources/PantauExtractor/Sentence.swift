/// One sentence of a document.
public struct Sentence: Sendable, Hashable {
    /// UTF-8 byte offsets of the sentence (trimmed of surrounding whitespace).
    public var range: Range<Int>
    /// The text the sentence was found in, shared by all its sentences, and the sentence's
    /// bytes within it: a document's sentences cost no strings of their own until one is read.
    let source: String
    let slice: Range<Int>

    /// The sentence text.
    public var text: String {
        let utf8 = source.utf8
        return String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: slice.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: slice.upperBound)],
                      as: UTF8.self)
    }

    /// Creates a sentence.
    public init(range: Range<Int>, text: String) {
        self.range = range
        source = text
        slice = 0..<text.utf8.count
    }

    /// The sentence at `range` of `source` (offsets on scalar boundaries).
    init(range: Range<Int>, in source: String) {
        self.range = range
        self.source = source
        slice = range
    }

    /// Sentences are equal when their ranges and their texts are.
    public static func == (a: Sentence, b: Sentence) -> Bool { a.range == b.range && a.text == b.text }

    /// Hashes the range and the text, as ``==(_:_:)`` compares them.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(range)
        hasher.combine(text)
    }
}
