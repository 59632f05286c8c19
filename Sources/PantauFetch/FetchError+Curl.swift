import CCurl

extension FetchError {
    /// The one place a libcurl result code becomes a Swift error: the kind, libcurl's
    /// message, and the detail from the transfer's error buffer.
    init(curlCode code: CURLcode, url: String, detail: String?, bodyLimit: Int?) {
        let kind: Kind
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: kind = .dns
        case CURLE_COULDNT_CONNECT: kind = .connect
        case CURLE_OPERATION_TIMEDOUT: kind = .timeout
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND,
             CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE,
             CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS:
            kind = .tls
        case CURLE_TOO_MANY_REDIRECTS: kind = .tooManyRedirects
        case CURLE_FILESIZE_EXCEEDED: kind = .tooLarge
        case CURLE_BAD_CONTENT_ENCODING: kind = .decompression
        case CURLE_FILE_COULDNT_READ_FILE, CURLE_READ_ERROR: kind = .file
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT: kind = .unsupportedURL
        default: kind = .transfer
        }
        var message = String(cString: curl_easy_strerror(code))
        if let detail, !detail.isEmpty, detail != message { message += ": " + detail }
        if let bodyLimit, kind == .tooLarge || code == CURLE_WRITE_ERROR {
            self.init(.tooLarge, url: url, message: "body larger than the limit of \(bodyLimit) bytes; raise max_body_bytes if the feed is really this big", curlCode: Int(code.rawValue))
            return
        }
        self.init(kind, url: url, message: message, curlCode: Int(code.rawValue))
    }

    /// Checks the result of a libcurl setup call (`curl_easy_setopt` and friends).
    static func check(_ code: CURLcode, _ what: @autoclosure () -> String, url: String) throws(FetchError) {
        guard code != CURLE_OK else { return }
        throw FetchError(.setup, url: url, message: "\(what()) failed: \(String(cString: curl_easy_strerror(code)))", curlCode: Int(code.rawValue))
    }
}
