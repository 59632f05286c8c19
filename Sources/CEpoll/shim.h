// epoll for Swift: <sys/epoll.h> is not in Glibc's module, and `struct epoll_event` is
// packed on x86_64, so these wrappers take and return plain descriptors and masks.
#ifndef PANTAU_CEPOLL_SHIM_H
#define PANTAU_CEPOLL_SHIM_H
#include <sys/epoll.h>
#include <errno.h>

static const unsigned cepoll_in = EPOLLIN;
static const unsigned cepoll_out = EPOLLOUT;
static const unsigned cepoll_err = EPOLLERR;
static const unsigned cepoll_hup = EPOLLHUP;

/// A new epoll descriptor (close-on-exec), or -1 with errno set.
static inline int cepoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

/// Registers `fd` for `events` (EPOLLIN/EPOLLOUT). `known` says whether the caller
/// believes it is in the set already; a closed descriptor leaves the set by itself, so the
/// belief may be stale and the other operation is tried on ENOENT/EEXIST. 0 or -1.
static inline int cepoll_set(int epfd, int fd, unsigned events, int known) {
    struct epoll_event ev = { .events = events, .data = { .fd = fd } };
    if (epoll_ctl(epfd, known ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &ev) == 0) return 0;
    if (errno != (known ? ENOENT : EEXIST)) return -1;
    return epoll_ctl(epfd, known ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &ev);
}

/// Stops watching `fd` (a closed descriptor has already left the set: not an error).
static inline int cepoll_unwatch(int epfd, int fd) {
    struct epoll_event ev = { 0 };
    int r = epoll_ctl(epfd, EPOLL_CTL_DEL, fd, &ev);
    return (r == 0 || errno == ENOENT || errno == EBADF) ? 0 : -1;
}

/// Ready descriptors without waiting: fills `fds` and `events` (up to `max`); returns how
/// many, or -1 with errno set.
static inline int cepoll_ready(int epfd, int *fds, unsigned *events, int max) {
    struct epoll_event evs[256];
    if (max > 256) max = 256;
    int n = epoll_wait(epfd, evs, max, 0);
    for (int i = 0; i < n; i++) { fds[i] = evs[i].data.fd; events[i] = evs[i].events; }
    return n;
}
#endif
