import Foundation

/// Link handling shared by every format: resolving relative references and the identity
/// form of a link.
enum FeedURL {
    /// `reference` made absolute against `base` (an `xml:base` or the feed's URL); the
    /// reference as written when it cannot be resolved.
    static func resolve(_ reference: String, against base: String?) -> String {
        let ref = reference.trimmingWhitespace()
        guard let base, !base.isEmpty, !ref.isEmpty else { return ref }
        if ref.hasPrefix("http://") || ref.hasPrefix("https://") { return ref }
        guard let baseURL = URL(string: base), let url = URL(string: ref, relativeTo: baseURL) else { return ref }
        return url.absoluteString
    }

    /// Query parameters that only track the reader (`utm_source`, `fbclid`…): dropped from a
    /// link before it serves as an item's identity, so the same article keeps its id.
    static func isTrackingParameter(_ name: String) -> Bool {
        let n = name.lowercased()
        return n.hasPrefix("utm_") || ["fbclid", "gclid", "dclid", "mc_cid", "mc_eid", "yclid", "igshid", "_hsenc", "_hsmi", "ref_src", "ncid", "cmpid"].contains(n)
    }

    /// The identity form of a link: tracking parameters and the fragment removed.
    static func identity(_ link: String) -> String {
        guard link.contains("?") || link.contains("#"), var components = URLComponents(string: link) else { return link }
        components.fragment = nil
        if let items = components.queryItems {
            let kept = items.filter { !isTrackingParameter($0.name) }
            components.queryItems = kept.isEmpty ? nil : kept
        }
        return components.string ?? link
    }
}
