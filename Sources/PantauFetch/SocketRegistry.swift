import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Closes libcurl's sockets only after Dispatch has let go of them.
///
/// A Dispatch source is cancelled asynchronously; if the descriptor were closed first, the
/// kernel could hand the same number to a new socket while the old source still watches
/// it. libcurl closes through `CURLOPT_CLOSESOCKETFUNCTION`, which lands here and waits for
/// pending cancellations. libcurl may close cached connections from any thread (including
/// the fetcher's deinit), hence the lock instead of actor isolation.
final class SocketRegistry: Sendable {
    struct State {
        var cancelling: [Int32: Int] = [:]
        var closeAfterCancel: Set<Int32> = []
    }

    let state = Mutex(State())

    /// A source on `socket` is being cancelled.
    func willCancel(_ socket: Int32) {
        state.withLock { $0.cancelling[socket, default: 0] += 1 }
    }

    /// A source's cancel handler ran; closes the socket if libcurl already asked to.
    func sourceCancelled(_ socket: Int32) {
        let closeNow = state.withLock { state -> Bool in
            let remaining = (state.cancelling[socket] ?? 1) - 1
            state.cancelling[socket] = remaining > 0 ? remaining : nil
            return remaining <= 0 && state.closeAfterCancel.remove(socket) != nil
        }
        if closeNow { _ = Glibc.close(socket) }
    }

    /// libcurl is done with `socket`: close it now, or once its sources are cancelled.
    func close(_ socket: Int32) {
        let closeNow = state.withLock { state -> Bool in
            if state.cancelling[socket] != nil {
                state.closeAfterCancel.insert(socket)
                return false
            }
            return true
        }
        if closeNow { _ = Glibc.close(socket) }
    }
}
