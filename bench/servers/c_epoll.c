/*
 * The floor: a minimal single-threaded epoll echo server in C.
 *
 *   c_epoll --port P [--host 127.0.0.1] | --path UNIX_PATH
 *
 * Prints "ready port=N" (or "ready path=P") once listening. Level-triggered;
 * one read of up to 256 KiB per readiness event (uvloop's size; Node reads
 * 64 KiB, so the floor is not beaten on bulk by a bigger read), written straight
 * back; what the kernel did not take is kept and the connection stops
 * reading until it is flushed (EPOLLOUT). Nothing more than an echo needs.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

struct pending {
    char *buf;
    size_t off, len;
};

static struct pending *pend;
static size_t npend;
static int ep;
static char rbuf[256 * 1024];

static void track(int fd)
{
    if ((size_t)fd >= npend) {
        size_t n = npend ? npend : 1024;
        while (n <= (size_t)fd)
            n *= 2;
        pend = realloc(pend, n * sizeof *pend);
        memset(pend + npend, 0, (n - npend) * sizeof *pend);
        npend = n;
    }
}

static void drop(int fd)
{
    free(pend[fd].buf);
    memset(&pend[fd], 0, sizeof pend[fd]);
    close(fd); /* also leaves the epoll set */
}

static void interest(int fd, uint32_t events)
{
    struct epoll_event ev = {.events = events, .data = {.fd = fd}};
    epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev);
}

/* Send buf; keep what the kernel did not take. 0 ok, -1 error. */
static int out(int fd, const char *buf, size_t len)
{
    while (len) {
        ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN)
                return -1;
            struct pending *p = &pend[fd];
            p->buf = malloc(len);
            memcpy(p->buf, buf, len);
            p->off = 0;
            p->len = len;
            interest(fd, EPOLLOUT);
            return 0;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *host = "127.0.0.1", *path = NULL;
    int port = -1;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--port"))
            port = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--host"))
            host = argv[i + 1];
        else if (!strcmp(argv[i], "--path"))
            path = argv[i + 1];
    }
    if ((port < 0) == (path == NULL)) {
        fprintf(stderr, "usage: c_epoll --port P [--host H] | --path PATH\n");
        return 2;
    }
    int lfd;
    if (path) {
        struct sockaddr_un sa = {.sun_family = AF_UNIX};
        strncpy(sa.sun_path, path, sizeof sa.sun_path - 1);
        unlink(path);
        lfd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (bind(lfd, (struct sockaddr *)&sa, sizeof sa) < 0) {
            perror("bind");
            return 1;
        }
    } else {
        struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
        inet_pton(AF_INET, host, &sa.sin_addr);
        lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        int one = 1;
        setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(lfd, (struct sockaddr *)&sa, sizeof sa) < 0) {
            perror("bind");
            return 1;
        }
    }
    if (listen(lfd, 511) < 0) {
        perror("listen");
        return 1;
    }
    ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event lev = {.events = EPOLLIN, .data = {.fd = lfd}};
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &lev);
    if (path) {
        printf("ready path=%s\n", path);
    } else {
        struct sockaddr_in sa;
        socklen_t len = sizeof sa;
        getsockname(lfd, (struct sockaddr *)&sa, &len);
        printf("ready port=%d\n", ntohs(sa.sin_port));
    }
    fflush(stdout);

    struct epoll_event evs[256];
    for (;;) {
        int n = epoll_wait(ep, evs, 256, -1);
        if (n < 0 && errno != EINTR)
            return 1;
        for (int i = 0; i < n; i++) {
            int fd = evs[i].data.fd;
            if (fd == lfd) {
                int c;
                while ((c = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
                    track(c);
                    struct epoll_event ev = {.events = EPOLLIN, .data = {.fd = c}};
                    epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev);
                }
                continue;
            }
            struct pending *p = &pend[fd];
            if (p->buf) { /* writable again: flush, then read again */
                ssize_t w = send(fd, p->buf + p->off, p->len - p->off, MSG_NOSIGNAL);
                if (w < 0 && errno != EAGAIN && errno != EINTR) {
                    drop(fd);
                    continue;
                }
                if (w > 0)
                    p->off += (size_t)w;
                if (p->off == p->len) {
                    free(p->buf);
                    p->buf = NULL;
                    interest(fd, EPOLLIN);
                }
                continue;
            }
            ssize_t r = recv(fd, rbuf, sizeof rbuf, 0);
            if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) {
                drop(fd);
                continue;
            }
            if (r > 0 && out(fd, rbuf, (size_t)r) < 0)
                drop(fd);
        }
    }
}
