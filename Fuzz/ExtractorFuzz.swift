// libFuzzer target for the extractor. Not part of the package build or CI:
// scripts/fuzz-extractor.sh compiles it with swiftc together with Sources/PantauExtractor and
// its embedded resources (libFuzzer supplies `main`) and runs it for a bounded time. Any text
// must extract without a crash, a memory error (AddressSanitizer), a hang (libFuzzer's
// -timeout) or a value JSON cannot hold (`JSONEncoder` refuses inf and NaN), with every span
// inside the text.

import Foundation

let fuzzExtractor = Extractor()
let fuzzEncoder = JSONEncoder()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtract(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    // The first byte picks the language (detected, Indonesian or English) and a publication
    // date for relative dates; the rest is the text, however malformed its UTF-8.
    let languages: [Language?] = [nil, .indonesian, .english]
    let language = languages[Int(data[0]) % 3]
    let published = data[0] & 4 == 0 ? nil : CivilDate(year: 2024, month: 10, day: 24)
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let extraction = fuzzExtractor.extract(text, language: language, published: published)
    let bytes = text.utf8.count
    for entity in extraction.entities {
        for mention in entity.mentions { precondition(mention.span.upperBound <= bytes, "entity span past the text") }
    }
    for q in extraction.quantities { precondition(q.span.upperBound <= bytes && q.value.isFinite, "quantity \(q)") }
    for q in extraction.quotes { precondition(q.span.upperBound <= bytes, "quote span past the text") }
    for f in extraction.events { precondition(f.sentence < extraction.sentences.count, "frame sentence") }
    do {
        _ = try fuzzEncoder.encode(extraction.entities)
        _ = try fuzzEncoder.encode(extraction.quantities)
        _ = try fuzzEncoder.encode(extraction.dates)
        _ = try fuzzEncoder.encode(extraction.quotes)
        _ = try fuzzEncoder.encode(extraction.attributions)
        _ = try fuzzEncoder.encode(extraction.events)
    } catch {
        fatalError("extraction not encodable as JSON: \(error)")
    }
    return 0
}
