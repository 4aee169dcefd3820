"""Bad input, property-based (issue 16.3): gnet raises Node's code or works, never a Python accident.

hypothesis generates the arguments of every public call: ints (huge and
negative too), floats (nan, inf, -0.0), str, bytes, None, lists, dicts with
odd keys and values, errors, AbortSignals and callables of every arity. Each
call on gnet must either work or raise an error that Node could raise (a
``NodeError``/``NodeOSError``/``AbortError`` with its ``code``), never an
internal exception (``AttributeError``, ``KeyError``, ``OverflowError``, a
``TypeError`` without ``code``...), and nothing it starts may fail that way
later either. Every generated case of a synchronous call is also replayed in
Node, by one ``node tests/node_bad_calls.js --replay`` process for the whole
run, fed the cases as JSON lines: gnet must throw what Node throws (the same
``code``; for an error Node throws without one, the same JavaScript class) and
work where Node works.

On the wire: random chunk sizes, pauses, encodings and half-closes over a
loopback echo preserve every byte.

Cases are described as data (the tags of tests/node_bad_calls.js), so the
same description becomes the Python call here and the JavaScript call there.
hypothesis runs derandomized with a fixed number of examples per call, so CI
sees the same cases every time.
"""
import array
import functools
import json
import math
import os
import pathlib
import shutil
import subprocess
import warnings
from collections.abc import Mapping

import gevent
import gevent.event
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import gnet
from gnet.js import errors
from gnet.js.arity import bounds as arity_bounds
from gnet.js.values import js_truthy as gnet_truthy

HERE = pathlib.Path(__file__).parent

#: Seconds to wait for what a case started to finish: a guard, not a wait.
GUARD = 5

#: ``GNET_HYPOTHESIS_EXAMPLES=500 GNET_HYPOTHESIS_RANDOM=1`` explores further
#: than CI does (a new random sample each run); CI runs the fixed sample.
SETTINGS = settings(max_examples=int(os.environ.get("GNET_HYPOTHESIS_EXAMPLES", 30)), deadline=None,
                    derandomize=not os.environ.get("GNET_HYPOTHESIS_RANDOM"), database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# ---------------------------------------------------------------------------
# Values, described once for both languages (tests/node_bad_calls.js's tags)

def _noop(*args):
    pass


class _CallableObject:
    def __call__(self, *args):
        pass


class _Holder:
    def method(self, a, b=None):
        pass


async def _async_fn(*args):
    pass


#: Python callables of every arity; in JavaScript each is a plain function.
CALLABLES = {
    "noop": _noop,
    "arity0": lambda: None,
    "arity1": lambda a: None,
    "arity2": lambda a, b: None,
    "arity3-defaults": lambda a, b=1, c=2: None,
    "kwonly-default": lambda a, *, k=1: None,
    "varargs-kwargs": lambda *a, **k: None,
    "partial": functools.partial(lambda a, b, c=None: None, 1),
    "callable-object": _CallableObject(),
    "bound-method": _Holder().method,
    "class": object,
    "builtin": id,
    # Refused by gnet at registration (API.md 2); Node takes async functions,
    # so a case with one is not replayed.
    "async": _async_fn,
}
PY_ONLY_CALLABLES = {"async"}


def fn(name="noop"):
    return {"$": "function", "py": name}


NAN = {"$": "NaN"}
INF = {"$": "Infinity"}
NEG_INF = {"$": "-Infinity"}
NEG_ZERO = {"$": "-0"}
NULL = {"$": "null"}
SIGNAL = {"$": "AbortSignal"}


def decode(value):
    """A description as the Python value it stands for."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        tag = value.get("$")
        if tag is None:
            return {k: decode(v) for k, v in value.items()}
        if tag == "function":
            return CALLABLES[value.get("py", "noop")]
        if tag == "dict":
            return {decode(k): decode(v) for k, v in value["items"]}
        return {
            "null": lambda: None,
            "NaN": lambda: math.nan,
            "Infinity": lambda: math.inf,
            "-Infinity": lambda: -math.inf,
            "-0": lambda: -0.0,
            "bytes": lambda: bytes.fromhex(value["hex"]),
            "bytearray": lambda: bytearray.fromhex(value["hex"]),
            "memoryview": lambda: memoryview(bytes.fromhex(value["hex"])),
            "array": lambda: array.array(value["typecode"], value["values"]),
            "AbortSignal": lambda: gnet.AbortController().signal,
            "error": lambda: Exception(value["message"]),
        }[tag]()
    return value


def _py_only(value):
    """Whether a description holds something Node has no counterpart for."""
    if isinstance(value, list):
        return any(_py_only(v) for v in value)
    if isinstance(value, dict):
        if value.get("$") == "function":
            return value.get("py") in PY_ONLY_CALLABLES
        if value.get("$") == "dict":
            return any(_py_only(k) or _py_only(v) for k, v in value["items"])
        return any(_py_only(v) for v in value.values())
    return False


def _errors_in(value, found):
    if isinstance(value, BaseException):
        found.append(value)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _errors_in(v, found)
    elif isinstance(value, dict):
        for v in value.values():
            _errors_in(v, found)
    return found


def _float(x):
    if math.isnan(x):
        return NAN
    if math.isinf(x):
        return INF if x > 0 else NEG_INF
    if x == 0 and math.copysign(1, x) < 0:
        return NEG_ZERO
    return x


#: Strings that mean something to some call (numbers, encodings, addresses,
#: families, event names); Unix paths never name a directory ('/' is left
#: out of generated text: a listen() on a generated path makes a file).
SPECIAL_STRINGS = [
    "", " ", "0", "80", "-1", "1.5", "0x1f", "1e3", "NaN", "Infinity", "abc", "\0abstract",
    "utf8", "UTF-8", "hex", "base64", "base64url", "latin1", "binary", "ascii", "ucs2", "utf16le",
    "buffer", "bogus", "127.0.0.1", "::1", "::ffff:1.2.3.4", "1.2.3.4", "255.255.255.255", "1.2.3",
    "fe80::1%lo", "ipv4", "ipv6", "IPv4", "IPv6", "x", "error", "data", "newListener", "removeListener",
    "end", "close", "\ud800", "é", "\U0001f600",
]
SPECIAL_INTS = [0, 1, -1, 2, 4, 6, 80, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 1,
                -2 ** 31, -2 ** 53, 2 ** 64, 10 ** 30, 10 ** 400, -10 ** 400]

ints = st.one_of(st.sampled_from(SPECIAL_INTS), st.integers(-2 ** 70, 2 ** 70))
floats = st.one_of(st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 0.5, 1.5, -1.5, 1e300, 5e-324, 2.0 ** 31]),
                   st.floats()).map(_float)
texts = st.one_of(st.sampled_from(SPECIAL_STRINGS), st.text(max_size=12).map(lambda s: s.replace("/", "_")))
hexes = st.binary(max_size=8).map(bytes.hex)
callables = st.sampled_from(sorted(CALLABLES)).map(fn)
leaves = st.one_of(
    st.none(), st.booleans(), ints, floats, texts,
    hexes.map(lambda h: {"$": "bytes", "hex": h}),
    hexes.map(lambda h: {"$": "bytearray", "hex": h}),
    hexes.map(lambda h: {"$": "memoryview", "hex": h}),
    callables,
    st.just(SIGNAL),
    st.sampled_from(["boom", ""]).map(lambda m: {"$": "error", "message": m}),
)
#: Keys an options object may have besides the call's own: odd ones
#: (some of JavaScript's Object.prototype names; not '__proto__', which is
#: no key there, nor 'toString' and 'valueOf', which would make the object
#: one JavaScript cannot turn into a string or number) and keys that are no
#: strings at all in Python.
ODD_KEYS = ["", " ", "constructor", "hasOwnProperty", "0", "port ", "PORT", "é"]


def _odd_dict(children):
    key = st.one_of(st.sampled_from(ODD_KEYS), st.integers(-3, 3), st.booleans())
    return st.lists(st.tuples(key, children), max_size=3).map(
        lambda items: {"$": "dict", "items": [list(kv) for kv in items]} if any(
            not isinstance(k, str) for k, _ in items) else {k: v for k, v in items})


values = st.recursive(
    leaves,
    lambda children: st.one_of(st.lists(children, max_size=3), _odd_dict(children)),
    max_leaves=6,
)


# ---------------------------------------------------------------------------
# Call shapes: each position of a call draws from what makes sense there, or
# from anything, so that both the first check and the ones behind it are hit.

#: Host names that resolve at once: no generated case waits for DNS.
HOST_NAMES = ["127.0.0.1", "::1", "localhost", "", "0.0.0.0", "::", "1.2.3.4.5", "::g"]
HOSTS = st.one_of(st.sampled_from(HOST_NAMES), values.filter(lambda v: not isinstance(v, str)))


def _no_dns(args):
    """``connect(port, host)`` and ``listen(port, host)`` with a generated host
    string would wait for DNS (in gnet and in Node): it becomes one of HOST_NAMES."""
    if len(args) > 1 and isinstance(args[1], str) and args[1] not in HOST_NAMES:
        return [args[0], HOST_NAMES[len(args[1]) % len(HOST_NAMES)]] + args[2:]
    return args
#: ``fd`` values that name no descriptor this process holds (a generated
#: one could be pytest's own output, or node's stdin).
SAFE_FDS = st.sampled_from([-1, 2 ** 31, 1.5, "x", None, 99999, NAN, True, {}])
PORTS = st.one_of(ints, floats, texts, values)


#: The option names of each options strategy (``options``), by the strategy's id.
OPTION_NAMES = {}


def options(**keys):
    """A dict description with some of ``keys`` (name -> strategy), plus odd keys."""
    pairs = st.lists(st.sampled_from(sorted(keys)), max_size=4, unique=True).flatmap(
        lambda names: st.fixed_dictionaries({n: keys[n] for n in names}))
    strategy = st.tuples(pairs, st.lists(st.tuples(st.sampled_from(ODD_KEYS), values), max_size=1)).map(
        lambda p: {**dict(p[1]), **p[0]})
    OPTION_NAMES[id(strategy)] = set(keys)
    return strategy


def call(*slots):
    """Argument lists: the first ``n`` of ``slots`` (each a strategy), or anything."""
    shaped = st.integers(0, len(slots)).flatmap(lambda n: st.tuples(*slots[:n]).map(list))
    return st.one_of(shaped, shaped, st.lists(values, max_size=4))


ANY = values
CALLBACK = st.one_of(callables, values)
ENCODING = st.one_of(st.sampled_from(["utf8", "hex", "base64", "latin1", "ucs2", "bogus", "buffer"]), values)
DATA = st.one_of(texts, hexes.map(lambda h: {"$": "bytes", "hex": h}), st.just(NULL), values)
CONNECT_OPTIONS = options(
    port=PORTS, host=HOSTS, path=st.one_of(texts, values), family=st.one_of(st.sampled_from([0, 4, 6, "IPv4"]), ANY),
    hints=ANY, lookup=CALLBACK, localAddress=st.one_of(texts, ANY), localPort=PORTS, timeout=ANY,
    autoSelectFamily=ANY, autoSelectFamilyAttemptTimeout=ANY, keepAlive=ANY, keepAliveInitialDelay=ANY,
    noDelay=ANY, allowHalfOpen=ANY, signal=st.one_of(st.just(SIGNAL), ANY), onread=ANY, fd=SAFE_FDS,
    highWaterMark=ANY,
)
SOCKET_OPTIONS = options(
    allowHalfOpen=ANY, readable=ANY, writable=ANY, onread=st.one_of(options(buffer=ANY, callback=CALLBACK), ANY),
    signal=st.one_of(st.just(SIGNAL), ANY), fd=SAFE_FDS, highWaterMark=ANY, readableHighWaterMark=ANY,
    writableHighWaterMark=ANY, keepAlive=ANY, keepAliveInitialDelay=ANY, noDelay=ANY, objectMode=ANY,
)
SERVER_OPTIONS = options(
    allowHalfOpen=ANY, pauseOnConnect=ANY, noDelay=ANY, keepAlive=ANY, keepAliveInitialDelay=ANY,
    highWaterMark=ANY,
)
LISTEN_OPTIONS = options(
    port=PORTS, host=HOSTS, path=st.one_of(texts, ANY), backlog=ANY, exclusive=ANY, readableAll=ANY,
    writableAll=ANY, ipv6Only=ANY, signal=st.one_of(st.just(SIGNAL), ANY), fd=SAFE_FDS,
)
EVENT = st.one_of(st.sampled_from(["x", "error", "newListener", "removeListener", "data"]), values)
ADDRESS = st.one_of(st.sampled_from(["1.2.3.4", "::1", "10.0.0.1", "10.0.0.10", "1.2.3", "", "::ffff:1.2.3.4"]),
                    values)
FAMILY = st.one_of(st.sampled_from(["ipv4", "ipv6", "IPv4", "IPV6", "ipv5"]), values)

def _not_a_number(described):
    return not (isinstance(described, (int, float)) and not isinstance(described, bool)) and described != NEG_ZERO


SOCKET_ADDRESS_OPTIONS = options(address=ADDRESS, port=PORTS, family=FAMILY, flowlabel=ANY)

#: Each public call: its argument lists.
SHAPES = {
    "net.connect": call(st.one_of(PORTS, CONNECT_OPTIONS), HOSTS, CALLBACK).map(_no_dns),
    "net.createConnection": call(st.one_of(PORTS, CONNECT_OPTIONS), HOSTS, CALLBACK).map(_no_dns),
    "socket.connect": call(st.one_of(PORTS, CONNECT_OPTIONS), HOSTS, CALLBACK).map(_no_dns),
    # Not a number: new net.Socket(n) is new net.Socket({fd: n}).
    "new net.Socket": st.one_of(st.just([]), st.tuples(st.one_of(SOCKET_OPTIONS, SAFE_FDS)).map(list),
                                st.lists(values.filter(_not_a_number), max_size=2)),
    "socket.write": call(DATA, ENCODING, CALLBACK),
    "socket.end": call(DATA, ENCODING, CALLBACK),
    "socket.setTimeout": call(st.one_of(ints, floats, values), CALLBACK),
    "socket.setNoDelay": call(ANY),
    "socket.setKeepAlive": call(ANY, st.one_of(ints, floats, values)),
    "socket.setEncoding": call(ENCODING),
    "socket.setDefaultEncoding": call(ENCODING),
    "socket.destroy": call(ANY, CALLBACK),
    "socket.read": call(st.one_of(ints, floats, values)),
    "socket.pipe": call(ANY, ANY),
    "socket.unpipe": call(ANY),
    "server.listen": call(st.one_of(PORTS, LISTEN_OPTIONS), st.one_of(HOSTS, ints, CALLBACK), st.one_of(ints, ANY),
                          CALLBACK).map(_no_dns),
    "net.createServer": call(st.one_of(SERVER_OPTIONS, CALLBACK), CALLBACK),
    "new net.Server": call(st.one_of(SERVER_OPTIONS, CALLBACK), CALLBACK),
    "server.close": call(CALLBACK),
    "server.getConnections": call(CALLBACK),
    "server.address": call(),
    "server.maxConnections=": st.tuples(ANY).map(list),
    "setTimeout": call(CALLBACK, st.one_of(ints, floats, values), ANY, ANY),
    "setInterval": call(CALLBACK, st.one_of(ints, floats, values), ANY),
    "setImmediate": call(CALLBACK, ANY, ANY),
    "clearTimeout": call(ANY),
    "clearInterval": call(ANY),
    "clearImmediate": call(ANY),
    "process.nextTick": call(CALLBACK, ANY, ANY),
    "emitter.on": call(EVENT, CALLBACK),
    "emitter.once": call(EVENT, CALLBACK),
    "emitter.prependListener": call(EVENT, CALLBACK),
    "emitter.prependOnceListener": call(EVENT, CALLBACK),
    "emitter.removeListener": call(EVENT, CALLBACK),
    "emitter.off": call(EVENT, CALLBACK),
    "emitter.emit": call(EVENT, ANY, ANY),
    "emitter.on+emit": st.tuples(CALLBACK, st.lists(ANY, max_size=3)).map(lambda t: [t[0]] + t[1]),
    "emitter.setMaxListeners": call(st.one_of(ints, floats, values)),
    "emitter.listenerCount": call(EVENT, CALLBACK),
    "emitter.listeners": call(EVENT),
    "emitter.rawListeners": call(EVENT),
    "emitter.removeAllListeners": call(EVENT),
    "net.isIP": call(ADDRESS),
    "net.isIPv4": call(ADDRESS),
    "net.isIPv6": call(ADDRESS),
    "blockList.addAddress": call(ADDRESS, FAMILY),
    "blockList.addRange": call(ADDRESS, ADDRESS, FAMILY),
    "blockList.addSubnet": call(ADDRESS, st.one_of(ints, floats, values), FAMILY),
    "blockList.check": call(ADDRESS, FAMILY),
    "new net.SocketAddress": call(st.one_of(SOCKET_ADDRESS_OPTIONS, ANY)),
    "net.SocketAddress.isSocketAddress": call(ANY),
    "net.setDefaultAutoSelectFamily": call(ANY),
    "net.setDefaultAutoSelectFamilyAttemptTimeout": call(st.one_of(ints, floats, values)),
    "process.setUncaughtExceptionCaptureCallback": call(CALLBACK),
    "process.exitCode=": st.tuples(st.one_of(ints, floats, texts, values)).map(list),
    "AbortSignal.timeout": call(st.one_of(ints, floats, values)),
    "AbortSignal.abort": call(ANY),
    "AbortSignal.any": call(st.one_of(st.lists(st.one_of(st.just(SIGNAL), ANY), max_size=3), ANY)),
}

def _hashable(value):
    try:
        hash(value)
        return True
    except TypeError:
        return False


def _no_listener(args):
    # on('x') without a listener is a decorator in gnet (API.md 7); Node throws.
    return len(args) < 2 or not _hashable(args[0])


def _str_as_buffer(args):
    # write(str, 'buffer'): gnet raises at once; Node throws only once the
    # socket writes it to its handle, which a socket that never connected never does.
    return len(args) > 1 and isinstance(args[0], str) and isinstance(args[1], str) and args[1].lower() == "buffer"


def _signal_as_options(args):
    # An object other than a dict is read as options by attribute, and an
    # AbortSignal instance has AbortSignal.timeout (a classmethod) there, which
    # JavaScript keeps on the constructor: Node reads no timeout off a signal.
    return bool(args) and isinstance(args[0], gnet.AbortSignal)


def _not_a_str(args):
    # isIP and friends answer 0/False for anything but a str; Node first makes a string of it.
    return bool(args) and not isinstance(args[0], str)


def _infinite(value):
    """Whether ``float(value)`` is infinite (or too big to be a float at all)."""
    try:
        return math.isinf(float(value))
    except OverflowError:
        return True
    except (TypeError, ValueError):
        return False


def _takes_one_argument(fn):
    """Whether ``fn(x)`` fits ``fn``'s signature (and ``fn`` is no async def)."""
    try:
        required, maximum = arity_bounds(fn)
    except errors.NodeError:
        return False
    return required <= 1 and (maximum is None or maximum >= 1)


def _negative_zero(value):
    return isinstance(value, float) and value == 0 and math.copysign(1, value) < 0


def node_aborts(op, args):
    """Cases that make Node v20 abort (a failed assertion in its C++ layer),
    not throw: -0 as a SocketAddress's port or flowlabel, or a BlockList
    subnet's prefix. gnet reads -0 as 0 there (docs/differences.md)."""
    if op == "new net.SocketAddress":
        return bool(args) and isinstance(args[0], Mapping) and any(
            _negative_zero(args[0].get(key)) for key in ("port", "flowlabel"))
    if op == "blockList.addSubnet":
        return len(args) > 1 and _negative_zero(args[1])
    return False


#: Calls whose first argument ``None`` is JavaScript's ``null``: data
#: (``write(None)``, API.md 2) and ``setUncaughtExceptionCaptureCallback(None)``,
#: which removes the callback.
AS_NULL = {"socket.write", "socket.end", "process.setUncaughtExceptionCaptureCallback"}

#: Calls whose gnet answer differs from Node's by design (docs/differences.md):
#: the case still runs on gnet, and must raise a Node error or work, but its
#: answer is not compared with Node's.
NOT_REPLAYED = {
    "net.isIP": _not_a_str,
    "net.isIPv4": _not_a_str,
    "net.isIPv6": _not_a_str,
    "emitter.on": _no_listener,
    "emitter.once": _no_listener,
    "emitter.prependListener": _no_listener,
    "emitter.prependOnceListener": _no_listener,
    "net.connect": _signal_as_options,
    "net.createConnection": _signal_as_options,
    "socket.write": _str_as_buffer,
    "socket.end": _str_as_buffer,
}


# ---------------------------------------------------------------------------
# Each call as a program makes it on gnet (tests/node_bad_calls.js makes it on Node)

def _keep(obj, made):
    obj.on("error", _noop)
    made.append(obj)
    return obj


def _socket_method(name):
    def run(args, made):
        getattr(_keep(gnet.Socket(), made), name)(*args)
    return run


def _server_method(name):
    def run(args, made):
        getattr(_keep(gnet.Server(), made), name)(*args)
    return run


def _emitter():
    return gnet.EventEmitter().on("x", _noop)


def _emitter_method(name):
    return lambda args, made: getattr(_emitter(), name)(*args)


def _timer(set_):
    def run(args, made):
        made.append(set_(*args))
    return run


def _connect(name):
    def run(args, made):
        _keep(getattr(gnet, name)(*args), made)
    return run


def _set_max_connections(args, made):
    _keep(gnet.Server(), made).maxConnections = args[0]


def _listen(args, made):
    _keep(gnet.Server(), made).listen(*args)


OPS = {
    "net.connect": _connect("connect"),
    "net.createConnection": _connect("createConnection"),
    "socket.connect": _socket_method("connect"),
    "new net.Socket": lambda args, made: _keep(gnet.Socket(*args), made),
    "socket.write": _socket_method("write"),
    "socket.end": _socket_method("end"),
    "socket.setTimeout": _socket_method("setTimeout"),
    "socket.setNoDelay": _socket_method("setNoDelay"),
    "socket.setKeepAlive": _socket_method("setKeepAlive"),
    "socket.setEncoding": _socket_method("setEncoding"),
    "socket.setDefaultEncoding": _socket_method("setDefaultEncoding"),
    "socket.destroy": _socket_method("destroy"),
    "socket.read": _socket_method("read"),
    "socket.pipe": _socket_method("pipe"),
    "socket.unpipe": _socket_method("unpipe"),
    "server.listen": _listen,
    "net.createServer": lambda args, made: _keep(gnet.createServer(*args), made),
    "new net.Server": lambda args, made: _keep(gnet.Server(*args), made),
    "server.close": _server_method("close"),
    "server.getConnections": _server_method("getConnections"),
    "server.address": _server_method("address"),
    "server.maxConnections=": _set_max_connections,
    "setTimeout": _timer(gnet.setTimeout),
    "setInterval": _timer(gnet.setInterval),
    "setImmediate": _timer(gnet.setImmediate),
    "clearTimeout": lambda args, made: gnet.clearTimeout(*args),
    "clearInterval": lambda args, made: gnet.clearInterval(*args),
    "clearImmediate": lambda args, made: gnet.clearImmediate(*args),
    "process.nextTick": lambda args, made: gnet.nextTick(*args),
    "emitter.on": _emitter_method("on"),
    "emitter.once": _emitter_method("once"),
    "emitter.prependListener": _emitter_method("prependListener"),
    "emitter.prependOnceListener": _emitter_method("prependOnceListener"),
    "emitter.removeListener": _emitter_method("removeListener"),
    "emitter.off": _emitter_method("off"),
    "emitter.emit": _emitter_method("emit"),
    "emitter.on+emit": lambda args, made: gnet.EventEmitter().on("x", *args[:1]).emit("x", *args[1:]),
    "emitter.setMaxListeners": _emitter_method("setMaxListeners"),
    "emitter.listenerCount": _emitter_method("listenerCount"),
    "emitter.listeners": _emitter_method("listeners"),
    "emitter.rawListeners": _emitter_method("rawListeners"),
    "emitter.removeAllListeners": _emitter_method("removeAllListeners"),
    "net.isIP": lambda args, made: gnet.isIP(*args),
    "net.isIPv4": lambda args, made: gnet.isIPv4(*args),
    "net.isIPv6": lambda args, made: gnet.isIPv6(*args),
    "blockList.addAddress": lambda args, made: gnet.BlockList().addAddress(*args),
    "blockList.addRange": lambda args, made: gnet.BlockList().addRange(*args),
    "blockList.addSubnet": lambda args, made: gnet.BlockList().addSubnet(*args),
    "blockList.check": lambda args, made: gnet.BlockList().check(*args),
    "new net.SocketAddress": lambda args, made: gnet.SocketAddress(*args),
    "net.SocketAddress.isSocketAddress": lambda args, made: gnet.SocketAddress.isSocketAddress(*args),
    "net.setDefaultAutoSelectFamily": lambda args, made: gnet.setDefaultAutoSelectFamily(*args),
    "net.setDefaultAutoSelectFamilyAttemptTimeout":
        lambda args, made: gnet.setDefaultAutoSelectFamilyAttemptTimeout(*args),
    "process.setUncaughtExceptionCaptureCallback":
        lambda args, made: gnet.setUncaughtExceptionCaptureCallback(*args),
    "process.exitCode=": lambda args, made: setattr(gnet.process, "exitCode", args[0]),
    "AbortSignal.timeout": lambda args, made: made.append(gnet.AbortSignal.timeout(*args)),
    "AbortSignal.abort": lambda args, made: gnet.AbortSignal.abort(*args),
    "AbortSignal.any": lambda args, made: gnet.AbortSignal.any(*args),
}
assert set(OPS) == set(SHAPES)

#: Errors gnet may raise: Node's own (NodeError: code and message), system
#: errors (NodeOSError) and the AbortError/DOMException of abort signals.
NODE_ERRORS = (errors.NodeError, errors.NodeOSError, errors.AbortError, errors.DOMException)
#: JavaScript's error classes and the Python built-ins they stand for (API.md 4).
JS_CLASS = {"TypeError": TypeError, "RangeError": ValueError, "Error": Exception}


def _clean_up(made):
    """Destroy, close or clear what a case made, and let the loop run what the
    case queued (nextTicks, immediates, 'close'), so that anything failing
    later fails inside this case."""
    closed = []
    for obj in made:
        if isinstance(obj, (gnet.Socket, gnet.Server)):
            done = gevent.event.Event()
            closed.append(done)
            obj.once("close", lambda *_, done=done: done.set())
            if isinstance(obj, gnet.Server):
                obj.close()         # also one still looking its host up: it must not listen later
            else:
                obj.destroy()
        elif hasattr(obj, "close"):
            obj.close()                         # a Timeout
        elif isinstance(obj, gnet.AbortSignal):
            pass
        else:
            gnet.clearImmediate(obj)
    for done in closed:
        assert done.wait(GUARD), "what a case made did not close"
    ticked = gevent.event.Event()
    gnet.setImmediate(lambda: gnet.nextTick(ticked.set))
    assert ticked.wait(GUARD)


@pytest.fixture(scope="module")
def node(tmp_path_factory):
    """One Node process for the module, answering generated cases (node_bad_calls.js --replay)."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    cwd = tmp_path_factory.mktemp("node-replay")
    proc = subprocess.Popen(["node", str(HERE / "node_bad_calls.js"), "--replay"], cwd=cwd,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def ask(op, args):
        proc.stdin.write(json.dumps({"op": op, "args": args}) + "\n")
        proc.stdin.flush()
        line = proc.stdout.readline()
        assert line, "node died of %s(%s)" % (op, json.dumps(args))
        return json.loads(line)

    yield ask
    proc.stdin.close()
    proc.wait(timeout=10)


@pytest.fixture(scope="module", autouse=True)
def _in_a_directory_of_its_own(tmp_path_factory):
    """Generated Unix paths are relative: they land in a directory of their own."""
    here = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("gnet-cases"))
    try:
        yield
    finally:
        os.chdir(here)


def run_case(op, described):
    """Run one case on gnet. Returns (exception or None, warning class names,
    errors the args hold); fails if what the case started raised anything
    but a Node error later (an uncaught exception while it wound down)."""
    args = decode(described)
    given = _errors_in(args, [])
    made = []
    uncaught = []
    family, attempt = gnet.getDefaultAutoSelectFamily(), gnet.getDefaultAutoSelectFamilyAttemptTimeout()
    gnet.process.on("uncaughtException", lambda err, origin: uncaught.append(err))
    raised = None
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                OPS[op](args, made)
            except Exception as exc:  # noqa: B902 - every exception is examined by the caller
                raised = exc
            _clean_up(made)
    finally:
        gnet.setUncaughtExceptionCaptureCallback(None)
        gnet.process.removeAllListeners("uncaughtException")
        gnet.setDefaultAutoSelectFamily(family)
        gnet.setDefaultAutoSelectFamilyAttemptTimeout(attempt)
        gnet.process.exitCode = None
    for err in uncaught:
        assert isinstance(err, NODE_ERRORS) or any(err is g for g in given), \
            "%s(%r) led to an uncaught %r" % (op, args, err)
    return raised, [type(w.message).__name__ for w in caught], given


def python_call_error(exc):
    """Python's own TypeError for a call it refuses before gnet runs (more
    positional arguments than Node's signature has, an unknown keyword): the
    traceback has no frame inside gnet. Node ignores extra arguments; gnet,
    as Python, does not (API.md 2, docs/differences.md)."""
    if type(exc) is not TypeError:
        return False
    tb = exc.__traceback__
    caller = None
    while tb.tb_next is not None:
        caller, tb = tb, tb.tb_next
    if tb.tb_frame.f_code.co_filename == __file__:
        return True
    # A function of gnet's compiled build (gnet/_build.py) checks its own
    # arguments: the same TypeError, with one frame below the call's, at the
    # function's ``def`` line (Cython names the file relative: gnet/...).
    return (caller is not None and caller.tb_frame.f_code.co_filename == __file__ and gnet.compiled
            and tb.tb_frame.f_code.co_firstlineno == tb.tb_lineno
            and tb.tb_frame.f_code.co_filename.startswith("gnet" + os.sep))


def _refused_as_async(exc):
    """gnet's ERR_INVALID_ARG_TYPE for an ``async def`` callback (API.md 2),
    which Node, taking any function, never raises. Any other answer to a case
    with an async function is compared with Node's, where it is a function."""
    return getattr(exc, "code", None) == "ERR_INVALID_ARG_TYPE" and "not an async function" in str(exc)


def is_node_error(exc, given):
    """An error Node could raise (with its ``code``), or one the case passed in."""
    return any(exc is g for g in given) or (
        isinstance(exc, NODE_ERRORS) and isinstance(getattr(exc, "code", None), str))


def same_as_node(op, described, raised, warned, given, node_answer):
    if "threw_given" in node_answer:
        assert any(raised is g for g in given), "Node threw the error it was given; gnet: %r" % (raised,)
    elif node_answer.get("ok"):
        assert raised is None, "Node accepts %s(%s); gnet raised %r" % (op, described, raised)
    elif "code" in node_answer:
        assert raised is not None, "Node throws %s for %s(%s); gnet accepted it" % (
            node_answer["code"], op, described)
        assert getattr(raised, "code", None) == node_answer["code"], \
            "%s(%s): Node %s, gnet %r" % (op, described, node_answer["code"], raised)
        assert isinstance(raised, JS_CLASS.get(node_answer["name"], Exception)), (node_answer, raised)
    else:
        # Node threw an error with no code: its engine's accident ("Cannot
        # read properties of undefined", "Cannot create property '_destroyed'
        # on number '1'"). gnet need not copy those: it may work instead; if
        # it raises (as for pipe() to a non-stream, on purpose), it is the
        # same class of error.
        assert raised is None or isinstance(raised, JS_CLASS.get(node_answer["threw"], Exception)), \
            "%s(%s): Node %s, gnet %r" % (op, described, node_answer, raised)
    assert sorted(set(warned)) == sorted({w["name"] for w in node_answer.get("warnings", [])}), \
        "%s(%s): Node warned %s, gnet %s" % (op, described, node_answer.get("warnings"), warned)


@pytest.mark.parametrize("op", sorted(SHAPES))
@SETTINGS
@given(data=st.data())
def test_every_call_raises_what_node_raises_or_works(op, data, node):
    described = data.draw(SHAPES[op], label="args")
    raised, warned, given = run_case(op, described)
    if raised is not None and python_call_error(raised):
        return
    if _py_only(described) and _refused_as_async(raised):
        return
    skip = NOT_REPLAYED.get(op)
    if skip is not None and skip(decode(described)) or node_aborts(op, decode(described)):
        assert raised is None or is_node_error(raised, given), \
            "%s(%r) raised a Python error, not Node's: %r" % (op, described, raised)
        return
    if op in AS_NULL and described and described[0] is None:
        described = [NULL] + described[1:]
    same_as_node(op, described, raised, warned, given, node(op, described))


#: Cases that once raised a Python error in gnet (or differed from Node),
#: each replayed in Node as the generated ones are.
REGRESSIONS = [
    ("server.listen", [0, 10 ** 400]),                      # OverflowError in the backlog's int32
    ("server.listen", [0, INF]),
    ("socket.setTimeout", [10 ** 400]),                     # OverflowError in the finite check
    ("socket.setTimeout", [-10 ** 400]),
    ("socket.setKeepAlive", [True, 10 ** 400]),             # OverflowError dividing by 1000
    ("net.connect", ["0x" + "f" * 300]),                    # OverflowError reading the text as a number
    ("net.connect", [{"port": "0x" + "f" * 300}]),
    ("AbortSignal.timeout", [INF]),                         # OverflowError in the uint32 check
    ("AbortSignal.timeout", [10 ** 400]),
    ("AbortSignal.any", [[None]]),                          # AttributeError: None has no .aborted
    ("AbortSignal.any", [[{"aborted": True, "reason": "r"}]]),   # AttributeError on a dict
    ("AbortSignal.any", [[{"aborted": 0}, SIGNAL]]),
    ("emitter.emit", [[]]),                                 # TypeError: unhashable type
    ("emitter.emit", [{"a": 1}, 2]),
    ("emitter.listenerCount", [[]]),
    ("emitter.listeners", [{}]),
    ("emitter.rawListeners", [[]]),
    ("emitter.removeAllListeners", [[]]),
    ("emitter.removeListener", [[], fn()]),
    ("emitter.off", [{}, fn()]),
    ("process.exitCode=", [2 ** 53]),                       # accepted: Node wants a safe integer
    ("process.exitCode=", ["Infinity"]),                    # ERR_INVALID_ARG_TYPE, Node ERR_OUT_OF_RANGE
    ("process.exitCode=", ["1e400"]),
    ("process.exitCode=", [" "]),
    ("process.exitCode=", [INF]),
    ("new net.Socket", [{"objectMode": []}]),               # [] is true in JavaScript
    ("new net.Socket", [{"readableObjectMode": {}}]),
    ("new net.Socket", [{"writableObjectMode": {"$": "bytes", "hex": ""}}]),
    ("server.listen", ["\ud800"]),                          # UnicodeEncodeError binding the path
    ("server.listen", [{"path": "a\udfffb", "readableAll": True}]),
    ("process.setUncaughtExceptionCaptureCallback", [fn("arity0")]),
    ("server.listen", ["a\0b"]),                             # ValueError unlinking it at close
    ("server.listen", [{"path": "a\0b", "writableAll": True}]),   # ValueError in chmod
    ("server.listen", [{"fd": 2 ** 31}]),                  # ValueError: negative file descriptor
    ("server.listen", [{"fd": 2 ** 64}]),                  # OverflowError
    ("server.listen", [{"fd": 10 ** 400}]),
]


@pytest.mark.parametrize("op, described", REGRESSIONS, ids=[
    "%s-%d" % (op, i) for i, (op, _) in enumerate(REGRESSIONS)])
def test_regressions_raise_what_node_raises_or_work(op, described, node):
    raised, warned, given = run_case(op, described)
    assert raised is None or is_node_error(raised, given), raised
    same_as_node(op, described, raised, warned, given, node(op, described))


def test_a_listener_for_an_unhashable_event_name_is_err_invalid_arg_type():
    """Node files it under the name's string; gnet's names are not coerced
    (docs/differences.md), and a dict key must be hashable."""
    emitter = gnet.EventEmitter()
    for name in ([], {}, ["a"]):
        for add in (emitter.on, emitter.once, emitter.prependListener, emitter.prependOnceListener):
            with pytest.raises(errors.NodeError) as info:
                add(name, _noop)
            assert info.value.code == "ERR_INVALID_ARG_TYPE" and isinstance(info.value, TypeError)
        assert emitter.emit(name) is False and emitter.listenerCount(name) == 0
    assert emitter.eventNames() == []


def test_a_unix_path_with_a_lone_surrogate_is_the_path_node_uses(tmp_path, monkeypatch):
    """Node hands the OS a lone surrogate as U+FFFD: listen, connect and the
    file's removal at close all name that path."""
    monkeypatch.chdir(tmp_path)
    events = []
    server = gnet.createServer(lambda c: (events.append("connection"), c.end()))

    def listening():
        events.append(("file", os.path.exists("\ufffd")))
        client = gnet.connect("\ud800", lambda: events.append("connect"))
        client.resume()
        client.on("close", lambda had_error: server.close(lambda: events.append(("closed", os.path.exists("\ufffd")))))

    server.listen("\ud800", listening)
    gnet.run()
    assert events[0] == ("file", True)
    assert set(events[1:3]) == {"connect", "connection"}
    assert events[-1] == ("closed", False)
    missing = gnet.connect("\udc80-missing")
    missing.on("error", lambda err: events.append(err.code))
    gnet.run()
    assert events[-1] == "ENOENT"


def test_an_async_uncaught_exception_capture_callback_is_refused():
    with pytest.raises(errors.NodeError) as info:
        gnet.setUncaughtExceptionCaptureCallback(_async_fn)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert not gnet.hasUncaughtExceptionCaptureCallback()


@pytest.mark.parametrize("cb", [lambda events: lambda: events.append("cb"),
                                lambda events: lambda err, more: events.append("cb")], ids=["none", "two"])
def test_destroy_callback_is_called_by_its_arity_and_close_follows(cb):
    events = []
    sock = gnet.Socket()
    sock.on("close", lambda *_: events.append("close"))
    sock.destroy(None, cb(events))
    done = gevent.event.Event()
    gnet.setImmediate(done.set)
    done.wait(GUARD)
    assert events == ["cb", "close"]


def test_destroy_refuses_an_async_callback():
    sock = gnet.Socket()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            sock.destroy(None, _async_fn)
        code = None
    except errors.NodeError as err:
        code = err.code
    assert code == "ERR_INVALID_ARG_TYPE"


@pytest.mark.parametrize("n", [math.inf, 10 ** 400, "Infinity"], ids=["inf", "10**400", "'Infinity'"])
def test_read_of_an_infinite_size_reads_everything(n):
    sock = gnet.Socket()
    assert sock.read(n) is None


@pytest.mark.parametrize("n", [[2 ** 31 - 1], "2147483647abc"])
def test_read_of_a_size_that_is_no_number_reads_it_as_parse_int_does(n):
    try:
        gnet.Socket().read(n)
        code = None
    except errors.NodeError as err:
        code = err.code
    assert code == "ERR_OUT_OF_RANGE"       # over 1 GiB, as Node says


@pytest.mark.parametrize("pipe_options", ["x", 5, [["end", False], 1], True])
def test_pipe_reads_end_from_any_options_value(pipe_options):
    src, dest = gnet.Socket(), gnet.Socket()
    assert src.pipe(dest, pipe_options) is dest


def test_an_uncaught_exception_capture_callback_taking_no_parameter_is_called():
    seen = []
    gnet.setUncaughtExceptionCaptureCallback(lambda: seen.append("captured"))
    try:
        gnet.setImmediate(lambda: 1 / 0)
        gnet.run()
    finally:
        gnet.setUncaughtExceptionCaptureCallback(None)
    assert seen == ["captured"]


def test_socket_flags_are_read_with_javascript_truthiness():
    """``[]``, ``{}`` and ``b''`` are true in JavaScript, NaN is false."""
    assert gnet.Socket({"allowHalfOpen": []}).allowHalfOpen is True
    assert gnet.Socket({"allowHalfOpen": math.nan}).allowHalfOpen is False
    assert gnet.Socket(allow_half_open={}).allowHalfOpen is True


# ---------------------------------------------------------------------------
# Keyword arguments: Python's own form of an options object (API.md 2)

#: Calls that take options as keyword arguments, and the option names each knows.
KEYWORD_CALLS = {
    "net.connect": CONNECT_OPTIONS,
    "net.createConnection": CONNECT_OPTIONS,
    "new net.Socket": SOCKET_OPTIONS,
    "net.createServer": SERVER_OPTIONS,
    "new net.Server": SERVER_OPTIONS,
    "server.listen": LISTEN_OPTIONS,
    "new net.SocketAddress": SOCKET_ADDRESS_OPTIONS,
}
#: Misspelt option names: each is Python's TypeError naming it.
TYPOS = ["hots", "prot", "allow_half_opn", "allowhalfopen", "keepalive", "Port", "path_"]


def _spelt(opts, pep8):
    """An options description (Node keys) as keyword arguments, some keys in PEP 8 spelling."""
    from gnet.js.names import snake_case
    return {(snake_case(k) if i in pep8 else k): v for i, (k, v) in enumerate(opts.items())
            if isinstance(k, str) and k.isidentifier()}


@pytest.mark.parametrize("op", sorted(KEYWORD_CALLS))
@SETTINGS
@given(data=st.data())
def test_keyword_arguments_are_options_or_pythons_type_error(op, data, node):
    """``call(port=80)`` is ``call({port: 80})`` (keywords win over a dict
    given too), in either spelling; a misspelt keyword is Python's TypeError
    naming it. Where JavaScript can say the same, Node answers too."""
    shape = KEYWORD_CALLS[op]
    positional = data.draw(st.one_of(st.just([]), shape.map(lambda d: [d])), label="args")
    opts = data.draw(shape, label="keywords (Node spelling)")
    pep8 = data.draw(st.sets(st.integers(0, 5)), label="PEP 8 spelt")
    typo = data.draw(st.one_of(st.none(), st.sampled_from(TYPOS)), label="typo")
    opts = {k: v for k, v in opts.items() if k in OPTION_NAMES[id(shape)]}     # odd keys stay in the dict
    kwargs = _spelt(opts, pep8)
    if typo is not None:
        kwargs[typo] = 1
    args = decode(positional)
    given = _errors_in([args, decode(kwargs)], [])
    made = []
    raised = None
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                KEYWORD_OPS[op](args, decode(kwargs), made)
            except Exception as exc:  # noqa: B902 - examined below
                raised = exc
            _clean_up(made)
    finally:
        gnet.process.exitCode = None
    if typo is not None:
        assert type(raised) is TypeError and repr(typo) in str(raised), raised
        return
    if _py_only([positional, kwargs]) and _refused_as_async(raised):
        return
    if raised is not None and not is_node_error(raised, given):
        pytest.fail("%s(*%r, **%r) raised a Python error, not Node's: %r" % (op, positional, kwargs, raised))
    if node_aborts(op, [{**(args[0] if args else {}), **decode(opts)}]):
        return
    # In JavaScript: one options object, the keywords over the dict.
    merged = [{**(positional[0] if positional else {}), **opts}] if positional or opts else []
    if NOT_REPLAYED.get(op, lambda a: False)(decode(merged)):
        return
    same_as_node(op, merged, raised, [type(w.message).__name__ for w in caught], given, node(op, merged))


KEYWORD_OPS = {
    "net.connect": lambda args, kw, made: _keep(gnet.connect(*args, **kw), made),
    "net.createConnection": lambda args, kw, made: _keep(gnet.createConnection(*args, **kw), made),
    "new net.Socket": lambda args, kw, made: _keep(gnet.Socket(*args, **kw), made),
    "net.createServer": lambda args, kw, made: _keep(gnet.createServer(*args, **kw), made),
    "new net.Server": lambda args, kw, made: _keep(gnet.Server(*args, **kw), made),
    "server.listen": lambda args, kw, made: _keep(gnet.Server(), made).listen(*args, **kw),
    "new net.SocketAddress": lambda args, kw, made: gnet.SocketAddress(*args, **kw),
}


# ---------------------------------------------------------------------------
# On the wire: chunk sizes, pauses, encodings and half-closes lose no byte

#: How a client writes a chunk: the encoding, and how Python makes the text
#: of some bytes in it (only bytes that the text carries exactly).
WRITE_ENCODINGS = {
    "hex": lambda b: b.hex(),
    "base64": lambda b: __import__("base64").b64encode(b).decode(),
    "latin1": lambda b: b.decode("latin-1"),
}


@st.composite
def chunks(draw):
    """A chunk to write: ``(what to pass to write, encoding or None, the bytes it is)``."""
    size = draw(st.one_of(st.integers(0, 300), st.integers(0, 70000), st.sampled_from([1, 65536, 65537, 16384])))
    payload = draw(st.binary(min_size=size, max_size=size)) if size <= 300 else bytes(
        (i * 131 + size) & 0xFF for i in range(size))
    how = draw(st.sampled_from(["bytes", "bytearray", "memoryview", "utf8", "ucs2"] + sorted(WRITE_ENCODINGS)))
    if how in ("bytes", "bytearray", "memoryview"):
        return {"bytes": bytes, "bytearray": bytearray, "memoryview": memoryview}[how](payload), None, payload
    if how in ("utf8", "ucs2"):
        text = payload.decode("latin-1")            # code points < 256: exact in both
        return text, how, text.encode("utf-8" if how == "utf8" else "utf-16-le")
    return WRITE_ENCODINGS[how](payload), how, payload


def _decoded(pieces, encoding):
    """What a client that called setEncoding(encoding) read, as bytes."""
    if encoding is None:
        return b"".join(pieces)
    text = "".join(pieces)
    if encoding == "hex":
        return bytes.fromhex(text)
    if encoding == "base64":
        return __import__("base64").b64decode(text)
    if encoding == "latin1":
        return text.encode("latin-1")
    return text.encode("utf-8")


@SETTINGS
@given(
    writes=st.lists(chunks(), min_size=1, max_size=8),
    end_with_last=st.booleans(),
    read_encoding=st.sampled_from([None, "hex", "base64", "latin1", "utf8"]),
    client_pauses=st.sets(st.integers(0, 6), max_size=3),
    server_pauses=st.sets(st.integers(0, 6), max_size=3),
    corked=st.booleans(),
    half_open_client=st.booleans(),
)
def test_echo_preserves_every_byte(writes, end_with_last, read_encoding, client_pauses, server_pauses, corked,
                                   half_open_client):
    """A pipe() echo with allowHalfOpen: the client writes chunks of random
    sizes in random forms and encodings (corked or not), ends (with its last
    chunk or after it), and pauses and resumes its reading, as the server does
    its own, at random 'data' events; it reads back exactly what it sent."""
    sent = b"".join(expected for _, _, expected in writes)
    if read_encoding == "utf8":
        try:
            sent.decode("utf-8")
        except UnicodeDecodeError:
            read_encoding = "latin1"        # a utf8 reader replaces what is no UTF-8
    got = []
    events = []

    def on_connection(s):
        seen = [0]

        def on_data(_chunk):
            if seen[0] in server_pauses:
                s.pause()
                gnet.setImmediate(s.resume)
            seen[0] += 1

        s.on("data", on_data)
        s.pipe(s)
        s.on("close", lambda had_error: (events.append(("server close", had_error)), server.close()))

    server = gnet.createServer({"allowHalfOpen": True}, on_connection)

    def listening():
        client = gnet.connect({"port": server.address()["port"], "host": "127.0.0.1",
                               "allowHalfOpen": half_open_client})
        if read_encoding is not None:
            client.setEncoding(read_encoding)
        seen = [0]

        def on_data(chunk):
            got.append(chunk)
            if seen[0] in client_pauses:
                client.pause()
                gnet.setImmediate(client.resume)
            seen[0] += 1

        client.on("data", on_data)
        client.on("end", lambda: (events.append("client end"), half_open_client and client.end()))
        client.on("error", lambda err: events.append(("client error", err)))
        client.on("close", lambda had_error: events.append(("client close", had_error)))
        if corked:
            client.cork()
        body = writes[:-1] if end_with_last else writes
        for data, encoding, _ in body:
            client.write(data, encoding) if encoding else client.write(data)
        if corked:
            client.uncork()
        if end_with_last:
            data, encoding, _ = writes[-1]
            client.end(data, encoding) if encoding else client.end(data)
        else:
            client.end()

    server.listen(0, "127.0.0.1", listening)
    gnet.run()
    assert _decoded(got, read_encoding) == sent
    assert events.count("client end") == 1
    assert ("client close", False) in events and ("server close", False) in events
    assert not [e for e in events if e[0] == "client error"]
