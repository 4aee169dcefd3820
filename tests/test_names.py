"""Every public name of Node's ``net`` answers to its Node spelling and its PEP 8 twin, as one
attribute. The names come from compat/api_surface.txt (generated from Node's docs and Node
itself by compat/api_surface.py); the helpers of API.md section 7 are listed here."""
import ast
import functools
import inspect
import os

import pytest

import gnet
from gnet.js.names import Alias, AliasingType, alias_class, snake_case
from gnet.eventloop.loop import Immediate
from gnet.eventloop.timers import Timeout

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SURFACE = os.path.join(ROOT, "compat", "api_surface.txt")

#: API.md section 7's helpers, each mirroring a Node global (not part of ``net``).
HELPERS = ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate",
           "clearImmediate", "nextTick", "setUncaughtExceptionCaptureCallback",
           "hasUncaughtExceptionCaptureCallback"]
TIMEOUT = ["ref", "unref", "hasRef", "refresh", "close"]
IMMEDIATE = ["ref", "unref", "hasRef"]

#: Names of Node's net that gnet does not have, and why. Each is an expected
#: failure, strict: giving gnet one of them means taking it off this list.
NOT_IN_GNET = {
    "Socket.compose": "stream.compose(), the stream module's composition, is left out by design "
                      "(docs/differences.md)",
}
#: Properties a Node program may assign that gnet only reads, and why.
READ_ONLY_IN_GNET = {
    "Socket.connecting": "derived from the socket's lifecycle state (gnet/net/lifecycle.py)",
    "Socket.destroyed": "derived from the socket's lifecycle state (gnet/net/lifecycle.py)",
}


def _read_surface():
    entries = []
    with open(SURFACE, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                kind, owner, name, access, origin = line.split()
                entries.append((kind, owner, name, access, origin))
    return entries


ENTRIES = _read_surface()
_OWNERS = {"net": gnet, "Server": gnet.Server, "Socket": gnet.Socket,
           "BlockList": gnet.BlockList, "SocketAddress": gnet.SocketAddress}


@functools.lru_cache(maxsize=None)
def _gnet_strings():
    """Every string literal in gnet's source: where an event name would be."""
    found = set()
    for folder, _, files in os.walk(os.path.dirname(gnet.__file__)):
        for filename in files:
            if filename.endswith(".py"):
                with open(os.path.join(folder, filename), encoding="utf-8") as f:
                    tree = ast.parse(f.read())
                found.update(node.value for node in ast.walk(tree)
                             if isinstance(node, ast.Constant) and isinstance(node.value, str))
    return found


def _instance(owner):
    return _OWNERS[owner]()


def _problem(kind, owner, name, access):
    """Why the name fails the contract on gnet, or None."""
    target = _OWNERS[owner]
    snake = snake_case(name)
    if kind == "event":
        # Event names are Node's strings, in one spelling (STYLE.md section 4).
        return None if name in _gnet_strings() else "event %r never appears in gnet" % name
    if kind == "class":
        # A class's PEP 8 name is its CapWords Node name.
        return None if inspect.getattr_static(target, name, None) is not None else "missing"
    if kind in ("function", "method"):
        node = inspect.getattr_static(target, name, None)
        twin = inspect.getattr_static(target, snake, None)
        if node is None and twin is None:
            return "missing"
        return None if node is twin and callable(getattr(target, name)) else "%s is not %s" % (snake, name)
    obj = _instance(owner)
    if not hasattr(obj, name):
        return "missing"
    if snake != name:
        node = inspect.getattr_static(type(obj), name, None)
        twin = inspect.getattr_static(type(obj), snake, None)
        if not (node is not None and twin is node or type(twin) is Alias and twin.name == name):
            return "%s is not one attribute with %s" % (snake, name)
    if access == "rw":
        descriptor = inspect.getattr_static(type(obj), name, None)
        if isinstance(descriptor, property):
            return None if descriptor.fset is not None else "read-only"
        marker = object()
        setattr(obj, snake, marker)
        if getattr(obj, name) is not marker:
            return "writing %s does not set %s" % (snake, name)
    return None


def _param(entry):
    kind, owner, name, access, origin = entry
    key = "%s.%s" % (owner, name)
    reason = NOT_IN_GNET.get(key) or READ_ONLY_IN_GNET.get(key)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(kind, owner, name, access, id="%s %s" % (kind, key), marks=marks)


@pytest.mark.parametrize("kind, owner, name, access", [_param(e) for e in ENTRIES])
def test_node_net_name_answers_in_both_spellings(kind, owner, name, access):
    assert _problem(kind, owner, name, access) is None


def test_api_surface_coverage_is_reported(request):
    """Counts the names gnet has, and prints the coverage at the end of the run."""
    missing = [(kind, "%s.%s" % (owner, name)) for kind, owner, name, access, _ in ENTRIES
               if _problem(kind, owner, name, access) is not None]
    assert set(key for _, key in missing) == set(NOT_IN_GNET) | set(READ_ONLY_IN_GNET)
    kinds = {}
    for kind, *_ in ENTRIES:
        kinds[kind] = kinds.get(kind, 0) + 1
    missed = {}
    for kind, _ in missing:
        missed[kind] = missed.get(kind, 0) + 1
    plural = {"class": "classes", "property": "properties"}
    detail = ", ".join("%s %d/%d" % (plural.get(k, k + "s"), n - missed.get(k, 0), n)
                       for k, n in kinds.items())
    text = "Node net API surface in gnet (compat/api_surface.txt): %d/%d names in both spellings (%s)" % (
        len(ENTRIES) - len(missing), len(ENTRIES), detail)
    print(text)
    reporter = request.config.pluginmanager.getplugin("terminalreporter")
    if reporter is not None:
        request.config.add_cleanup(lambda: reporter.write_line(text))


def test_surface_file_is_generated_and_covers_the_docs():
    """The file is the generator's and names at least what Node's v13 docs do."""
    names = {(owner, name) for _, owner, name, _, _ in ENTRIES}
    for key in [("net", "createServer"), ("Server", "maxConnections"), ("Socket", "bytesRead"),
                ("Socket", "timeout"), ("Server", "drop"), ("Socket", "readyState")]:
        assert key in names
    with open(SURFACE, encoding="utf-8") as f:
        assert "python -m compat.api_surface" in f.readline() + f.readline()


@pytest.mark.parametrize("name", HELPERS + ["createServer", "createConnection", "connect",
                                            "isIP", "isIPv4", "isIPv6"])
def test_module_functions_answer_to_both_spellings(name):
    assert getattr(gnet, snake_case(name)) is getattr(gnet, name)


@pytest.mark.parametrize("owner, names", [(Timeout, TIMEOUT), (Immediate, IMMEDIATE),
                                          (gnet.EventEmitter, [e[2] for e in ENTRIES
                                                               if e[4] == "events.EventEmitter"])])
def test_methods_answer_to_both_spellings(owner, names):
    for name in names:
        assert inspect.getattr_static(owner, snake_case(name)) is inspect.getattr_static(owner, name), name


def test_stream_is_socket_and_snake_case_keeps_acronyms_whole():
    assert gnet.Stream is gnet.Socket
    assert snake_case("isIPv6") == "is_ipv6" and snake_case("setNoDelay") == "set_no_delay"


def test_option_keys_are_accepted_in_both_spellings():
    half_open = gnet.Socket({"allow_half_open": True})
    assert half_open.allowHalfOpen is True
    assert gnet.Socket(allowHalfOpen=True).allowHalfOpen is True
    assert gnet.createServer(pause_on_connect=True).pauseOnConnect is True


def test_server_max_connections_is_one_attribute_in_both_spellings():
    server = gnet.createServer()
    assert server.max_connections is None
    server.max_connections = 3
    assert server.maxConnections == 3 and "max_connections" not in vars(server)
    server.maxConnections = 5
    assert server.max_connections == 5
    del server.max_connections
    assert server.maxConnections is None      # back to the class's default


def test_socket_allow_half_open_reads_and_writes_in_both_spellings():
    sock = gnet.Socket()
    assert sock.allow_half_open is False
    sock.allow_half_open = True
    assert sock.allowHalfOpen is True


def test_class_level_setting_answers_to_both_spellings():
    before = gnet.EventEmitter.defaultMaxListeners
    try:
        gnet.EventEmitter.default_max_listeners = 1
        assert gnet.EventEmitter.defaultMaxListeners == 1
        assert gnet.EventEmitter().getMaxListeners() == 1
        assert gnet.Socket.default_max_listeners == 1
        gnet.EventEmitter.defaultMaxListeners = 4
        assert gnet.EventEmitter.default_max_listeners == 4
        assert isinstance(vars(gnet.EventEmitter)["default_max_listeners"], Alias)
    finally:
        gnet.EventEmitter.defaultMaxListeners = before


def test_alias_class_aliases_data_through_the_node_name_and_refuses_to_overwrite():
    @alias_class
    class Thing(metaclass=AliasingType):
        fooBar = 1

        def doIt(self):
            return self.fooBar

    thing = Thing()
    thing.foo_bar = 2
    assert thing.fooBar == 2 and thing.do_it() == 2 and Thing.do_it is Thing.doIt
    Thing.foo_bar = 7
    assert Thing.fooBar == 7 and Thing().foo_bar == 7

    class Clash:
        fooBar = 1
        foo_bar = 2

    with pytest.raises(AssertionError):
        alias_class(Clash)
