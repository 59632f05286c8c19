/// One sentence of a document.
public struct Sentence: Sendable, Hashable {
    /// UTF-8 byte offsets of the sentence (trimmed of surrounding whitespace).
    public var range: Range<Int>
    /// The sentence text.
    public var text: String

    /// Creates a sentence.
    public init(range: Range<Int>, text: String) {
        self.range = range
        self.text = text
    }
}
