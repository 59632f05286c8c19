import Glibc

/// Finds quotations (`“…”`, `"…"`) and their speakers (`“…,” ungkap Farah`, `kata Zelensky`,
/// `“…,” imbuhnya` = the previous speaker, `said Rutte`, `Rutte said: "…"`), and attributions
/// of reports to sources (`dilansir dari AFP`, `according to Reuters`, `Reuters reported`).
struct QuoteRecognizer: Sendable {
    let speech: CueTable
    let attribution: CueTable

    func quotes(_ doc: Document, entities: EntityRecognizer.Result) -> [Quote] {
        var out: [Quote] = []
        var previousSpeaker: String?
        for (open, close) in quoteSpans(doc.bytes) {
            let inner = (open.upperBound)..<(close.lowerBound)
            guard inner.count >= 8 else { continue }
            var speaker = speakerAfter(close.upperBound, doc, entities, previous: previousSpeaker)
            if speaker == nil { speaker = speakerBefore(open.lowerBound, doc, entities) }
            if let speaker { previousSpeaker = speaker }
            var text = doc.surface(inner)
            while let last = text.last, last == "," || last == " " { text.removeLast() }
            out.append(Quote(speaker: speaker, text: text, span: inner.lowerBound..<(inner.lowerBound + text.utf8.count)))
        }
        return out
    }

    /// Pairs of (opening mark, closing mark) byte ranges: curly quotes, or straight quotes
    /// taken in pairs.
    func quoteSpans(_ bytes: [UInt8]) -> [(Range<Int>, Range<Int>)] {
        // Most items quote no one: two memchr passes settle that without a byte loop.
        let hasQuote = bytes.withUnsafeBufferPointer { b -> Bool in
            guard let base = b.baseAddress else { return false }
            return memchr(base, 0x22, b.count) != nil || memchr(base, 0xE2, b.count) != nil
        }
        guard hasQuote else { return [] }
        var out: [(Range<Int>, Range<Int>)] = []
        var openCurly: Int?
        var openStraight: Int?
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 {
                if bytes[i + 2] == 0x9C { openCurly = i }
                else if bytes[i + 2] == 0x9D, let o = openCurly { out.append((o..<(o + 3), i..<(i + 3))); openCurly = nil }
                i += 3
                continue
            }
            if bytes[i] == 0x22 {
                if let o = openStraight { out.append((o..<(o + 1), i..<(i + 1))); openStraight = nil } else { openStraight = i }
            } else if bytes[i] == 0x0A {
                openStraight = nil                     // straight quotes do not span paragraphs
            }
            i += 1
        }
        return out.sorted { $0.0.lowerBound < $1.0.lowerBound }
    }

    /// First token index at or after byte `offset`.
    func token(from offset: Int, _ doc: Document) -> Int? {
        let k = partitionPoint(doc.tokens.count) { doc.tokens[$0].range.lowerBound >= offset }
        return k < doc.tokens.count ? k : nil
    }

    func speakerAfter(_ offset: Int, _ doc: Document, _ entities: EntityRecognizer.Result, previous: String?) -> String? {
        guard let k = token(from: offset, doc), doc.tokens[k].range.lowerBound - offset <= 3 else { return nil }
        let tokens = doc.tokens
        // ", ungkap Farah" / ", imbuhnya" / ", said Rutte"
        if let (length, _) = speech.match(at: k, in: doc) {
            if tokens[k].folded.hasSuffix("nya") && tokens[k].folded != tokens[k].stem { return previous }
            var s = k + length
            while s < min(k + length + 3, tokens.count), entities.span(at: s) == nil, !doc.isCapitalized(s) || ["the", "a"].contains(tokens[s].folded) { s += 1 }
            if let span = entities.span(at: s) { return entities.entities[span.entity].name }
            if s < tokens.count, ["he", "she", "ia", "dia", "beliau"].contains(tokens[s].folded) { return previous }
            return nil
        }
        // ", Rutte said" / ", he said"
        if let span = entities.span(at: k), speech.match(at: span.tokens.upperBound, in: doc) != nil {
            return entities.entities[span.entity].name
        }
        if ["he", "she", "ia", "dia"].contains(tokens[k].folded), speech.match(at: k + 1, in: doc) != nil { return previous }
        return nil
    }

    func speakerBefore(_ offset: Int, _ doc: Document, _ entities: EntityRecognizer.Result) -> String? {
        guard let first = token(from: offset, doc) else { return nil }
        // "Rutte said: “…" / "kata Zelensky, “…"
        let lo = max(0, first - 4)
        for k in stride(from: first - 1, through: lo, by: -1) {
            if let span = entities.span(at: k), span.tokens.upperBound <= first {
                let verbAfter = speech.match(at: span.tokens.upperBound, in: doc) != nil
                let verbBefore = k > 0 && speech.match(at: k - 1, in: doc) != nil
                if verbAfter || verbBefore { return entities.entities[span.entity].name }
            }
        }
        return nil
    }

    func attributions(_ doc: Document, entities: EntityRecognizer.Result) -> [Attribution] {
        let tokens = doc.tokens
        var out: [Attribution] = []
        var i = 0
        while i < tokens.count {
            if let (length, _) = attribution.match(at: i, in: doc) {
                var s = i + length
                while s < min(i + length + 3, tokens.count), entities.span(at: s) == nil, tokens[s].sentence == tokens[i].sentence,
                      ["kantor", "berita", "media", "the", "news", "agency", "laman", "situs", "harian"].contains(tokens[s].folded) { s += 1 }
                if let span = entities.span(at: s), tokens[s].sentence == tokens[i].sentence {
                    let entity = entities.entities[span.entity]
                    let last = span.tokens.upperBound - 1
                    out.append(Attribution(name: entity.name, type: entity.type, text: doc.surface(tokens: i, last),
                                           span: tokens[i].range.lowerBound..<tokens[last].range.upperBound, sentence: tokens[i].sentence))
                    i = span.tokens.upperBound
                    continue
                }
            }
            // "Reuters reported", "kata media Yonhap"
            if let span = entities.span(at: i), entities.entities[span.entity].type == .media,
               span.tokens.upperBound < tokens.count, ["report", "lapor"].contains(tokens[span.tokens.upperBound].stem) {
                let entity = entities.entities[span.entity]
                let last = span.tokens.upperBound
                out.append(Attribution(name: entity.name, type: entity.type, text: doc.surface(tokens: i, last),
                                       span: tokens[i].range.lowerBound..<tokens[last].range.upperBound, sentence: tokens[i].sentence))
                i = last + 1
                continue
            }
            i += 1
        }
        return out
    }
}
