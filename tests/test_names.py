"""Every Node name in API.md answers to its Node spelling and its PEP 8 twin, as one object."""
import inspect

import pytest

import gnet
from gnet.js.names import snake_case
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
