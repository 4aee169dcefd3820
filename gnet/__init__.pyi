"""gnet: Node's ``net`` module for Python, on gevent (``import gnet`` is ``require('net')``).

https://nodejs.org/docs/latest-v20.x/api/net.html; docs/api.md says how Node's API reads in Python.
"""

from gnet import monitoring as monitoring
# Node's require('tls'): the runtime imports gnet.tls on first use (its module
# __getattr__), so ``import gnet`` then ``gnet.tls.connect(...)`` works as typed.
from gnet import tls as tls
from gnet.eventloop.abort import AbortController as AbortController, AbortSignal as AbortSignal
from gnet.eventloop.events import (
    EventEmitter as EventEmitter,
    MaxListenersExceededWarning as MaxListenersExceededWarning,
    errorMonitor as errorMonitor,
    once as once,
)
from gnet.eventloop.loop import (
    hasUncaughtExceptionCaptureCallback as hasUncaughtExceptionCaptureCallback,
    nextTick as nextTick,
    run as run,
    setUncaughtExceptionCaptureCallback as setUncaughtExceptionCaptureCallback,
)
from gnet.eventloop.process import process as process
from gnet.eventloop.timers import (
    TimeoutOverflowWarning as TimeoutOverflowWarning,
    clearImmediate as clearImmediate,
    clearInterval as clearInterval,
    clearTimeout as clearTimeout,
    setImmediate as setImmediate,
    setInterval as setInterval,
    setTimeout as setTimeout,
)
from gnet.js.errors import AbortError as AbortError, DOMException as DOMException, NodeError as NodeError, NodeOSError as NodeOSError
from gnet.net.addresses import isIP as isIP, isIPv4 as isIPv4, isIPv6 as isIPv6
from gnet.net.blocklist import BlockList as BlockList
from gnet.net.connect import (
    getDefaultAutoSelectFamily as getDefaultAutoSelectFamily,
    getDefaultAutoSelectFamilyAttemptTimeout as getDefaultAutoSelectFamilyAttemptTimeout,
    setDefaultAutoSelectFamily as setDefaultAutoSelectFamily,
    setDefaultAutoSelectFamilyAttemptTimeout as setDefaultAutoSelectFamilyAttemptTimeout,
)
from gnet.net.server import Server as Server, createServer as createServer
from gnet.net.socket import Socket as Socket, Stream as Stream, connect as connect, createConnection as createConnection
from gnet.net.socketaddress import SocketAddress as SocketAddress

__version__: str
compiled: bool

# PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
error_monitor = errorMonitor
has_uncaught_exception_capture_callback = hasUncaughtExceptionCaptureCallback
next_tick = nextTick
set_uncaught_exception_capture_callback = setUncaughtExceptionCaptureCallback
clear_immediate = clearImmediate
clear_interval = clearInterval
clear_timeout = clearTimeout
set_immediate = setImmediate
set_interval = setInterval
set_timeout = setTimeout
is_ip = isIP
is_ipv4 = isIPv4
is_ipv6 = isIPv6
get_default_auto_select_family = getDefaultAutoSelectFamily
get_default_auto_select_family_attempt_timeout = getDefaultAutoSelectFamilyAttemptTimeout
set_default_auto_select_family = setDefaultAutoSelectFamily
set_default_auto_select_family_attempt_timeout = setDefaultAutoSelectFamilyAttemptTimeout
create_server = createServer
create_connection = createConnection
# end of PEP 8 twins
