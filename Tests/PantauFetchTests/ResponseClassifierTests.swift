import Foundation
import Testing
@testable import PantauFetch

@Suite struct ResponseClassifierTests {
    let now = Date(timeIntervalSince1970: 1_729_652_400)  // 2024-10-23T03:00:00Z
    let classifier = ResponseClassifier()

    struct Case: Sendable, CustomTestStringConvertible {
        var status: Int
        var headers: HTTPHeaders
        var expected: ResponseClass
        var testDescription: String { "\(status) \(headers.fields.map { "\($0.name)=\($0.value)" })" }
    }

    static let cases: [Case] = [
        Case(status: 200, headers: ["ETag": "\"x\"", "Last-Modified": "Wed, 23 Oct 2024 01:00:00 GMT"],
             expected: .content(Validators(etag: "\"x\"", lastModified: "Wed, 23 Oct 2024 01:00:00 GMT"))),
        Case(status: 200, headers: [:], expected: .content(Validators())),
        Case(status: 0, headers: [:], expected: .content(Validators())),
        Case(status: 203, headers: ["etag": " \"w\" "], expected: .content(Validators(etag: "\"w\""))),
        Case(status: 304, headers: ["ETag": "\"x\""], expected: .notModified),
        Case(status: 429, headers: ["Retry-After": "120"], expected: .retryLater(status: 429, retryAfter: 120)),
        Case(status: 429, headers: [:], expected: .retryLater(status: 429, retryAfter: nil)),
        Case(status: 503, headers: ["Retry-After": "Wed, 23 Oct 2024 03:10:00 GMT"], expected: .retryLater(status: 503, retryAfter: 600)),
        Case(status: 503, headers: ["Retry-After": "Wed, 23 Oct 2024 02:00:00 GMT"], expected: .retryLater(status: 503, retryAfter: 0)),
        Case(status: 503, headers: ["Retry-After": "soon"], expected: .retryLater(status: 503, retryAfter: nil)),
        Case(status: 503, headers: ["Retry-After": "-5"], expected: .retryLater(status: 503, retryAfter: nil)),
        Case(status: 404, headers: [:], expected: .failed(status: 404, permanent: true)),
        Case(status: 410, headers: [:], expected: .failed(status: 410, permanent: true)),
        Case(status: 403, headers: [:], expected: .failed(status: 403, permanent: true)),
        Case(status: 500, headers: [:], expected: .failed(status: 500, permanent: false)),
        Case(status: 502, headers: [:], expected: .failed(status: 502, permanent: false)),
        Case(status: 400, headers: [:], expected: .failed(status: 400, permanent: false)),
    ]

    @Test(arguments: cases)
    func classifiesResponse(_ c: Case) {
        #expect(classifier.classify(status: c.status, headers: c.headers, now: now) == c.expected)
    }

    @Test(arguments: [
        ("application/rss+xml; charset=UTF-8", "application/rss+xml", "utf-8", true),
        ("text/xml;charset=\"ISO-8859-1\"", "text/xml", "iso-8859-1", true),
        ("Application/Atom+XML", "application/atom+xml", nil, true),
        ("text/html; charset=utf-8", "text/html", "utf-8", false),
        ("application/feed+json", "application/feed+json", nil, true),
        ("image/png", "image/png", nil, false),
    ] as [(String, String, String?, Bool)])
    func readsMediaTypeAndCharset(header: String, mediaType: String, charset: String?, feedLike: Bool) {
        let parsed = classifier.contentType(["Content-Type": header])
        #expect(parsed.mediaType == mediaType)
        #expect(parsed.charset == charset)
        #expect(classifier.mayBeFeed(mediaType: parsed.mediaType) == feedLike)
    }
}
