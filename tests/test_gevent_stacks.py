"""gnet beside gevent stacks, as docs/gevent.md describes them.

- a gnet server and ``gevent.pywsgi`` in one process, with and without
  ``patch_all()`` (a subprocess each, since patching is process-wide), both
  serving at once, a gnet listener calling the WSGI app through a library;
- ``gnet.run()`` (or ``gevent.wait()``) beside an existing gevent program:
  either side's work keeps the process alive, and it exits when both are done;
- a listener making an unpatched blocking call holds up every connection,
  while a gevent call holds up only its own (measured by a Node client);
- gevent's monitor thread names the listener that blocked.

Clients are gevent sockets or the Node peer (tests/clients/driver.js); every
wait is on a line a program printed or a reply, bounded by a timeout.
"""

import re
import sys
import textwrap
import time

import gevent
import pytest
from gevent import socket
from gevent.pool import Pool

import gnet
from peers import ENV, Program, node, programs  # noqa: F401 (node, programs: fixtures)

# ----------------------------------------------------------------------
# gnet and pywsgi in one process

STACK = textwrap.dedent("""\
    import sys
    PATCHED = sys.argv[1] == 'patched'
    if PATCHED:
        from gevent import monkey
        monkey.patch_all()

    import urllib.request

    import gevent
    from gevent import socket as gsocket
    from gevent.pywsgi import WSGIServer

    import gnet


    def app(environ, start_response):
        start_response('200 OK', [('Content-Type', 'text/plain')])
        if environ['PATH_INFO'] == '/quit':
            gevent.spawn(quit)
            return [b'bye\\n']
        return [b'hello from pywsgi\\n']


    def quit():
        http.stop()
        tcp.close()


    def fetch(path):
        # What a listener's library call does: patched, urllib cooperates with
        # gevent; unpatched, only gevent's own modules do.
        url = 'http://127.0.0.1:%d%s' % (http.server_port, path)
        if PATCHED:
            return urllib.request.urlopen(url, timeout=15).read()
        conn = gsocket.create_connection(('127.0.0.1', http.server_port), timeout=15)
        conn.sendall(b'GET ' + path.encode() + b' HTTP/1.0\\r\\n\\r\\n')
        response = b''
        while chunk := conn.recv(65536):
            response += chunk
        conn.close()
        return response.partition(b'\\r\\n\\r\\n')[2]


    def on_connection(sock):
        def on_data(data):
            for _ in data.split(b'\\n')[:-1]:
                sock.write(b'pywsgi said: ' + fetch('/'))
        sock.on('data', on_data)


    http = WSGIServer(('127.0.0.1', 0), app, log=None)
    http.start()
    tcp = gnet.createServer(on_connection)
    tcp.listen(0, '127.0.0.1', lambda: print('ports', tcp.address()['port'], http.server_port, flush=True))
    gnet.run()
    print('run() returned', flush=True)
""")


#: How long these checks wait for an answer (seconds; the conftest deadline
#: of every test is 20 s). They prove that every
#: request is answered, not how fast: 40 requests nested in 40 others in one
#: process took over 5 s on a machine running two test suites at once.
PATIENCE = 15


def http_get(port, path):
    conn = socket.create_connection(("127.0.0.1", port), timeout=PATIENCE)
    conn.sendall(b"GET " + path.encode() + b" HTTP/1.0\r\n\r\n")
    response = read_all(conn)
    conn.close()
    head, _, body = response.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200"), response
    return body


def read_all(conn):
    got = b""
    while chunk := conn.recv(65536):
        got += chunk
    return got


def read_line(conn):
    got = b""
    while not got.endswith(b"\n"):
        chunk = conn.recv(65536)
        assert chunk, got
        got += chunk
    return got


def run_script(tmp_path, name, text, *args):
    script = tmp_path / name
    script.write_text(text)
    return Program(sys.executable, str(script), *args, env=ENV)


@pytest.mark.parametrize("mode", ["patched", "unpatched"])
def test_gnet_and_pywsgi_serve_side_by_side(tmp_path, programs, mode):
    stack = programs(run_script(tmp_path, "stack.py", STACK, mode))
    tcp_port, http_port = map(int, stack.wait_for(r"^ports (\d+) (\d+)")[0].groups())

    # 20 gnet connections, each asking its listener to call the WSGI app, and
    # 20 plain HTTP requests, all at once: every one is answered.
    def gnet_client(i):
        conn = socket.create_connection(("127.0.0.1", tcp_port), timeout=PATIENCE)
        conn.sendall(b"fetch\nfetch\n")
        assert read_line(conn) + read_line(conn) == b"pywsgi said: hello from pywsgi\n" * 2
        conn.close()

    def http_client(i):
        assert http_get(http_port, "/") == b"hello from pywsgi\n"
    pool = Pool(40)
    for i in range(20):
        pool.spawn(gnet_client, i)
        pool.spawn(http_client, i)
    pool.join(timeout=PATIENCE, raise_error=True)
    assert not pool

    # Both servers stop: nothing is left, so gnet.run() returns and the process ends.
    assert http_get(http_port, "/quit") == b"bye\n"
    stack.wait_for(r"^run\(\) returned$")
    stack.reader.join(timeout=5)
    assert stack.proc.wait(timeout=5) == 0
    assert "Traceback" not in stack.output()


# ----------------------------------------------------------------------
# gnet.run() or gevent.wait() beside an existing gevent program

BESIDE = textwrap.dedent("""\
    import sys

    import gevent
    from gevent.server import StreamServer

    import gnet


    # An existing gevent program: a StreamServer answering lines, until 'stop'.
    def handle(sock, address):
        for line in sock.makefile('rb'):
            if line == b'stop\\n':
                plain.close()
                sock.sendall(b'plain server stopped\\n')
                return
            sock.sendall(b'plain: ' + line)


    plain = StreamServer(('127.0.0.1', 0), handle)
    plain.start()


    # gnet beside it: an echo server that closes when its first client leaves.
    def on_connection(sock):
        sock.pipe(sock)
        sock.on('close', lambda: echo.close(lambda: print('gnet server closed', flush=True)))


    echo = gnet.createServer(on_connection)
    echo.listen(0, '127.0.0.1', lambda: print('ports', echo.address()['port'], plain.server_port, flush=True))
    if sys.argv[1] == 'gnet.run':
        gnet.run()
    else:
        gevent.wait()
    print('returned', flush=True)
""")


@pytest.mark.parametrize("main", ["gnet.run", "gevent.wait"])
@pytest.mark.parametrize("first", ["gnet", "gevent"])
def test_the_loop_runs_until_both_gnet_and_gevent_work_are_done(tmp_path, programs, main, first):
    program = programs(run_script(tmp_path, "beside.py", BESIDE, main))
    gnet_port, plain_port = map(int, program.wait_for(r"^ports (\d+) (\d+)")[0].groups())

    def gnet_done():
        conn = socket.create_connection(("127.0.0.1", gnet_port), timeout=PATIENCE)
        conn.sendall(b"echo\n")
        assert read_line(conn) == b"echo\n"
        conn.close()
        program.wait_for(r"^gnet server closed$")

    def gevent_done():
        conn = socket.create_connection(("127.0.0.1", plain_port), timeout=PATIENCE)
        conn.sendall(b"hello\n")
        assert read_line(conn) == b"plain: hello\n"
        conn.sendall(b"stop\n")
        assert read_line(conn) == b"plain server stopped\n"
        conn.close()

    # Whichever finishes first, the other still serves: the process is alive.
    if first == "gnet":
        gnet_done()
        gevent_done()
    else:
        gevent_done()
        gnet_done()
    program.wait_for(r"^returned$")
    program.reader.join(timeout=5)
    assert program.proc.wait(timeout=5) == 0
    assert program.lines[-1] == "returned\n"
    assert "Traceback" not in program.output()


# ----------------------------------------------------------------------
# a listener that blocks

BLOCK_SECONDS = 0.5


def in_threadpool(seconds):
    """The unpatched blocking call, run in gevent's thread pool."""
    gevent.get_hub().threadpool.apply(time.sleep, (seconds,))


@pytest.mark.parametrize("sleep", [time.sleep, gevent.sleep, in_threadpool],
                         ids=["time.sleep", "gevent.sleep", "threadpool"])
def test_an_unpatched_blocking_call_in_a_listener_holds_up_every_connection(node, sleep):
    # In this (unpatched) process: a line 'block' makes the listener sleep.
    def on_connection(sock):
        sock.setEncoding("utf8")

        def on_data(text):
            for line in text.splitlines():
                if line == "block":
                    sock.write("blocking\n")
                    sleep(BLOCK_SECONDS)
                    sock.write("done\n")
                else:
                    sock.write(line + "\n")
        sock.on("data", on_data)

    server = gnet.createServer(on_connection)
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    port = server.address()["port"]
    for id in ("a", "b"):
        node.do("connect", id, port=port)
        node.expect(id, "connect")
    # Node sends B's ping the moment A's listener says it is about to sleep;
    # the test process may be asleep by then, so Node does it by itself.
    node.do("when", "a", line="blocking", then={"cmd": "write", "id": "b", "data": "ping\n"})
    node.do("write", "a", data="block\n")
    blocking = node.expect("a", "line", line="blocking")
    done = node.expect("a", "line", line="done")
    pong = node.expect("b", "line", line="ping")
    waited = (pong["t"] - blocking["t"]) / 1000
    if sleep is time.sleep:
        # The whole process slept: B's echo came after A's listener was done.
        assert pong["t"] > done["t"]
        assert waited >= BLOCK_SECONDS - 0.1
    else:
        # Only A's connection waited (on gevent, or on a thread): B was answered meanwhile.
        assert pong["t"] < done["t"]
        assert waited < BLOCK_SECONDS - 0.1
    server.close()


MONITORED = textwrap.dedent("""\
    import gevent
    gevent.config.monitor_thread = True
    gevent.config.max_blocking_time = 0.1     # seconds

    import time

    import zope.event
    from gevent import events

    import gnet


    def on_blocked(event):
        # Called in the monitor's own thread: log, do not touch gnet objects here.
        if isinstance(event, events.EventLoopBlocked):
            print('loop blocked by', event.greenlet, flush=True)


    zope.event.subscribers.append(on_blocked)


    def on_connection(sock):
        def on_data(data):
            time.sleep(0.3)                   # unpatched: the whole process waits
            sock.end(b'done\\n')
        sock.on('data', on_data)


    server = gnet.createServer(on_connection)
    server.listen(0, '127.0.0.1', lambda: print('port', server.address()['port'], flush=True))
    server.on('connection', lambda sock: sock.on('close', server.close))
    gnet.run()
""")


def test_gevents_monitor_thread_names_the_listener_that_blocked(tmp_path, programs):
    program = programs(run_script(tmp_path, "monitored.py", MONITORED))
    port = int(program.wait_for(r"^port (\d+)")[0].group(1))
    conn = socket.create_connection(("127.0.0.1", port), timeout=5)
    conn.sendall(b"x")
    assert read_all(conn) == b"done\n"
    conn.close()
    program.reader.join(timeout=5)
    assert program.proc.wait(timeout=5) == 0
    output = program.output()
    # gevent's report on stderr: the blocked greenlet's stack, down to the listener's line ...
    assert "appears to be blocked" in output
    assert re.search(r'File ".*monitored\.py", line \d+, in on_data\n\s+time\.sleep\(0\.3\)', output), output
    # ... and the EventLoopBlocked event on zope.event.
    assert re.search(r"^loop blocked by <greenlet", output, re.M), output
