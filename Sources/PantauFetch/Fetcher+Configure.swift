import CCurl

extension Fetcher {
    /// Sets every libcurl option for one transfer: URL and scheme limits, redirects,
    /// timeouts, size limit, compression, validators and callbacks.
    func configure(_ transfer: Transfer) throws(FetchError) {
        let easy = transfer.easy
        let request = transfer.request
        let url = request.url
        func set(_ option: CURLoption, _ value: Int) throws(FetchError) {
            try FetchError.check(ccurl_easy_setopt_long(easy, option, value), "setting option \(option.rawValue)", url: url)
        }
        func set(_ option: CURLoption, _ value: String) throws(FetchError) {
            try FetchError.check(ccurl_easy_setopt_string(easy, option, value), "setting option \(option.rawValue)", url: url)
        }
        try set(CURLOPT_URL, url)
        // Only these schemes, and a redirect can never reach file://.
        try set(CURLOPT_PROTOCOLS_STR, "http,https,file")
        try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_FOLLOWLOCATION, 1)
        try set(CURLOPT_MAXREDIRS, request.limits.maxRedirects)
        try set(CURLOPT_NOSIGNAL, 1)
        // HTTP/2 when the server offers it over TLS (ALPN), and a new transfer to a host
        // whose connection is still being set up waits to run as another stream on it
        // rather than opening a second connection.
        try set(CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS)
        try set(CURLOPT_PIPEWAIT, 1)
        // Feeds are tens of kilobytes: read them in one or two recv calls, not 16 KiB at a time.
        try set(CURLOPT_BUFFERSIZE, 128 << 10)
        try set(CURLOPT_CONNECTTIMEOUT_MS, Int(request.limits.connectTimeout * 1000))
        try set(CURLOPT_TIMEOUT_MS, Int(request.limits.totalTimeout * 1000))
        try FetchError.check(ccurl_easy_setopt_off_t(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.limits.maxBodyBytes)), "setting the size limit", url: url)
        try set(CURLOPT_LOW_SPEED_LIMIT, request.limits.lowSpeedBytesPerSecond)
        try set(CURLOPT_LOW_SPEED_TIME, request.limits.lowSpeedSeconds)
        if let caFile = request.limits.caFile { try set(CURLOPT_CAINFO, caFile) }
        try set(CURLOPT_ACCEPT_ENCODING, "")  // every encoding this libcurl supports
        try set(CURLOPT_USERAGENT, configuration.userAgent)
        try FetchError.check(ccurl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, transfer.errorBuffer), "setting the error buffer", url: url)
        try FetchError.check(ccurl_easy_setopt_pointer(easy, CURLOPT_PRIVATE, UnsafeMutableRawPointer(bitPattern: transfer.id)), "setting private data", url: url)

        var list: UnsafeMutablePointer<curl_slist>?
        if let body = request.body {
            // A POST (webhook sinks). The body is copied by libcurl; easy handles are reused,
            // so a GET below resets the method explicitly.
            try set(CURLOPT_POSTFIELDSIZE, body.count)
            var bytes = body + [0]
            let code = bytes.withUnsafeMutableBytes { ccurl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) }
            try FetchError.check(code, "setting the request body", url: url)
            try set(CURLOPT_POSTREDIR, 7)  // keep POST across 301/302/303 redirects
            list = curl_slist_append(list, "Content-Type: \(request.contentType ?? "application/octet-stream")")
        } else {
            try set(CURLOPT_HTTPGET, 1)
        }
        if let etag = request.etag { list = curl_slist_append(list, "If-None-Match: \(etag)") }
        if let lastModified = request.lastModified { list = curl_slist_append(list, "If-Modified-Since: \(lastModified)") }
        if let list {
            transfer.headerList = list
            try FetchError.check(ccurl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, list), "setting request headers", url: url)
        }

        let context = Unmanaged.passUnretained(transfer).toOpaque()
        try FetchError.check(ccurl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context), "setting write data", url: url)
        try FetchError.check(ccurl_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION) { pointer, size, count, userdata in
            let transfer = Unmanaged<Transfer>.fromOpaque(userdata!).takeUnretainedValue()
            let length = size * count
            // Returning less than `length` aborts the transfer with CURLE_WRITE_ERROR.
            return transfer.receive(UnsafeRawBufferPointer(start: pointer, count: length)) ? length : 0
        }, "setting the write callback", url: url)
        try FetchError.check(ccurl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context), "setting header data", url: url)
        try FetchError.check(ccurl_easy_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION) { pointer, size, count, userdata in
            let transfer = Unmanaged<Transfer>.fromOpaque(userdata!).takeUnretainedValue()
            transfer.receiveHeader(UnsafeRawBufferPointer(start: pointer, count: size * count))
            return size * count
        }, "setting the header callback", url: url)
    }
}
