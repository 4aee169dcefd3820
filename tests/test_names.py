"""Every Node name in API.md answers to its Node spelling and its PEP 8 twin, as one object."""
import inspect

import pytest

import gnet
from gnet.js.names import Alias, AliasingType, alias_class, snake_case
from gnet.eventloop.loop import Immediate
from gnet.eventloop.timers import Timeout

MODULE = ["createServer", "createConnection", "connect", "isIP", "isIPv4", "isIPv6",
          "setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate",
          "clearImmediate", "nextTick", "setUncaughtExceptionCaptureCallback",
          "hasUncaughtExceptionCaptureCallback"]
SOCKET = ["connect", "write", "end", "destroy", "resetAndDestroy", "destroySoon", "pause", "resume",
          "isPaused", "setEncoding", "setTimeout", "setNoDelay", "setKeepAlive", "address", "ref",
          "unref", "pipe", "unpipe", "cork", "uncork", "read", "setDefaultEncoding",
          "bytesRead", "bytesWritten", "bufferSize", "connecting", "pending", "readyState",
          "remoteAddress", "remoteFamily", "remotePort", "localAddress", "localPort", "localFamily",
          "readableFlowing", "readableEnded", "readableLength", "readableHighWaterMark",
          "writableLength", "writableHighWaterMark", "writableNeedDrain", "writableEnded",
          "writableFinished", "writableCorked", "destroyed", "readable", "writable",
          "on", "addListener", "once", "off", "removeListener", "prependListener",
          "prependOnceListener", "emit", "listeners", "rawListeners", "listenerCount",
          "eventNames", "removeAllListeners", "setMaxListeners", "getMaxListeners"]
SERVER = ["listen", "close", "address", "getConnections", "ref", "unref", "listening",
          "on", "once", "emit", "removeListener", "removeAllListeners", "listenerCount"]
TIMEOUT = ["ref", "unref", "hasRef", "refresh", "close"]
IMMEDIATE = ["ref", "unref", "hasRef"]


def _static(owner, name):
    return inspect.getattr_static(owner, name)


@pytest.mark.parametrize("name", MODULE)
def test_module_functions_answer_to_both_spellings(name):
    assert getattr(gnet, snake_case(name)) is getattr(gnet, name)


@pytest.mark.parametrize("owner, names", [(gnet.Socket, SOCKET), (gnet.Server, SERVER),
                                          (Timeout, TIMEOUT), (Immediate, IMMEDIATE),
                                          (gnet.EventEmitter, SOCKET[-12:])])
def test_methods_and_properties_answer_to_both_spellings(owner, names):
    for name in names:
        assert _static(owner, snake_case(name)) is _static(owner, name), name


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
