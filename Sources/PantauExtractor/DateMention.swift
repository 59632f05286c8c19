/// A date or date range named in the text, resolved against the publication date.
public struct DateMention: Sendable, Hashable, Codable {
    /// The text as written (`Rabu (23/10)`, `awal Oktober`).
    public var text: String
    /// First day meant; nil when it cannot be resolved (no year and no publication date).
    public var start: CivilDate?
    /// Last day meant (equal to ``start`` for a single day).
    public var end: CivilDate?
    /// UTF-8 byte offsets of ``text``.
    public var span: Range<Int>
    /// Index of the sentence that holds it.
    public var sentence: Int
}
