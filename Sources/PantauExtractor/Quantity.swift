/// A counted amount in the text, tied to what it counts.
public struct Quantity: Sendable, Hashable, Codable {
    /// The number (`1500`); for an approximate plural (`ribuan`, `thousands`) its lower bound.
    public var value: Double
    /// What is counted (`troops`, `ships`), a unit (`percent`, `IDR`), or the counted noun as written.
    public var unit: String?
    /// True for approximate amounts (`sekitar`, `about`, `ribuan`, `several thousand`).
    public var approximate: Bool
    /// True when ``value`` is only a lower bound (`ribuan tentara`, `more than 1,000`).
    public var atLeast: Bool
    /// The text of the amount and its unit.
    public var text: String
    /// UTF-8 byte offsets of ``text``.
    public var span: Range<Int>
    /// Index of the sentence that holds it.
    public var sentence: Int

    enum CodingKeys: String, CodingKey {
        case value, unit, approximate, text, span, sentence
        case atLeast = "at_least"
    }
}
