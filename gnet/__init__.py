"""gnet: Node's ``net`` module for Python, on gevent.

``import gnet`` stands for ``require('net')``. See the README and
https://nodejs.org/docs/latest-v20.x/api/net.html; how Node's names,
arguments, values and errors read in Python is set out in docs/api.md.
"""

from gnet import _build
_build.install()    # before any hot module: the compiled build or the pure one (gnet/_build.py)
from gnet.js import names as _names
from gnet.js import signatures as _signatures
from gnet.net.addresses import isIP, isIPv4, isIPv6
from gnet.js.errors import AbortError, DOMException, NodeError, NodeOSError
from gnet.eventloop.abort import AbortController, AbortSignal
from gnet.eventloop.events import EventEmitter, MaxListenersExceededWarning, errorMonitor, once
from gnet.eventloop.loop import (
    hasUncaughtExceptionCaptureCallback, nextTick, run,
    setUncaughtExceptionCaptureCallback,
)
from gnet.eventloop.process import process
from gnet.eventloop.timers import (
    TimeoutOverflowWarning, clearImmediate, clearInterval, clearTimeout,
    setImmediate, setInterval, setTimeout,
)
from gnet.net.socket import Socket, Stream, connect, createConnection
from gnet.net.connect import (
    getDefaultAutoSelectFamily, getDefaultAutoSelectFamilyAttemptTimeout,
    setDefaultAutoSelectFamily, setDefaultAutoSelectFamilyAttemptTimeout,
)
from gnet.net.server import Server, createServer
from gnet.net.socketaddress import SocketAddress
from gnet.net.blocklist import BlockList
from gnet import monitoring

__version__ = "0.1.0"

#: Whether gnet's hot modules run compiled by Cython (False: pure Python;
#: ``gnet._build.modules()`` says why, module by module).
compiled = _build.compiled()

_NODE_NAMES = [
    "createServer", "createConnection", "connect",
    "isIP", "isIPv4", "isIPv6",
    "nextTick", "setTimeout", "clearTimeout", "setInterval", "clearInterval",
    "setImmediate", "clearImmediate",
    "setUncaughtExceptionCaptureCallback", "hasUncaughtExceptionCaptureCallback",
    "getDefaultAutoSelectFamily", "setDefaultAutoSelectFamily",
    "getDefaultAutoSelectFamilyAttemptTimeout", "setDefaultAutoSelectFamilyAttemptTimeout",
    "errorMonitor",
]

__all__ = _NODE_NAMES + [
    "Server", "Socket", "Stream", "monitoring", "BlockList", "SocketAddress",
    "AbortController", "AbortSignal", "AbortError", "DOMException",
    "EventEmitter", "MaxListenersExceededWarning", "TimeoutOverflowWarning",
    "NodeError", "NodeOSError", "once", "process", "run",
]

_names.add_aliases(globals(), _NODE_NAMES)
_signatures.apply(globals())    # what help() shows for Node's call forms
__all__ += [_names.snake_case(name) for name in _NODE_NAMES if _names.snake_case(name) != name]


def __getattr__(name):
    # gnet.tls (Node's require('tls')) is imported on first use: plain net
    # programs do not load OpenSSL.
    if name == "tls":
        import gnet.tls
        return gnet.tls
    raise AttributeError("module 'gnet' has no attribute %r" % name)
