import CCurl
import CEpoll
import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// The libcurl multi handle and everything tied to its lifetime: running and queued
/// transfers, the epoll set of libcurl's sockets (one Dispatch read source watches it), and
/// the timer.
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
    /// The sockets libcurl asked to watch, with their epoll masks; one Dispatch read source
    /// on this descriptor wakes the queue when any of them is ready (no source per socket:
    /// none to create and cancel per transfer, and a closed socket leaves the set by itself).
    let epoll: Int32
    /// Per descriptor number: the mask it was registered with and what libcurl wants now.
    var sockets: [SocketWatch] = []
    var readySource: (any DispatchSourceRead)?
    /// Buffers for ready descriptors and their events (one `epoll_wait` fills them).
    let readyFDs = UnsafeMutablePointer<Int32>.allocate(capacity: CurlMulti.readyBatch)
    let readyEvents = UnsafeMutablePointer<UInt32>.allocate(capacity: CurlMulti.readyBatch)
    static let readyBatch = 256
    var timer: (any DispatchSourceTimer)?
    /// A zero timeout is queued as a work item on the fetcher's queue (at most one at a time).
    var timeoutQueued = false
    /// When the Dispatch timer fires next (nil: not armed). Only ever moved earlier.
    var armedDeadline: DispatchTime?
    /// When libcurl last asked to be called for its timeouts (nil: it has none pending).
    var wantedDeadline: DispatchTime?
    /// Easy handles of finished transfers, reset and reused (no allocation per transfer).
    var idleHandles: [UnsafeMutableRawPointer] = []
    /// Idle handles kept at most.
    let maxIdleHandles = 256

    init() {
        multi = curl_multi_init()
        epoll = cepoll_create()
    }

    deinit {
        timer?.cancel()
        ccurl_multi_setopt_socket_callback(multi, nil)
        ccurl_multi_setopt_timer_callback(multi, nil)
        for transfer in transfers.values {
            curl_multi_remove_handle(multi, transfer.easy)
            curl_easy_cleanup(transfer.easy)
        }
        for transfer in waiting { curl_easy_cleanup(transfer.easy) }
        for easy in idleHandles { curl_easy_cleanup(easy) }
        curl_multi_cleanup(multi)
        readyFDs.deallocate()
        readyEvents.deallocate()
        // The epoll descriptor is closed by the source's cancel handler, once Dispatch has
        // let go of it (so its number cannot be reused while Dispatch still watches it).
        if let readySource { readySource.cancel() } else if epoll >= 0 { _ = Glibc.close(epoll) }
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
}

/// One descriptor's state in ``CurlMulti/epoll``.
///
/// A socket libcurl stops watching stays registered (a kept-alive connection is usually
/// watched again, with the same mask, by the next transfer on it, which then costs no
/// `epoll_ctl`); it leaves the set when it reports an event nobody wants, or when it is
/// closed.
struct SocketWatch {
    /// The epoll mask `epoll_ctl` last set (0: not in the set, as far as we know).
    var registered: UInt32 = 0
    /// The mask libcurl asked for (0: libcurl is not watching it).
    var wanted: UInt32 = 0
}
