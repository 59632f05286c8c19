import CCurl
import CEpoll
import Dispatch
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// Performs HTTP(S) and `file://` transfers with libcurl's multi interface, driven by
/// Dispatch: the sockets libcurl watches sit in one epoll set, whose descriptor one Dispatch
/// read source watches, and one Dispatch timer, all on the fetcher's serial queue, which is
/// also the actor's executor.
///
/// libcurl calls back (socket, timer, write, header) only from inside
/// `curl_multi_socket_action`, which runs on that queue, so the callbacks enter the actor
/// with `assumeIsolated`. Completions are called on the queue as well.
public actor Fetcher {
    /// Settings shared by all curl.transfers.
    public struct Configuration: Sendable {
        /// Transfers running at once; more wait in a queue.
        public var maxConcurrent: Int
        /// Transfers per host (scheme, host and port) at once; more wait in the queue, so
        /// their timeouts do not run while they wait.
        public var maxPerHost: Int
        /// The `User-Agent` header.
        public var userAgent: String

        /// Creates a configuration.
        public init(maxConcurrent: Int = 64, maxPerHost: Int = 2, userAgent: String = Fetcher.defaultUserAgent) {
            self.maxConcurrent = max(1, maxConcurrent)
            self.maxPerHost = max(1, maxPerHost)
            self.userAgent = userAgent
        }
    }

    /// `Pantau/<version> (self-hosted news feed watcher)`.
    public static let defaultUserAgent = userAgent(contact: nil)

    /// The `User-Agent` naming Pantau and its version, with the operator's contact when given:
    /// `Pantau/0.1.0 (self-hosted news feed watcher; +https://example.org/ops)`.
    public static func userAgent(contact: String?) -> String {
        let suffix = contact.map { "; +\($0)" } ?? ""
        return "Pantau/\(PantauVersion.string) (self-hosted news feed watcher\(suffix))"
    }

    /// The executor (and queue) the fetcher runs on; other actors may share it.
    public nonisolated let executor: DispatchQueueExecutor
    /// The actor's executor: ``executor``.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    let configuration: Configuration
    let logger: Logger
    let curl: CurlMulti
    var nextID = 1

    static let globalInit: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    /// Creates a fetcher on `executor` (a new one by default).
    public init(configuration: Configuration = Configuration(), executor: DispatchQueueExecutor = DispatchQueueExecutor(label: "pantau.fetch"), logger: Logger) {
        _ = Self.globalInit
        self.configuration = configuration
        self.executor = executor
        self.logger = logger
        let curl = CurlMulti()
        self.curl = curl
        let multi = curl.multi
        let userp = Unmanaged.passUnretained(self).toOpaque()
        ccurl_multi_setopt_pointer(multi, CURLMOPT_SOCKETDATA, userp)
        ccurl_multi_setopt_pointer(multi, CURLMOPT_TIMERDATA, userp)
        ccurl_multi_setopt_socket_callback(multi) { _, socket, what, userp, _ in
            Fetcher.from(userp).assumeIsolated { $0.watch(socket: socket, what: what) }
            return 0
        }
        ccurl_multi_setopt_timer_callback(multi) { _, timeoutMS, userp in
            Fetcher.from(userp).assumeIsolated { $0.armTimer(milliseconds: timeoutMS) }
            return 0
        }
        ccurl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, configuration.maxPerHost)
        ccurl_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, configuration.maxConcurrent)
        if curl.epoll >= 0 {
            let source = DispatchSource.makeReadSource(fileDescriptor: curl.epoll, queue: executor.queue)
            source.setEventHandler { [weak self] in
                self?.assumeIsolated { $0.socketsReady() }
            }
            let epoll = curl.epoll
            source.setCancelHandler { _ = Glibc.close(epoll) }
            source.resume()
            curl.readySource = source
        } else {
            logger.critical("epoll_create1 failed: no transfer can run", metadata: ["errno": "\(errno)"])
        }
        let timer = DispatchSource.makeTimerSource(queue: executor.queue)
        timer.setEventHandler { [weak self] in
            self?.assumeIsolated { $0.timerFired() }
        }
        timer.schedule(deadline: .distantFuture)
        timer.resume()
        curl.timer = timer
    }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> Fetcher {
        Unmanaged<Fetcher>.fromOpaque(pointer!).takeUnretainedValue()
    }

    /// Fetches `request` and returns the response or the transport error.
    public func fetch(_ request: FetchRequest) async -> Result<FetchResponse, FetchError> {
        await withCheckedContinuation { continuation in
            start(request) { continuation.resume(returning: $0) }
        }
    }

    /// Starts `request`; `completion` runs later on the fetcher's queue, never before this
    /// returns. Returns an id for ``cancel(_:)``.
    @discardableResult
    public func start(_ request: FetchRequest, completion: @escaping @Sendable (Result<FetchResponse, FetchError>) -> Void) -> Int {
        let id = nextID
        nextID += 1
        let queue = executor.queue
        guard let easy = curl.takeHandle() else {
            queue.async { completion(.failure(FetchError(.setup, url: request.url, message: "curl_easy_init failed"))) }
            return id
        }
        let transfer = Transfer(id: id, request: request, easy: easy, completion: completion)
        do {
            try configure(transfer)
        } catch {
            curl.returnHandle(easy)
            queue.async { completion(.failure(error)) }
            return id
        }
        if canStart(transfer) {
            add(transfer)
        } else {
            curl.waiting.append(transfer)
        }
        return id
    }

    /// Cancels a queued or running transfer; its completion then gets a `.cancelled` error
    /// (later, on the queue).
    public func cancel(_ id: Int) {
        let transfer: Transfer
        if let index = curl.waiting.firstIndex(where: { $0.id == id }) {
            transfer = curl.waiting.remove(at: index)
            curl.returnHandle(transfer.easy)
        } else if let running = curl.transfers.removeValue(forKey: id) {
            transfer = running
            curl_multi_remove_handle(curl.multi, running.easy)
            curl.returnHandle(running.easy)
            released(running)
            startWaiting()
        } else {
            return
        }
        let completion = transfer.completion
        let url = transfer.request.url
        executor.queue.async { completion(.failure(FetchError(.cancelled, url: url, message: "cancelled"))) }
    }

    /// Under the global limit, and under the per-host limit for network URLs.
    func canStart(_ transfer: Transfer) -> Bool {
        guard curl.transfers.count < configuration.maxConcurrent else { return false }
        return transfer.host == "file://" || curl.runningPerHost[transfer.host, default: 0] < configuration.maxPerHost
    }

    func released(_ transfer: Transfer) {
        let remaining = curl.runningPerHost[transfer.host, default: 1] - 1
        curl.runningPerHost[transfer.host] = remaining > 0 ? remaining : nil
    }

    func add(_ transfer: Transfer) {
        curl.transfers[transfer.id] = transfer
        curl.runningPerHost[transfer.host, default: 0] += 1
        let code = curl_multi_add_handle(curl.multi, transfer.easy)
        if code != CURLM_OK {
            curl.transfers[transfer.id] = nil
            released(transfer)
            curl.returnHandle(transfer.easy)
            let completion = transfer.completion
            let url = transfer.request.url
            executor.queue.async { completion(.failure(FetchError(.setup, url: url, message: "curl_multi_add_handle: \(String(cString: curl_multi_strerror(code)))"))) }
        }
    }

    /// Starts queued transfers in order, skipping those whose host is at its limit.
    func startWaiting() {
        var index = 0
        while index < curl.waiting.count, curl.transfers.count < configuration.maxConcurrent {
            if canStart(curl.waiting[index]) {
                add(curl.waiting.remove(at: index))
            } else {
                index += 1
            }
        }
    }

    // MARK: libcurl's event loop on Dispatch

    func socketAction(_ socket: curl_socket_t, _ events: Int32) {
        var running: Int32 = 0
        let code = curl_multi_socket_action(curl.multi, socket, events, &running)
        if code != CURLM_OK {
            logger.error("curl_multi_socket_action failed", metadata: ["error": "\(String(cString: curl_multi_strerror(code)))"])
        }
        collectFinished()
    }

    /// The epoll set is readable: serves every ready socket (one `epoll_wait` without
    /// waiting), then collects finished transfers. More ready sockets than one batch keep
    /// the set readable, and Dispatch calls again.
    func socketsReady() {
        let count = cepoll_ready(curl.epoll, curl.readyFDs, curl.readyEvents, Int32(CurlMulti.readyBatch))
        guard count > 0 else { return }
        for i in 0..<Int(count) {
            let socket = curl.readyFDs[i]
            guard Int(socket) < curl.sockets.count, curl.sockets[Int(socket)].wanted != 0 else {
                unregister(socket: socket)
                continue
            }
            let events = curl.readyEvents[i]
            var mask: Int32 = 0
            if events & (cepoll_in | cepoll_hup) != 0 { mask |= CURL_CSELECT_IN }
            if events & cepoll_out != 0 { mask |= CURL_CSELECT_OUT }
            if events & cepoll_err != 0 { mask |= CURL_CSELECT_ERR }
            var running: Int32 = 0
            let code = curl_multi_socket_action(curl.multi, socket, mask, &running)
            if code != CURLM_OK {
                logger.error("curl_multi_socket_action failed", metadata: ["error": "\(String(cString: curl_multi_strerror(code)))"])
            }
        }
        collectFinished()
    }

    /// libcurl's timer callback: call `curl_multi_socket_action` with `CURL_SOCKET_TIMEOUT`
    /// in `milliseconds` (-1: no timeout pending), replacing the previous request.
    ///
    /// libcurl asks again whenever its earliest timeout moves, which is on almost every
    /// transfer (each one's low-speed check is re-armed as data arrives), and rescheduling a
    /// Dispatch timer goes through libdispatch's manager thread each time. So the timer only
    /// moves earlier: a later or cancelled deadline is remembered in `wantedDeadline`, and a
    /// timer that fires before it is simply set again for it (``timerFired()``).
    func armTimer(milliseconds: Int) {
        guard let timer = curl.timer else { return }
        if milliseconds < 0 {
            curl.wantedDeadline = nil
            return
        }
        if milliseconds == 0 {
            // "Now" (every new transfer asks for it): run the timeout action as the queue's
            // next work item, never inside libcurl's callback.
            curl.wantedDeadline = nil
            guard !curl.timeoutQueued else { return }
            curl.timeoutQueued = true
            executor.queue.async { [weak self] in
                self?.assumeIsolated { fetcher in
                    fetcher.curl.timeoutQueued = false
                    fetcher.socketAction(CURL_SOCKET_TIMEOUT, 0)
                }
            }
            return
        }
        let deadline = DispatchTime.now() + .milliseconds(milliseconds)
        curl.wantedDeadline = deadline
        if let armed = curl.armedDeadline, armed <= deadline { return }
        curl.armedDeadline = deadline
        timer.schedule(deadline: deadline)
    }

    /// The Dispatch timer fired: runs libcurl's timeouts if the deadline libcurl wants has
    /// come, or sets the timer again for a deadline that moved later meanwhile.
    func timerFired() {
        curl.armedDeadline = nil
        guard let wanted = curl.wantedDeadline else { return }  // libcurl cancelled it
        if wanted > DispatchTime.now() {
            curl.armedDeadline = wanted
            curl.timer?.schedule(deadline: wanted)
            return
        }
        socketAction(CURL_SOCKET_TIMEOUT, 0)
        // libcurl calls back only when its earliest timeout changes. If it did not (another
        // timeout due at the same instant), look again shortly rather than never.
        if curl.wantedDeadline == wanted, curl.armedDeadline == nil {
            let retry = DispatchTime.now() + .milliseconds(1)
            curl.armedDeadline = retry
            curl.timer?.schedule(deadline: retry)
        }
    }

    /// libcurl's socket callback: what to watch `socket` for. Removal only notes that
    /// libcurl no longer wants it (see ``SocketWatch``).
    func watch(socket: curl_socket_t, what: Int32) {
        guard curl.epoll >= 0, socket >= 0 else { return }
        let index = Int(socket)
        if index >= curl.sockets.count {
            curl.sockets.append(contentsOf: repeatElement(SocketWatch(), count: index + 1 - curl.sockets.count))
        }
        var events: UInt32 = 0
        if what == CURL_POLL_IN || what == CURL_POLL_INOUT { events |= cepoll_in }
        if what == CURL_POLL_OUT || what == CURL_POLL_INOUT { events |= cepoll_out }
        curl.sockets[index].wanted = events
        guard events != 0, events != curl.sockets[index].registered else { return }
        if cepoll_set(curl.epoll, socket, events, curl.sockets[index].registered != 0 ? 1 : 0) == 0 {
            curl.sockets[index].registered = events
        } else {
            curl.sockets[index].registered = 0
            logger.error("epoll_ctl failed: the transfer on this socket will time out", metadata: ["socket": "\(socket)", "errno": "\(errno)"])
        }
    }

    /// Takes `socket` out of the epoll set: it reported an event libcurl does not want (an
    /// idle kept-alive connection the server closed, say).
    func unregister(socket: Int32) {
        if Int(socket) < curl.sockets.count { curl.sockets[Int(socket)].registered = 0 }
        if cepoll_unwatch(curl.epoll, socket) != 0 {
            logger.warning("epoll_ctl(DEL) failed", metadata: ["socket": "\(socket)", "errno": "\(errno)"])
        }
    }

    /// `CURLINFO_HTTP_VERSION` as text ("" when no HTTP was spoken).
    static func httpVersion(_ code: Int) -> String {
        switch code {
        case CURL_HTTP_VERSION_1_0: "1.0"
        case CURL_HTTP_VERSION_1_1: "1.1"
        case CURL_HTTP_VERSION_2_0: "2"
        case CURL_HTTP_VERSION_3: "3"
        default: ""
        }
    }

    /// Descriptors in the epoll set that libcurl is not watching (kept-alive connections
    /// between transfers).
    func registeredButUnwanted() -> [Int32] {
        curl.sockets.indices.filter { curl.sockets[$0].registered != 0 && curl.sockets[$0].wanted == 0 }.map { Int32($0) }
    }

    func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(curl.multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            // Read the message before removing the handle: removal invalidates it.
            let code = message.pointee.data.result
            var privatePointer: UnsafeMutableRawPointer?
            ccurl_easy_getinfo_pointer(easy, CURLINFO_PRIVATE, &privatePointer)
            curl_multi_remove_handle(curl.multi, easy)
            let id = privatePointer.map { Int(bitPattern: $0) } ?? -1
            guard let transfer = curl.transfers.removeValue(forKey: id) else { continue }
            released(transfer)
            finish(transfer, code: code)
            curl.returnHandle(transfer.easy)
        }
        startWaiting()
    }

    func finish(_ transfer: Transfer, code: CURLcode) {
        let duration = (ContinuousClock.now - transfer.started)
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        if code != CURLE_OK {
            let detail = String(cString: transfer.errorBuffer)
            let limit = transfer.exceededLimit || code == CURLE_FILESIZE_EXCEEDED ? transfer.request.limits.maxBodyBytes : nil
            let error = FetchError(curlCode: code, url: transfer.request.url, detail: detail, bodyLimit: limit)
            logger.debug("fetch failed", metadata: ["url": "\(URLRedaction.redact(transfer.request.url))", "error": "\(error)"])
            transfer.completion(.failure(error))
            return
        }
        var status = 0
        ccurl_easy_getinfo_long(transfer.easy, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafeMutablePointer<CChar>?
        ccurl_easy_getinfo_string(transfer.easy, CURLINFO_EFFECTIVE_URL, &effective)
        var version = 0, connects = 0
        ccurl_easy_getinfo_long(transfer.easy, CURLINFO_HTTP_VERSION, &version)
        ccurl_easy_getinfo_long(transfer.easy, CURLINFO_NUM_CONNECTS, &connects)
        let response = FetchResponse(
            url: transfer.request.url,
            effectiveURL: effective.map { String(cString: $0) } ?? transfer.request.url,
            status: status, headers: transfer.headers, body: transfer.body, duration: seconds,
            redirects: Array(transfer.statuses.dropLast()), httpVersion: Self.httpVersion(version), newConnections: connects
        )
        logger.debug("fetched", metadata: [
            "url": "\(URLRedaction.redact(transfer.request.url))", "status": "\(status)", "bytes": "\(transfer.body.count)",
            "http": "\(response.httpVersion)", "new_connections": "\(connects)",
        ])
        transfer.completion(.success(response))
    }
}
