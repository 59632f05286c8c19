import CCurl
import Dispatch

/// The libcurl multi handle and everything tied to its lifetime: running and queued
/// transfers, the Dispatch sources watching libcurl's sockets, and the timer.
///
/// Owned by one ``Fetcher`` and touched only on its queue. Its deinit (which may run on
/// any thread once the fetcher is gone) detaches libcurl's callbacks first, so libcurl
/// never calls into a dead actor while it closes cached connections.
final class CurlMulti {
    let multi: UnsafeMutableRawPointer
    var transfers: [Int: Transfer] = [:]
    var waiting: [Transfer] = []
    /// Running transfers per ``HostKey``.
    var runningPerHost: [String: Int] = [:]
    var sockets: [curl_socket_t: SocketWatch] = [:]
    let registry = SocketRegistry()
    var timer: (any DispatchSourceTimer)?
    /// A zero timeout is queued as a work item on the fetcher's queue (at most one at a time).
    var timeoutQueued = false
    /// Easy handles of finished transfers, reset and reused (no allocation per transfer).
    var idleHandles: [UnsafeMutableRawPointer] = []
    /// Idle handles kept at most.
    let maxIdleHandles = 256

    struct SocketWatch {
        var read: (any DispatchSourceRead)?
        var write: (any DispatchSourceWrite)?
    }

    init() {
        multi = curl_multi_init()
    }

    deinit {
        timer?.cancel()
        ccurl_multi_setopt_socket_callback(multi, nil)
        ccurl_multi_setopt_timer_callback(multi, nil)
        for (socket, var watch) in sockets {
            Self.cancelSources(socket, &watch, read: true, write: true, registry: registry)
        }
        for transfer in transfers.values {
            curl_multi_remove_handle(multi, transfer.easy)
            curl_easy_cleanup(transfer.easy)
        }
        for transfer in waiting { curl_easy_cleanup(transfer.easy) }
        for easy in idleHandles { curl_easy_cleanup(easy) }
        curl_multi_cleanup(multi)
    }

    /// An easy handle with default options: an idle one, or a new one.
    func takeHandle() -> UnsafeMutableRawPointer? {
        idleHandles.popLast() ?? curl_easy_init()
    }

    /// Keeps `easy` (already removed from the multi handle) for reuse, reset at once so no
    /// option points at a finished transfer's memory.
    func returnHandle(_ easy: UnsafeMutableRawPointer) {
        if idleHandles.count < maxIdleHandles {
            curl_easy_reset(easy)
            idleHandles.append(easy)
        } else {
            curl_easy_cleanup(easy)
        }
    }

    /// Cancels the read and/or write source of `socket`, telling the registry so that
    /// libcurl's close waits for the cancellation.
    static func cancelSources(_ socket: curl_socket_t, _ watch: inout SocketWatch, read: Bool, write: Bool, registry: SocketRegistry) {
        if read, let source = watch.read {
            registry.willCancel(socket)
            source.cancel()
            watch.read = nil
        }
        if write, let source = watch.write {
            registry.willCancel(socket)
            source.cancel()
            watch.write = nil
        }
    }
}
