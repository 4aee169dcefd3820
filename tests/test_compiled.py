"""The compiled build and the pure one behave alike where a Python user can see it.

gnet's hot modules may run compiled by Cython (gnet/_build.py, setup.py).
Whichever build runs, a user's subclass of Socket, Server or EventEmitter
that overrides ``emit``, ``write`` or ``_read`` sees every call gnet makes,
and a method patched onto an instance is the one gnet calls. CI runs this
file on both builds (.ci/run); ``GNET_PURE_PYTHON=1`` selects the pure one.
"""
import importlib.machinery
import os
import subprocess
import sys

import pytest

import gnet
from gnet import _build

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _builds_in(env_pure):
    env = dict(os.environ)
    env.pop("GNET_PURE_PYTHON", None)
    if env_pure:
        env["GNET_PURE_PYTHON"] = "1"
    out = subprocess.run(
        [sys.executable, "-c", "import gnet, gnet._build as b; print(gnet.compiled); print(b.modules())"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=60, check=True).stdout.splitlines()
    return out[0] == "True", eval(out[1])     # the dict's repr: module -> (build, detail)


def _extension(name):
    directory = os.path.join(ROOT, *name.split(".")[:-1])
    stem = name.rpartition(".")[2]
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = os.path.join(directory, stem + suffix)
        if os.path.exists(path):
            return path
    return None


def test_gnet_pure_python_loads_every_hot_module_from_its_py():
    compiled, modules = _builds_in(env_pure=True)
    assert compiled is False
    assert set(modules) == set(_build.HOT)
    assert all(build == "pure" for build, _ in modules.values())


def test_an_extension_beside_its_py_is_what_runs_unless_it_is_stale():
    compiled, modules = _builds_in(env_pure=False)
    assert set(modules) == set(_build.HOT)
    for name, (build, detail) in modules.items():
        ext = _extension(name)
        source = os.path.join(ROOT, *name.split(".")) + ".py"
        fresh = ext is not None and os.stat(ext).st_mtime >= _build._newest(source)
        assert build == ("compiled" if fresh else "pure"), (name, detail)
        if build == "compiled":
            assert detail == ext
            assert sys.modules[name].__file__ == ext if name in sys.modules and gnet.compiled else True
    assert compiled == all(build == "compiled" for build, _ in modules.values())


def test_gnet_compiled_says_which_build_this_process_runs():
    for name in _build.HOT:
        mod = sys.modules[name]
        is_ext = isinstance(mod.__loader__, importlib.machinery.ExtensionFileLoader)
        assert (_build.modules()[name][0] == "compiled") == is_ext
    assert gnet.compiled == all(
        isinstance(sys.modules[n].__loader__, importlib.machinery.ExtensionFileLoader) for n in _build.HOT)
    if os.environ.get("GNET_PURE_PYTHON", "") not in ("", "0"):
        assert gnet.compiled is False


@pytest.fixture
def finder_state(monkeypatch):
    saved = dict(_build._loaded)
    yield
    _build._loaded.clear()
    _build._loaded.update(saved)


@pytest.mark.parametrize("ext_age, pure, expect", [
    (-100, False, "pure"),     # extension older than the .py: stale, the .py runs
    (+100, False, "compiled"),
    (+100, True, "pure"),      # GNET_PURE_PYTHON
    (None, False, "pure"),     # never compiled
])
def test_the_finder_picks_the_py_when_the_extension_is_stale_or_pure_is_asked(
        tmp_path, monkeypatch, finder_state, ext_age, pure, expect):
    source = tmp_path / "loop.py"
    source.write_text("X = 1\n")
    if ext_age is not None:
        ext = tmp_path / ("loop" + importlib.machinery.EXTENSION_SUFFIXES[0])
        ext.write_bytes(b"")
        st = os.stat(source)
        os.utime(ext, (st.st_atime + ext_age, st.st_mtime + ext_age))
    monkeypatch.setattr(_build, "PURE_PYTHON", pure)
    spec = _build._Finder.find_spec("gnet.eventloop.loop", [str(tmp_path)])
    assert _build._loaded["gnet.eventloop.loop"][0] == expect
    if expect == "compiled":
        assert spec is None                       # Python's own finder loads the extension
    else:
        assert spec.origin == str(source)
    assert _build._Finder.find_spec("gnet.net.socket", [str(tmp_path)]) is None    # not a hot module


# ----------------------------------------------------------------------
# What a Python user can do with gnet's classes, on either build.

class RecordingSocket(gnet.Socket):
    def __init__(self, log, *args, **kwargs):
        self.log = log
        super().__init__(*args, **kwargs)

    def emit(self, event_name=None, *args):
        self.log.append(("emit", event_name))
        return super().emit(event_name, *args)

    def write(self, *args, **kwargs):
        self.log.append(("write",) + args)
        return super().write(*args, **kwargs)

    def _read(self, *args):
        self.log.append(("_read",))
        return super()._read(*args)


class RecordingServer(gnet.Server):
    def __init__(self, log, *args, **kwargs):
        self.log = log
        super().__init__(*args, **kwargs)

    def emit(self, event_name=None, *args):
        self.log.append(event_name)
        return super().emit(event_name, *args)


def _pipe_through(a, b, source_log=None):
    """``a`` connects to a server that says hello and ends, ``b`` to one that
    collects what it gets; ``a.pipe(b)``. Returns what the second received."""
    received = []
    source = (RecordingServer(source_log) if source_log is not None else gnet.Server())
    source.on("connection", lambda conn: conn.end(b"hello"))
    sink = gnet.createServer(lambda conn: (conn.on("data", received.append),
                                           conn.on("end", lambda: (conn.end(), sink.close(), source.close()))))

    def start():
        b.connect(sink.address()["port"], "127.0.0.1")
        a.connect(source.address()["port"], "127.0.0.1")
        a.pipe(b)        # a's 'data' goes to b.write(), a's 'end' to b.end(), from gnet's own code

    sink.listen(0, "127.0.0.1", lambda: source.listen(0, "127.0.0.1", start))
    gnet.run()
    return b"".join(received)


def test_subclassed_socket_and_server_see_every_call_gnet_makes():
    server_log, a_log, b_log = [], [], []
    a, b = RecordingSocket(a_log), RecordingSocket(b_log)
    assert _pipe_through(a, b, server_log) == b"hello"
    assert ("_read",) in a_log
    a_events = [entry[1] for entry in a_log if entry[0] == "emit"]
    for event in ("connect", "ready", "data", "end", "close"):
        assert event in a_events
    assert a_events.index("data") < a_events.index("end") < a_events.index("close")
    assert ("write", b"hello") in b_log                # pipe() called the subclass's write
    assert "finish" in [entry[1] for entry in b_log if entry[0] == "emit"]
    assert server_log[:2] == ["listening", "connection"] and server_log[-1] == "close"


def test_subclassed_event_emitter_sees_gnets_own_emits():
    seen = []

    class Emitter(gnet.EventEmitter):
        def emit(self, event_name=None, *args):
            seen.append(event_name)
            return super().emit(event_name, *args)

    e = Emitter()
    e.on("newListener", lambda *a: None)
    listener = lambda: None    # noqa: E731
    e.on("x", listener)
    e.on("removeListener", lambda *a: None)
    e.removeListener("x", listener)
    assert e.emit("x") is False
    assert seen == ["newListener", "newListener", "removeListener", "x"]


def test_a_method_patched_on_an_instance_is_the_one_gnet_calls():
    patched = []
    a, b = gnet.Socket(), gnet.Socket()
    original_emit, original_write = a.emit, b.write

    def emit(event_name=None, *args):
        patched.append(("a.emit", event_name))
        return original_emit(event_name, *args)

    def write(chunk, *args):
        patched.append(("b.write", chunk))
        return original_write(chunk, *args)

    a.emit = emit
    b.write = write
    assert _pipe_through(a, b) == b"hello"
    assert ("a.emit", "data") in patched and ("a.emit", "end") in patched
    assert ("b.write", b"hello") in patched


def test_arity_reads_compiled_methods_as_it_reads_python_ones():
    # c.on('data', c.write): the listener is a method of a (maybe compiled) class.
    from gnet.js import arity
    sock = gnet.Socket()
    try:
        assert arity.bounds(sock.write) == (0, 3)
        assert arity._code_bounds(sock.write) == (0, 3)      # the cheap way, not inspect.signature
        assert arity.bounds(gnet.EventEmitter().emit) == (0, None)
    finally:
        sock.destroy()


def test_a_python_subclass_of_the_handle_overrides_its_steps():
    # The compiled build makes StreamHandle a C type (handle.pxd); a Python
    # subclass (gnet.tls's handle is one) still replaces its read and write
    # steps, and the fields stay readable and writable from Python.
    from gnet.net.handle import StreamHandle
    calls = []

    class Handle(StreamHandle):
        __slots__ = ("extra",)

        def _read(self, ticks):
            calls.append("_read")
            return StreamHandle._read(self, ticks)

        def try_write(self, data):
            calls.append(("try_write", bytes(data)))
            return StreamHandle.try_write(self, data)

    class Socket(gnet.Socket):
        _handle_class = Handle

    echoed = []
    server = gnet.createServer(lambda conn: conn.on("data", conn.write))

    def start():
        client = Socket()
        client.on("data", lambda data: (echoed.append(data), client.end()))
        client.on("close", lambda *_: server.close())
        client.connect(server.address()["port"], "127.0.0.1", lambda: client.write(b"ping"))
        handle = client._handle
        handle.extra = 1
        handle.bytes_read += 0
        assert isinstance(handle, Handle) and handle.extra == 1 and handle.queued in (True, False)

    server.listen(0, "127.0.0.1", start)
    gnet.run()
    assert echoed == [b"ping"]
    assert ("try_write", b"ping") in calls and "_read" in calls
