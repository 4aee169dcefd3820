"""gnet against real Node: one connection between a Node process and gnet.

The Node side is tests/interop/peer.js (the generator it sends is
tests/interop/stream.js, mirrored below); the gnet side is ``GnetPeer``, the
same program in Python. Each end sends 50 MB of a deterministic stream (a
different seed per direction, so an echo or a swap shows), hashes what it
receives incrementally, and reports byte counts and the sha256. Every test
runs over TCP and over a Unix socket, with gnet as the server (Node connects)
and as the client (Node listens):

- both directions at once, each side ending after its own send;
- half-close: one side sends and ends, the other (allowHalfOpen) starts
  sending only at the first one's 'end', and the first one still receives all
  of it; with gnet ending first and with Node ending first;
- a reader paused mid-stream: after 10 MB it pauses, sends its own 50 MB, and
  resumes when that send has finished; meanwhile the other side is stalled by
  backpressure. On the gnet side and on the Node side.

Everything synchronises on events: the Node process's output is read by a
greenlet, so ``gnet.run()`` returns when both gnet and Node are done. The
conftest deadline and peer.js's own guard only catch a hang.
"""
import functools
import hashlib
import json
import os
import shutil
import struct
import subprocess
import tempfile

import gevent
import gevent.socket
import pytest

import gnet

HERE = os.path.dirname(os.path.abspath(__file__))
PEER = os.path.join(HERE, "interop", "peer.js")

MB = 1 << 20
SIZE = 50 * MB          # bytes each way
PAUSE_AT = 10 * MB      # where a paused reader stops
GNET_SEED, NODE_SEED = 1, 2
READ_SIZE = 65536       # bytes per read, libuv's and gnet's
NODE_GUARD_MS = 18000   # peer.js gives up (and says so) before conftest's deadline

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs node")


# ----------------------------------------------------------------------
# The stream, exactly as tests/interop/stream.js makes it.

BLOCK = 1 << 20
STRIDE = 65537


@functools.lru_cache(maxsize=None)
def _base(seed):
    prefix = struct.pack("<I", seed & 0xFFFFFFFF)
    return b"".join(hashlib.sha256(prefix + struct.pack("<I", j)).digest() for j in range(BLOCK // 32))


def stream_blocks(seed, n):
    """The first ``n`` bytes of stream ``seed``, as blocks of up to 1 MiB."""
    base = _base(seed)
    i = 0
    while n > 0:
        k = (i * STRIDE) % BLOCK
        block = base[k:] + base[:k]
        take = min(n, BLOCK)
        yield block if take == BLOCK else block[:take]
        n -= take
        i += 1


@functools.lru_cache(maxsize=None)
def stream_digest(seed, n):
    h = hashlib.sha256()
    for block in stream_blocks(seed, n):
        h.update(block)
    return h.hexdigest()


# ----------------------------------------------------------------------
# The gnet side: peer.js's drive(), line for line.

class GnetPeer:
    """Send ``send`` bytes of stream ``seed`` on ``sock``, hash what arrives.

    ``wait_end``: start sending at the peer's 'end'. ``pause_at``: pause once
    that many bytes have arrived, start sending then, and resume when the send
    has finished. Otherwise send at once. ``result`` is peer.js's JSON.
    """

    def __init__(self, sock, send=0, seed=GNET_SEED, wait_end=False, pause_at=None):
        self.sock = sock
        self.send_size, self.seed = send, seed
        self.wait_end, self.pause_at = wait_end, pause_at
        self.hash = hashlib.sha256()
        self.paused = False
        self.sending = False
        self.result = {
            "received": 0, "sent": 0, "sha256": None, "events": [], "error": None,
            "pausedAt": None, "resumedAt": None, "bufferedAtResume": None, "dataWhilePaused": 0,
            "writableEndedAtFirstData": None, "readableHighWaterMark": sock.readableHighWaterMark,
        }
        sock.on("data", self._on_data)
        sock.on("end", self._on_end)
        sock.on("finish", lambda: self.result["events"].append("finish"))
        sock.on("error", self._on_error)
        sock.on("close", self._on_close)
        if not wait_end and pause_at is None:
            self._send()

    def _send(self):
        if self.sending:
            return
        self.sending = True
        sock, r = self.sock, self.result
        blocks = stream_blocks(self.seed, self.send_size)

        def finished(err=None):   # end()'s callback: at 'finish'
            r["events"].append("sent")
            if self.paused:
                r["resumedAt"] = r["received"]
                r["bufferedAtResume"] = sock.readableLength
                self.paused = False
                sock.resume()

        def pump():
            for block in blocks:
                r["sent"] += len(block)
                if not sock.write(block):
                    sock.once("drain", pump)
                    return
            sock.end(finished)

        pump()

    def _on_data(self, chunk):
        r = self.result
        if r["received"] == 0:
            r["writableEndedAtFirstData"] = self.sock.writableEnded
        if self.paused:
            r["dataWhilePaused"] += 1
        r["received"] += len(chunk)
        self.hash.update(chunk)
        if self.pause_at is not None and r["pausedAt"] is None and r["received"] >= self.pause_at:
            r["pausedAt"] = r["received"]
            self.paused = True
            self.sock.pause()
            self._send()

    def _on_end(self):
        self.result["events"].append("end")
        if self.wait_end:
            self._send()

    def _on_error(self, err):
        self.result["error"] = repr(err)

    def _on_close(self, had_error):
        r = self.result
        r["events"].append("close:error" if had_error else "close")
        r["sha256"] = self.hash.hexdigest()
        r["bytesRead"] = self.sock.bytesRead
        r["bytesWritten"] = self.sock.bytesWritten


# ----------------------------------------------------------------------
# Running one connection

@pytest.fixture
def sock_dir():
    # Short, for the 108-byte limit of a Unix socket path.
    path = tempfile.mkdtemp(prefix="gnet-interop-")
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _node_argv(mode, where, opts):
    argv = ["node", PEER, mode, "--guard-ms", str(NODE_GUARD_MS)]
    if "path" in where:
        argv += ["--path", where["path"]]
    else:
        argv += ["--port", str(where["port"]), "--host", "127.0.0.1"]
    argv += ["--send", str(opts.get("send", 0)), "--seed", str(opts.get("seed", NODE_SEED))]
    if opts.get("allowHalfOpen"):
        argv.append("--allow-half-open")
    if opts.get("wait_end"):
        argv.append("--wait-end")
    if opts.get("pause_at") is not None:
        argv += ["--pause-at", str(opts["pause_at"])]
    return argv


def exchange(transport, gnet_role, sock_dir, gnet_opts, node_opts):
    """One connection between gnet (``gnet_role``) and peer.js (the other role).

    ``gnet_opts``: ``allowHalfOpen`` plus ``GnetPeer``'s keywords;
    ``node_opts``: ``allowHalfOpen``, ``send``, ``seed``, ``wait_end``,
    ``pause_at``. Returns ``(gnet result, node result)``.
    """
    gnet_opts = dict(gnet_opts)
    allow_half_open = gnet_opts.pop("allowHalfOpen", False)
    gnet_opts.setdefault("seed", GNET_SEED)
    path = os.path.join(sock_dir, "s.sock") if transport == "unix" else None
    state = {"proc": None, "server": None, "sock": None, "peer": None, "node": None, "lines": []}

    def give_up():
        # Node is gone without a good result: stop gnet too, so the test reports it.
        if state["server"] is not None and state["server"].listening:
            state["server"].close()
        if state["sock"] is not None:
            state["sock"].destroy()

    def on_node_line(line):
        msg = json.loads(line)
        if msg.get("ready"):
            where = {"path": path} if path else {"port": msg["port"], "host": "127.0.0.1"}
            sock = state["sock"] = gnet.connect(dict(where, allowHalfOpen=allow_half_open))
            state["peer"] = GnetPeer(sock, **gnet_opts)
        else:
            state["node"] = msg

    def read_node_output(proc):
        # Cooperative: a greenlet waiting on the pipe, so run() lasts until Node exits.
        fd = proc.stdout.fileno()
        os.set_blocking(fd, False)
        pending = b""
        while True:
            gevent.socket.wait_read(fd)
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                continue
            if not chunk:
                break
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                state["lines"].append(line.decode())
                on_node_line(line)
        if state["node"] is None or state["node"].get("error"):
            give_up()

    def spawn_node(mode, where):
        proc = state["proc"] = subprocess.Popen(_node_argv(mode, where, node_opts), stdout=subprocess.PIPE,
                                                bufsize=0)
        return gevent.spawn(read_node_output, proc)

    reader = None
    try:
        if gnet_role == "server":
            server = state["server"] = gnet.createServer({"allowHalfOpen": allow_half_open})

            def on_connection(conn):
                server.close()
                state["sock"] = conn
                state["peer"] = GnetPeer(conn, **gnet_opts)

            server.on("connection", on_connection)

            def on_listening():
                nonlocal reader
                reader = spawn_node("client", {"path": path} if path else {"port": server.address()["port"]})

            if path:
                server.listen(path, on_listening)
            else:
                server.listen(0, "127.0.0.1", on_listening)
        else:
            reader = spawn_node("server", {"path": path} if path else {"port": 0})
        gnet.run()
        assert reader is not None, "Node was never started"
        reader.get()
        status = state["proc"].wait(timeout=10)
        assert status == 0, "Node exited with %d: %r" % (status, state["lines"])
    finally:
        proc = state["proc"]
        if proc is not None:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()
        if reader is not None:
            reader.kill()
        give_up()
    assert state["node"] is not None, "Node printed no result: %r" % state["lines"]
    assert state["peer"] is not None, "gnet never got a connection"
    return state["peer"].result, state["node"]


def assert_clean(result):
    assert result["error"] is None
    assert result["events"][-1] == "close"


def assert_carried(sender, receiver, seed, n=SIZE):
    """``n`` bytes of stream ``seed`` left ``sender`` and reached ``receiver`` intact."""
    assert sender["sent"] == n
    assert receiver["received"] == n
    assert receiver["sha256"] == stream_digest(seed, n)


def assert_both_ways(gnet_result, node_result):
    assert_clean(gnet_result)
    assert_clean(node_result)
    assert_carried(gnet_result, node_result, GNET_SEED)
    assert_carried(node_result, gnet_result, NODE_SEED)
    assert gnet_result["bytesRead"] == SIZE and gnet_result["bytesWritten"] == SIZE


TRANSPORTS = ["tcp", "unix"]
ROLES = ["gnet_server", "gnet_client"]


def _role(name):
    return name.split("_")[1]


# ----------------------------------------------------------------------
# Tests

@pytest.mark.parametrize("seed,n", [(1, 0), (1, 5), (2, BLOCK + 3), (3, 3 * BLOCK)])
def test_python_and_node_generate_the_same_stream(seed, n):
    out = subprocess.run(["node", PEER, "digest", "--seed", str(seed), "--send", str(n)],
                         capture_output=True, text=True, timeout=30, check=True)
    assert json.loads(out.stdout) == {"sha256": stream_digest(seed, n)}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("transport", TRANSPORTS)
def test_50_mb_each_way_at_once(transport, role, sock_dir):
    # Each side ends when its own send is done, possibly before the other's,
    # so both keep writing after the peer's FIN: allowHalfOpen on both.
    gnet_result, node_result = exchange(
        transport, _role(role), sock_dir,
        gnet_opts={"allowHalfOpen": True, "send": SIZE},
        node_opts={"allowHalfOpen": True, "send": SIZE})
    assert_both_ways(gnet_result, node_result)


@pytest.mark.parametrize("first_to_end", ["gnet", "node"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("transport", TRANSPORTS)
def test_half_close_the_side_that_ended_still_receives_everything(transport, role, first_to_end, sock_dir):
    ender = {"send": SIZE}
    keeper = {"allowHalfOpen": True, "send": SIZE, "wait_end": True}
    gnet_opts, node_opts = (ender, keeper) if first_to_end == "gnet" else (keeper, ender)
    gnet_result, node_result = exchange(transport, _role(role), sock_dir, gnet_opts, node_opts)
    assert_both_ways(gnet_result, node_result)
    ended, kept = (gnet_result, node_result) if first_to_end == "gnet" else (node_result, gnet_result)
    # The ender had ended its writing before the first byte came back, and
    # the keeper sent nothing before the ender's 'end'.
    assert ended["writableEndedAtFirstData"] is True
    assert kept["events"].index("end") < kept["events"].index("sent")
    assert kept["writableEndedAtFirstData"] is False


@pytest.mark.parametrize("paused_side", ["gnet", "node"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("transport", TRANSPORTS)
def test_reader_paused_mid_stream_then_resumed(transport, role, paused_side, sock_dir):
    # The paused side ends (its send done) while the other is still stalled
    # writing to it: the other needs allowHalfOpen.
    paused = {"send": SIZE, "pause_at": PAUSE_AT}
    writer = {"allowHalfOpen": True, "send": SIZE}
    gnet_opts, node_opts = (paused, writer) if paused_side == "gnet" else (writer, paused)
    gnet_result, node_result = exchange(transport, _role(role), sock_dir, gnet_opts, node_opts)
    assert_both_ways(gnet_result, node_result)
    p = gnet_result if paused_side == "gnet" else node_result
    # Paused in the 'data' call that crossed PAUSE_AT; no 'data' until resume().
    assert PAUSE_AT <= p["pausedAt"] < PAUSE_AT + READ_SIZE
    assert p["dataWhilePaused"] == 0
    assert p["resumedAt"] == p["pausedAt"]
    # Its whole 50 MB went out while paused; meanwhile reading from the
    # kernel stopped at the high-water mark (plus the read that crossed it),
    # so the writer was held mid-stream by backpressure, not buffered.
    assert p["events"].index("sent") < p["events"].index("end")
    assert p["bufferedAtResume"] <= p["readableHighWaterMark"] + READ_SIZE
    assert p["resumedAt"] + p["bufferedAtResume"] < SIZE
