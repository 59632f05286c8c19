import CLibXML2

/// Parses XML bytes into an ``XMLElement`` tree (flat storage, ``XMLTree``) with libxml2's
/// SAX2 push parser.
///
/// Safety: the parser never loads external DTDs or entities (`XML_PARSE_NONET`, no
/// `XML_PARSE_NOENT`, no DTD loading), refuses documents that declare entities (feeds have
/// no use for them; they are how billion-laughs and XXE documents attack), and stops once
/// the accumulated text passes ``maxTextBytes``. Malformed documents are recovered as far
/// as libxml2's recover mode allows; ``Result/wellFormed`` says whether that was needed.
public struct XMLDocumentParser: Sendable {
    /// The parsed tree and what the parser thought of the input.
    public struct Result: Sendable {
        /// The root element.
        public var root: XMLElement
        /// False when libxml2 had to recover from errors.
        public var wellFormed: Bool
        /// The first few parser errors, as `line N: message`.
        public var errors: [String]
    }

    /// Upper bound on character data kept from one document.
    public var maxTextBytes: Int

    /// Creates a parser.
    public init(maxTextBytes: Int = 64 << 20) {
        self.maxTextBytes = maxTextBytes
    }

    /// Parses `bytes`; throws ``FeedParseError`` when there is no usable root element or the
    /// document is refused for safety.
    public func parse(_ bytes: [UInt8], base: String? = nil, encoding: String? = nil, ignoreDeclaredEncoding: Bool = false) throws(FeedParseError) -> Result {
        let builder = SAXTreeBuilder(maxTextBytes: maxTextBytes, documentBase: base, documentBytes: bytes.count)
        // Counted before libxml2 reads the tags: its duplicate check is quadratic in them.
        let attributes = bytes.withUnsafeBufferPointer { MarkupTags.mostAttributes($0) }
        if attributes > builder.maxAttributes {
            throw FeedParseError(.refused, "an element has \(attributes) attributes (limit \(builder.maxAttributes))")
        }
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { ctx, localname, _, uri, _, _, nbAttributes, _, attributes in
            SAXTreeBuilder.with(ctx) { $0.start(localname, uri, Int(nbAttributes), attributes) }
        }
        handler.endElementNs = { ctx, _, _, _ in SAXTreeBuilder.with(ctx) { $0.end() } }
        handler.characters = { ctx, ch, len in SAXTreeBuilder.with(ctx) { $0.characters(ch, Int(len)) } }
        handler.cdataBlock = { ctx, ch, len in SAXTreeBuilder.with(ctx) { $0.characters(ch, Int(len)) } }
        handler.entityDecl = { ctx, name, _, _, _, _ in SAXTreeBuilder.with(ctx) { $0.refuse("declares entity '\(name.map { String(cString: $0) } ?? "?")'; feeds must not declare entities") } }
        handler.serror = { ctx, error in
            guard let ctx, let error else { return }
            SAXTreeBuilder.with(ctx) { $0.error(error.pointee) }
        }

        let unmanaged = Unmanaged.passRetained(builder)
        defer { unmanaged.release() }
        guard let ctxt = xmlCreatePushParserCtxt(&handler, unmanaged.toOpaque(), nil, 0, nil) else {
            throw FeedParseError(.notXML, "libxml2 could not create a parser context")
        }
        defer { xmlFreeParserCtxt(ctxt) }
        if let encoding {
            // HTTP announced a charset libxml2 decodes (Shift_JIS, KOI8-R…): it wins over the
            // document's declaration.
            guard xmlFindCharEncodingHandler(encoding) != nil else {
                throw FeedParseError(.notXML, "unsupported character encoding \(encoding)")
            }
            _ = xmlCtxtResetPush(ctxt, nil, 0, nil, encoding)
        }
        builder.context = ctxt
        var options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue)
        // The bytes were made UTF-8 (see FeedBytes): a declaration saying otherwise is stale.
        if ignoreDeclaredEncoding { options |= Int32(XML_PARSE_IGNORE_ENC.rawValue) }
        xmlCtxtUseOptions(ctxt, options)
        // Parse in chunks below Int32.max; the final call flushes.
        var offset = 0
        let chunk = 1 << 20
        bytes.withUnsafeBufferPointer { buffer in
            while offset < buffer.count, builder.refusal == nil {
                let n = min(chunk, buffer.count - offset)
                buffer.baseAddress!.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: n) {
                    _ = xmlParseChunk(ctxt, $0, Int32(n), 0)
                }
                offset += n
            }
        }
        if builder.refusal == nil { _ = xmlParseChunk(ctxt, nil, 0, 1) }

        if let refusal = builder.refusal { throw FeedParseError(.refused, refusal) }
        let truncated = !builder.stack.isEmpty
        builder.closeAll()
        guard let root = builder.tree().root else {
            let detail = builder.errors.first ?? "no root element"
            throw FeedParseError(.notXML, detail)
        }
        return Result(root: root, wellFormed: ctxt.pointee.wellFormed != 0 && builder.errors.isEmpty && !truncated, errors: builder.errors)
    }
}
