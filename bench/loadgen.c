/*
 * loadgen: the gnet bench's load generator.
 *
 * One thread, epoll, non-blocking sockets, many connections. Built at bench
 * time by bench/build.py with the system compiler (cc -O2). It measures, it
 * does not judge: it prints one JSON object on stdout and bench/run.py does
 * the rest.
 *
 *   loadgen MODE (--port P [--host 127.0.0.1] | --path UNIX_PATH)
 *           [--conns N] [--size BYTES] [--duration S] [--warmup S]
 *           [--window CHUNKS] [--settle S] [--setup-timeout S] [--pid SERVER_PID]
 *
 * Modes (an "op" in brackets):
 *   pingpong  N connections, each with one SIZE-byte message in flight;
 *             the next is sent when the whole echo is back [one round trip]
 *   bulk      N connections, each writing SIZE-byte chunks (64 KiB) with at
 *             most WINDOW chunks not yet echoed back [one chunk echoed]
 *   connrate  N connections at a time, each: connect, one SIZE-byte
 *             exchange, close [one connection]
 *   idle      open N connections (one SIZE-byte exchange each, so the server
 *             has accepted and served them), wait SETTLE seconds, read the
 *             server's RSS, close them all
 *
 * Every mode but connrate first opens its connections with at most
 * SETUP_BATCH of them connecting or exchanging at once (an overflowing
 * accept backlog would hold a dropped SYN back a second for its retry). Then
 * WARMUP seconds of traffic, then DURATION seconds measured: the window is
 * opened and closed by the event loop itself, which at both edges reads the
 * server's CPU time (utime+stime, every thread, /proc/PID/stat), its RSS
 * (/proc/PID/status), our own CPU time (getrusage) and the whole machine's
 * busy and steal time (/proc/stat), which tells how much else ran
 * meanwhile. Only ops completed inside the window count; latency
 * (p50/p90/p99/max) is from the first byte sent to the last byte of the
 * echo received, per op, with CLOCK_MONOTONIC. After the window no new op
 * starts; ops in flight are drained (at most DRAIN_S) so that
 * every connection closes cleanly (FIN, never RST: an echo server without
 * an 'error' listener, as Node's plainest one, dies on ECONNRESET).
 *
 * Everything is bounded: setup by --setup-timeout (60 s), drain by DRAIN_S,
 * settle and window as given. Only loopback (127.0.0.0/8) or Unix sockets
 * are ever connected to.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define SETUP_BATCH 64
#define DRAIN_S 3.0
#define MAX_EVENTS 1024
#define MAX_SIZE (1 << 20)
#define MAX_WINDOW 64

/* Latency histogram: 1 us buckets below 100 ms, 100 us buckets to 10 s. */
#define FINE_BUCKETS 100000
#define COARSE_BUCKETS 100000
static uint32_t hist[FINE_BUCKETS + COARSE_BUCKETS + 1];
static uint64_t hist_count, lat_max_ns;

enum mode { PINGPONG, BULK, CONNRATE, IDLE };
enum cstate { C_FREE, C_CONNECTING, C_SETUP_SEND, C_SETUP_RECV, C_READY, C_BUSY, C_CLOSED };
enum phase { P_SETUP, P_WARMUP, P_MEASURE, P_DRAIN, P_DONE };

struct conn {
    int fd;
    int state;
    int want_out;          /* EPOLLOUT registered */
    uint64_t t0;           /* start of the op in flight (ns) */
    size_t sent, got;      /* pingpong/setup/connrate: bytes of this message */
    uint64_t sent_total;   /* bulk */
    uint64_t recv_total;
    uint64_t chunks_done;
    uint64_t chunk_t0[MAX_WINDOW + 1];
};

static enum mode mode;
static const char *host = "127.0.0.1";
static int port = -1;

/* TCP connections leave from 127.0.0.2 .. 127.0.0.(1 + SOURCES) in turn. From
 * one source address, connrate's closed connections pile up in TIME_WAIT and
 * the kernel's search for a free ephemeral port (__inet_hash_connect) took
 * about half of this program's CPU, capping every server near 14k conn/s;
 * spread over many sources, each has few. */
#define SOURCES 250
#ifndef IP_BIND_ADDRESS_NO_PORT
#define IP_BIND_ADDRESS_NO_PORT 24
#endif
static unsigned source_seq;
static const char *upath;
static int nconns = 1, size = 64, window = 4;
static double duration = 3.0, warmup = 0.5, settle = 1.0, setup_timeout = 60.0;
static long server_pid;

static struct conn *conns;
static int ep;
static char *sendbuf, *recvbuf;
static size_t recvbuf_len;
static enum phase phase = P_SETUP;

/* what the window counts */
static uint64_t ops, bytes_in_window, errors, lost;
static int in_flight;      /* connections with an op started and not finished */

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static double cpu_self_s(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

/* utime+stime of the whole process (all threads), in clock ticks; -1 if unknown.
 * *utime gets the user part alone (the rest is system time: the kernel's work). */
static long long server_ticks(long long *utime)
{
    char path[64], buf[4096];
    if (server_pid <= 0)
        return -1;
    snprintf(path, sizeof path, "/proc/%ld/stat", server_pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *p = strrchr(buf, ')');
    if (!p)
        return -1;
    p += 2; /* field 3, state */
    unsigned long long ut = 0, st = 0;
    /* fields 3..13 skipped, 14 utime, 15 stime */
    for (int field = 3; field < 14 && p; field++) {
        p = strchr(p, ' ');
        if (p)
            p++;
    }
    if (!p || sscanf(p, "%llu %llu", &ut, &st) != 2)
        return -1;
    *utime = (long long)ut;
    return (long long)(ut + st);
}

/* Busy and steal ticks of the whole machine (every CPU), from /proc/stat. */
static void machine_ticks(long long *busy, long long *steal)
{
    unsigned long long v[8] = {0};
    FILE *f = fopen("/proc/stat", "r");
    *busy = *steal = -1;
    if (!f)
        return;
    /* cpu  user nice system idle iowait irq softirq steal */
    if (fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3],
               &v[4], &v[5], &v[6], &v[7]) == 8) {
        *busy = (long long)(v[0] + v[1] + v[2] + v[5] + v[6] + v[7]);
        *steal = (long long)v[7];
    }
    fclose(f);
}

/* VmRSS of the server in kB; -1 if unknown. */
static long server_rss_kb(void)
{
    char path[64], line[256];
    long kb = -1;
    if (server_pid <= 0)
        return -1;
    snprintf(path, sizeof path, "/proc/%ld/status", server_pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0) {
            kb = strtol(line + 6, NULL, 10);
            break;
        }
    fclose(f);
    return kb;
}

static void record_latency(uint64_t ns)
{
    uint64_t us = ns / 1000;
    size_t b;
    if (us < FINE_BUCKETS)
        b = us;
    else if (us < FINE_BUCKETS + (uint64_t)COARSE_BUCKETS * 100)
        b = FINE_BUCKETS + (us - FINE_BUCKETS) / 100;
    else
        b = FINE_BUCKETS + COARSE_BUCKETS;
    hist[b]++;
    hist_count++;
    if (ns > lat_max_ns)
        lat_max_ns = ns;
}

static double percentile_us(double q)
{
    if (!hist_count)
        return -1;
    uint64_t rank = (uint64_t)(q * (double)(hist_count - 1)) + 1, seen = 0;
    for (size_t b = 0; b <= FINE_BUCKETS + COARSE_BUCKETS; b++) {
        seen += hist[b];
        if (seen >= rank) {
            if (b < FINE_BUCKETS)
                return (double)b + 0.5;
            if (b < FINE_BUCKETS + COARSE_BUCKETS)
                return FINE_BUCKETS + (double)(b - FINE_BUCKETS) * 100 + 50;
            return lat_max_ns / 1000.0;
        }
    }
    return lat_max_ns / 1000.0;
}

static void set_events(struct conn *c, int idx, uint32_t events)
{
    struct epoll_event ev = {.events = events, .data = {.u64 = (uint64_t)idx}};
    if (epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev) < 0) {
        perror("epoll_ctl MOD");
        exit(1);
    }
    c->want_out = (events & EPOLLOUT) != 0;
}

static void close_conn(struct conn *c)
{
    if (c->fd >= 0) {
        epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
        close(c->fd);
    }
    c->fd = -1;
    c->state = C_CLOSED;
}

/* Start a non-blocking connect; state C_CONNECTING (wait for EPOLLOUT) or
 * C_SETUP_SEND when it completed at once. Returns -1 on a hard error. */
static int start_connect(struct conn *c, int idx)
{
    int fd;
    if (upath) {
        struct sockaddr_un sa = {.sun_family = AF_UNIX};
        strncpy(sa.sun_path, upath, sizeof sa.sun_path - 1);
        fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return -1;
        /* A Unix connect never says EINPROGRESS: it is queued at once or
         * refused with EAGAIN while the backlog is full; retry a few times. */
        int r, tries = 0;
        while ((r = connect(fd, (struct sockaddr *)&sa, sizeof sa)) < 0 && errno == EAGAIN && tries++ < 2000)
            usleep(500);
        if (r < 0) {
            close(fd);
            return -1;
        }
        c->state = C_SETUP_SEND;
    } else {
        struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
        if (inet_pton(AF_INET, host, &sa.sin_addr) != 1)
            return -1;
        fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return -1;
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        /* The port is still chosen at connect (IP_BIND_ADDRESS_NO_PORT); a
         * failed bind leaves the kernel's own choice of source. */
        struct sockaddr_in src = {.sin_family = AF_INET};
        src.sin_addr.s_addr = htonl(0x7f000002u + source_seq++ % SOURCES);
        setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
        (void)bind(fd, (struct sockaddr *)&src, sizeof src);
        int r = connect(fd, (struct sockaddr *)&sa, sizeof sa);
        if (r < 0 && errno != EINPROGRESS) {
            close(fd);
            return -1;
        }
        c->state = r == 0 ? C_SETUP_SEND : C_CONNECTING;
    }
    c->fd = fd;
    c->sent = c->got = 0;
    c->t0 = now_ns();
    struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT, .data = {.u64 = (uint64_t)idx}};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
        perror("epoll_ctl ADD");
        exit(1);
    }
    c->want_out = 1;
    return 0;
}

/* Write what is left of a SIZE-byte message. 1: all sent, 0: would block, -1: error. */
static int send_message(struct conn *c)
{
    while (c->sent < (size_t)size) {
        ssize_t n = send(c->fd, sendbuf + c->sent, (size_t)size - c->sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN)
                return 0;
            if (errno == EINTR)
                continue;
            return -1;
        }
        c->sent += (size_t)n;
    }
    return 1;
}

/* Read what has come of the echo. 1: whole message back, 0: not yet, -1: EOF/error. */
static int recv_message(struct conn *c)
{
    while (c->got < (size_t)size) {
        ssize_t n = recv(c->fd, recvbuf, (size_t)size - c->got, 0);
        if (n == 0)
            return -1;
        if (n < 0) {
            if (errno == EAGAIN)
                return 0;
            if (errno == EINTR)
                continue;
            return -1;
        }
        c->got += (size_t)n;
    }
    return 1;
}

static void op_done(uint64_t t0, uint64_t t1)
{
    if (phase == P_MEASURE) {
        ops++;
        record_latency(t1 - t0);
    }
}

/* Begin a ping-pong round trip on a ready connection. */
static void pingpong_start(struct conn *c, int idx)
{
    c->sent = c->got = 0;
    c->t0 = now_ns();
    c->state = C_BUSY;
    in_flight++;
    int r = send_message(c);
    if (r < 0) {
        errors++;
        lost++;
        in_flight--;
        close_conn(c);
    } else if (r == 0 && !c->want_out) {
        set_events(c, idx, EPOLLIN | EPOLLOUT);
    }
}

/* bulk: write while fewer than WINDOW chunks are unanswered. */
static int bulk_pump_out(struct conn *c, int idx)
{
    uint64_t cap = (uint64_t)window * (uint64_t)size;
    while (phase < P_DRAIN && c->sent_total - c->recv_total < cap) {
        uint64_t off = c->sent_total % (uint64_t)size;
        if (off == 0)
            c->chunk_t0[(c->sent_total / (uint64_t)size) % (MAX_WINDOW + 1)] = now_ns();
        ssize_t n = send(c->fd, sendbuf + off, (size_t)((uint64_t)size - off), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN) {
                if (!c->want_out)
                    set_events(c, idx, EPOLLIN | EPOLLOUT);
                return 0;
            }
            return -1;
        }
        c->sent_total += (uint64_t)n;
    }
    if (c->want_out)
        set_events(c, idx, EPOLLIN);
    return 0;
}

static int bulk_pump_in(struct conn *c)
{
    for (;;) {
        ssize_t n = recv(c->fd, recvbuf, recvbuf_len, 0);
        if (n == 0)
            return -1;
        if (n < 0) {
            if (errno == EAGAIN)
                return 0;
            if (errno == EINTR)
                continue;
            return -1;
        }
        c->recv_total += (uint64_t)n;
        if (phase == P_MEASURE)
            bytes_in_window += (uint64_t)n;
        uint64_t t = now_ns();
        while (c->recv_total >= (c->chunks_done + 1) * (uint64_t)size) {
            op_done(c->chunk_t0[c->chunks_done % (MAX_WINDOW + 1)], t);
            c->chunks_done++;
        }
        if ((size_t)n < recvbuf_len)
            return 0;
    }
}

/* Take a connection as far as it goes through connect, send SIZE bytes,
 * read them back. `connected` is the events that count as a finished connect.
 * 1: the exchange is done, 0: it waits for another event, -1: it failed. */
static int exchange_step(struct conn *c, int idx, uint32_t events, uint32_t connected)
{
    if (c->state == C_CONNECTING) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err)
            return -1;
        if (!(events & connected))
            return 0;
        c->state = C_SETUP_SEND;
    }
    if (c->state == C_SETUP_SEND) {
        int r = send_message(c);
        if (r <= 0)
            return r;
        c->state = C_SETUP_RECV;
        set_events(c, idx, EPOLLIN);
    }
    if (c->state == C_SETUP_RECV)
        return recv_message(c);
    return 0;
}

/* One event during setup: connect, send SIZE bytes, read them back. */
static void setup_event(struct conn *c, int idx, uint32_t events, int *ready, int *pending)
{
    int r = exchange_step(c, idx, events, EPOLLOUT | EPOLLERR | EPOLLHUP);
    if (r < 0) {
        errors++;
        close_conn(c);
        (*pending)--;
    } else if (r > 0) {
        c->state = C_READY;
        (*ready)++;
        (*pending)--;
    }
}

/* Open nconns connections, SETUP_BATCH at a time. Returns how many are ready. */
static int setup_all(void)
{
    struct epoll_event evs[MAX_EVENTS];
    int next = 0, ready = 0, pending = 0, failures = 0;
    uint64_t deadline = now_ns() + (uint64_t)(setup_timeout * 1e9);
    while (ready < nconns) {
        while (pending < SETUP_BATCH && next < nconns) {
            struct conn *c = &conns[next];
            if (start_connect(c, next) < 0) {
                /* transient (EADDRNOTAVAIL, backlog): retry this slot later */
                errors++;
                if (++failures > 1000)
                    return ready;
                break;
            }
            next++;
            pending++;
            if (c->state == C_SETUP_SEND)
                setup_event(c, next - 1, EPOLLOUT, &ready, &pending);
        }
        if (pending == 0 && next >= nconns)
            break;
        if (now_ns() > deadline)
            break;
        int n = epoll_wait(ep, evs, MAX_EVENTS, 100);
        for (int i = 0; i < n; i++) {
            int idx = (int)evs[i].data.u64;
            setup_event(&conns[idx], idx, evs[i].events, &ready, &pending);
        }
    }
    return ready;
}

static void connrate_start(struct conn *c, int idx)
{
    if (start_connect(c, idx) < 0) {
        errors++;
        c->state = C_FREE;
        return;
    }
    in_flight++;
    if (c->state == C_SETUP_SEND) {
        int r = send_message(c);
        if (r < 0) {
            errors++;
            in_flight--;
            close_conn(c);
            c->state = C_FREE;
        } else if (r == 1) {
            c->state = C_SETUP_RECV;
            set_events(c, idx, EPOLLIN);
        }
    }
}

static void connrate_event(struct conn *c, int idx, uint32_t events)
{
    int r = exchange_step(c, idx, events, EPOLLOUT);
    if (r == 0)
        return;
    if (r > 0)
        op_done(c->t0, now_ns());
    else
        errors++;
    in_flight--;
    close_conn(c);
    c->state = C_FREE;
    if (phase < P_DRAIN)
        connrate_start(c, idx);
}

static double arg_d(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    if (*end || v < 0) {
        fprintf(stderr, "loadgen: bad number %s\n", s);
        exit(2);
    }
    return v;
}

static void usage(void)
{
    fprintf(stderr, "usage: loadgen pingpong|bulk|connrate|idle (--port P [--host H] | --path P)\n"
                    "       [--conns N] [--size B] [--duration S] [--warmup S] [--window K]\n"
                    "       [--settle S] [--setup-timeout S] [--pid PID]\n");
    exit(2);
}

static void raise_nofile(struct rlimit *got)
{
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    rlim_t want = (rlim_t)nconns + 64;
    if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want) {
        struct rlimit up = {want, want};
        if (setrlimit(RLIMIT_NOFILE, &up) == 0)
            rl = up;
    }
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
    getrlimit(RLIMIT_NOFILE, got);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        usage();
    if (!strcmp(argv[1], "pingpong"))
        mode = PINGPONG;
    else if (!strcmp(argv[1], "bulk"))
        mode = BULK;
    else if (!strcmp(argv[1], "connrate"))
        mode = CONNRATE;
    else if (!strcmp(argv[1], "idle"))
        mode = IDLE;
    else
        usage();
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v)
            usage();
        i++;
        if (!strcmp(a, "--host"))
            host = v;
        else if (!strcmp(a, "--port"))
            port = (int)arg_d(v);
        else if (!strcmp(a, "--path"))
            upath = v;
        else if (!strcmp(a, "--conns"))
            nconns = (int)arg_d(v);
        else if (!strcmp(a, "--size"))
            size = (int)arg_d(v);
        else if (!strcmp(a, "--duration"))
            duration = arg_d(v);
        else if (!strcmp(a, "--warmup"))
            warmup = arg_d(v);
        else if (!strcmp(a, "--window"))
            window = (int)arg_d(v);
        else if (!strcmp(a, "--settle"))
            settle = arg_d(v);
        else if (!strcmp(a, "--setup-timeout"))
            setup_timeout = arg_d(v);
        else if (!strcmp(a, "--pid"))
            server_pid = (long)arg_d(v);
        else
            usage();
    }
    if ((port < 0) == (upath == NULL) || nconns < 1 || size < 1 || size > MAX_SIZE || window < 1 ||
        window > MAX_WINDOW || duration > 600 || warmup > 60 || settle > 60 ||
        setup_timeout > 600)
        usage();
    if (strcmp(host, "127.0.0.1") && strncmp(host, "127.", 4)) {
        fprintf(stderr, "loadgen: only loopback addresses (127.x.y.z) are allowed\n");
        exit(2);
    }

    struct rlimit nofile;
    raise_nofile(&nofile);
    if ((rlim_t)nconns + 16 > nofile.rlim_cur) {
        fprintf(stderr, "loadgen: RLIMIT_NOFILE %llu is too low for %d connections\n",
                (unsigned long long)nofile.rlim_cur, nconns);
        exit(3);
    }

    sendbuf = malloc((size_t)size);
    for (int i = 0; i < size; i++)
        sendbuf[i] = (char)('a' + i % 26);
    recvbuf_len = mode == BULK ? 256 * 1024 : (size_t)size;
    recvbuf = malloc(recvbuf_len);
    conns = calloc((size_t)nconns, sizeof *conns);
    for (int i = 0; i < nconns; i++)
        conns[i].fd = -1;
    ep = epoll_create1(EPOLL_CLOEXEC);

    long rss_before = server_rss_kb();
    uint64_t t_setup = now_ns();
    int ready = mode == CONNRATE ? nconns : setup_all();
    double setup_s = (double)(now_ns() - t_setup) / 1e9;
    uint64_t setup_errors = errors;
    errors = 0;

    long long ticks0 = -1, ticks1 = -1, user0 = 0, user1 = 0;
    long long mbusy0 = -1, mbusy1 = -1, steal0 = 0, steal1 = 0;
    double self0 = 0, self1 = 0;
    uint64_t w0 = 0, w1 = 0;
    long rss_after = -1;
    int drained = 1;

    if (ready < nconns) {
        phase = P_DONE;
    } else if (mode == IDLE) {
        struct timespec ts = {(time_t)settle, (long)((settle - (double)(time_t)settle) * 1e9)};
        nanosleep(&ts, NULL);
        rss_after = server_rss_kb();
        phase = P_DONE;
    } else {
        /* traffic */
        if (mode == PINGPONG) {
            for (int i = 0; i < nconns; i++)
                pingpong_start(&conns[i], i);
        } else if (mode == BULK) {
            for (int i = 0; i < nconns; i++) {
                conns[i].state = C_BUSY;
                bulk_pump_out(&conns[i], i);
            }
        } else {
            for (int i = 0; i < nconns; i++)
                connrate_start(&conns[i], i);
        }
        phase = P_WARMUP;
        uint64_t t_start = now_ns() + (uint64_t)(warmup * 1e9), t_end = 0, t_drain_end = 0;
        struct epoll_event evs[MAX_EVENTS];
        for (;;) {
            uint64_t now = now_ns();
            if (phase == P_WARMUP && now >= t_start) {
                ticks0 = server_ticks(&user0);
                machine_ticks(&mbusy0, &steal0);
                self0 = cpu_self_s();
                w0 = now_ns();
                t_end = w0 + (uint64_t)(duration * 1e9);
                phase = P_MEASURE;
            }
            if (phase == P_MEASURE && now >= t_end) {
                ticks1 = server_ticks(&user1);
                machine_ticks(&mbusy1, &steal1);
                self1 = cpu_self_s();
                w1 = now_ns();
                rss_after = server_rss_kb();
                phase = P_DRAIN;
                t_drain_end = w1 + (uint64_t)(DRAIN_S * 1e9);
                if (mode == BULK) /* drained when every byte sent is back */
                    for (int i = 0; i < nconns; i++)
                        if (conns[i].fd >= 0 && conns[i].want_out)
                            set_events(&conns[i], i, EPOLLIN);
            }
            if (phase == P_DRAIN) {
                int busy = in_flight;
                if (mode == BULK) {
                    busy = 0;
                    for (int i = 0; i < nconns; i++)
                        if (conns[i].fd >= 0 && conns[i].recv_total < conns[i].sent_total)
                            busy++;
                }
                if (busy == 0)
                    break;
                if (now >= t_drain_end) {
                    drained = 0;
                    break;
                }
            }
            if (mode != CONNRATE && lost >= (uint64_t)nconns)
                break; /* every connection is gone */
            uint64_t edge = phase == P_WARMUP ? t_start : phase == P_MEASURE ? t_end : t_drain_end;
            int timeout = edge > now ? (int)((edge - now) / 1000000) + 1 : 0;
            if (timeout > 100)
                timeout = 100;
            int n = epoll_wait(ep, evs, MAX_EVENTS, timeout);
            for (int i = 0; i < n; i++) {
                int idx = (int)evs[i].data.u64;
                struct conn *c = &conns[idx];
                if (c->fd < 0)
                    continue;
                uint32_t e = evs[i].events;
                if (mode == PINGPONG) {
                    if (c->state != C_BUSY)
                        continue;
                    if ((e & EPOLLOUT) && c->sent < (size_t)size) {
                        int r = send_message(c);
                        if (r < 0)
                            goto pp_fail;
                        if (r == 1)
                            set_events(c, idx, EPOLLIN);
                    }
                    if (e & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
                        int r = recv_message(c);
                        if (r < 0)
                            goto pp_fail;
                        if (r == 1) {
                            op_done(c->t0, now_ns());
                            in_flight--;
                            c->state = C_READY;
                            if (phase < P_DRAIN)
                                pingpong_start(c, idx);
                        }
                    }
                    continue;
                pp_fail:
                    errors++;
                    lost++;
                    in_flight--;
                    close_conn(c);
                } else if (mode == BULK) {
                    if ((e & (EPOLLIN | EPOLLERR | EPOLLHUP)) && bulk_pump_in(c) < 0) {
                        errors++;
                        lost++;
                        close_conn(c);
                        continue;
                    }
                    if (bulk_pump_out(c, idx) < 0) {
                        errors++;
                        lost++;
                        close_conn(c);
                    }
                } else {
                    connrate_event(c, idx, e);
                }
            }
            if (mode == CONNRATE && phase < P_DRAIN && in_flight < nconns) {
                /* slots whose connect failed at once (EADDRNOTAVAIL, EAGAIN) */
                uint64_t before = errors;
                for (int i = 0; i < nconns; i++)
                    if (conns[i].fd < 0)
                        connrate_start(&conns[i], i);
                if (errors != before)
                    usleep(1000);
            }
        }
        if (phase == P_WARMUP || phase == P_MEASURE) {
            /* ended early: every connection lost */
            ticks1 = server_ticks(&user1);
            self1 = cpu_self_s();
            w1 = now_ns();
            if (!w0) {
                w0 = w1;
                ticks0 = ticks1;
                user0 = user1;
                self0 = self1;
            }
        }
    }

    long clk = sysconf(_SC_CLK_TCK);
    for (int i = 0; i < nconns; i++)
        if (conns[i].fd >= 0)
            close_conn(&conns[i]);

    double window_s = w1 > w0 ? (double)(w1 - w0) / 1e9 : 0;
    printf("{\"mode\": \"%s\", \"conns\": %d, \"established\": %d, \"size\": %d, "
           "\"setup_s\": %.4f, \"setup_errors\": %llu, \"window_s\": %.6f, \"ops\": %llu, "
           "\"bytes\": %llu, \"errors\": %llu, \"lost\": %llu, \"drained\": %s, "
           "\"p50_us\": %.1f, \"p90_us\": %.1f, \"p99_us\": %.1f, \"max_us\": %.1f, "
           "\"server_ticks\": %lld, \"server_user_ticks\": %lld, \"clk_tck\": %ld, "
           "\"server_cpu_s\": %.4f, "
           "\"loadgen_cpu_s\": %.4f, \"machine_busy_ticks\": %lld, \"steal_ticks\": %lld, "
           "\"rss_before_kb\": %ld, \"rss_after_kb\": %ld, "
           "\"nofile\": %llu}\n",
           argv[1], nconns, ready, size, setup_s, (unsigned long long)setup_errors, window_s,
           (unsigned long long)ops, (unsigned long long)bytes_in_window, (unsigned long long)errors,
           (unsigned long long)lost, drained ? "true" : "false", percentile_us(0.50),
           percentile_us(0.90), percentile_us(0.99), lat_max_ns / 1000.0,
           ticks0 >= 0 && ticks1 >= 0 ? ticks1 - ticks0 : -1LL,
           ticks0 >= 0 && ticks1 >= 0 ? user1 - user0 : -1LL, clk,
           ticks0 >= 0 && ticks1 >= 0 ? (double)(ticks1 - ticks0) / (double)clk : -1.0,
           self1 - self0, mbusy0 >= 0 && mbusy1 >= 0 ? mbusy1 - mbusy0 : -1LL,
           mbusy0 >= 0 && mbusy1 >= 0 ? steal1 - steal0 : -1LL, rss_before, rss_after, (unsigned long long)nofile.rlim_cur);
    fflush(stdout);
    return ready < nconns ? 4 : 0;
}
