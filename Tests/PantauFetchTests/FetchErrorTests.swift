import CCurl
import Testing
@testable import PantauFetch

@Suite struct FetchErrorTests {
    @Test(arguments: [
        (CURLE_COULDNT_RESOLVE_HOST, FetchError.Kind.dns),
        (CURLE_COULDNT_CONNECT, .connect),
        (CURLE_OPERATION_TIMEDOUT, .timeout),
        (CURLE_PEER_FAILED_VERIFICATION, .tls),
        (CURLE_SSL_CONNECT_ERROR, .tls),
        (CURLE_TOO_MANY_REDIRECTS, .tooManyRedirects),
        (CURLE_FILESIZE_EXCEEDED, .tooLarge),
        (CURLE_BAD_CONTENT_ENCODING, .decompression),
        (CURLE_FILE_COULDNT_READ_FILE, .file),
        (CURLE_UNSUPPORTED_PROTOCOL, .unsupportedURL),
        (CURLE_RECV_ERROR, .transfer),
    ])
    func classifiesLibcurlCodes(code: CURLcode, kind: FetchError.Kind) {
        let error = FetchError(curlCode: code, url: "https://example.org/feed", detail: "detail", bodyLimit: nil)
        #expect(error.kind == kind)
        #expect(error.curlCode == Int(code.rawValue))
        #expect(error.description.contains("https://example.org/feed"))
        #expect(error.description.contains("detail"))
    }

    @Test func aWriteAbortAtTheLimitIsTooLargeAndSaysWhatToRaise() {
        let error = FetchError(curlCode: CURLE_WRITE_ERROR, url: "u", detail: nil, bodyLimit: 1000)
        #expect(error.kind == .tooLarge)
        #expect(error.message.contains("1000") && error.message.contains("max_body_bytes"))
    }
}
