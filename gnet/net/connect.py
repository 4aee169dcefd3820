"""How a socket connects: Node v20's lookup and connection attempts, in its connect greenlet.

``start(socket, opts)`` is ``Socket.connect()``'s part (gnet/net/socket.py):
it calls a custom ``lookup`` at once, as Node does, or starts the socket's
connect greenlet, whose body is ``run``; it may wait between steps (the
default lookup, a handle's connect in flight, gnet/net/handle.py). It follows
net.js's ``lookupAndConnect``, ``lookupAndConnectMultiple``,
``internalConnect`` and ``internalConnectMultiple``:

- an IP literal or a Unix path connects at once (no 'lookup');
- otherwise the host is looked up with Node's DNS options (``family`` as
  given, ``hints`` with ADDRCONFIG for an unspecified family, ``all: true``
  when ``autoSelectFamily`` applies), through the user's ``lookup`` or
  gevent's resolver (never blocking the loop);
- with several addresses, they are tried alternating families, each for
  ``autoSelectFamilyAttemptTimeout`` ms, with Node's ``connectionAttempt*``
  events and an ``AggregateError`` when all fail.

Success ends in ``Socket._after_connect`` ('connect', 'ready'); failure in
``destroy(err)`` with the handle still open, so 'close' gets hadError true.
Each attempt has a handle of its own, as in Node.
"""

import _socket
import errno as _errno
from gevent import socket as _gsocket
from greenlet import GreenletExit, getcurrent

from gnet.js import arity as _arity
from gnet.js import errors
from gnet.js.encodings import os_path
from gnet.eventloop import loop as _loop
from gnet.eventloop import timers as _timers
from gnet.js.values import js_truthy, validate_boolean, validate_int32
from gnet.net.addresses import isIP
from gnet.eventloop.loop import queue_tick

__all__ = [
    "start", "run", "default_lookup",
    "getDefaultAutoSelectFamily", "setDefaultAutoSelectFamily",
    "getDefaultAutoSelectFamilyAttemptTimeout", "setDefaultAutoSelectFamilyAttemptTimeout",
]

#: What a connect without ``autoSelectFamily`` or ``autoSelectFamilyAttemptTimeout``
#: uses (Node v20's defaults: try every address, 250 ms each).
_DEFAULTS = {"autoSelectFamily": True, "autoSelectFamilyAttemptTimeout": 250}


def getDefaultAutoSelectFamily():
    """Node's ``net.getDefaultAutoSelectFamily()``: whether a connect tries
    every address a host has when its options do not say (``True``)."""
    return _DEFAULTS["autoSelectFamily"]


def setDefaultAutoSelectFamily(value=None):
    """Node's ``net.setDefaultAutoSelectFamily(value)``: a ``bool``."""
    validate_boolean(value, "value")
    _DEFAULTS["autoSelectFamily"] = value


def getDefaultAutoSelectFamilyAttemptTimeout():
    """Node's ``net.getDefaultAutoSelectFamilyAttemptTimeout()``: ms per address (250)."""
    return _DEFAULTS["autoSelectFamilyAttemptTimeout"]


def setDefaultAutoSelectFamilyAttemptTimeout(value=None):
    """Node's ``net.setDefaultAutoSelectFamilyAttemptTimeout(value)``: an int32
    of at least 1 ms; below 10 it is 10, as in Node."""
    validate_int32(value, "value", 1)
    _DEFAULTS["autoSelectFamilyAttemptTimeout"] = max(int(value), 10)

#: Node's address family numbers to socket families.
_AF = {4: _socket.AF_INET, 6: _socket.AF_INET6}


def start(socket, opts):
    """``socket.connect()``'s part (Node's lookupAndConnect): a custom
    ``lookup`` is called here, before ``connect()`` returns, and the connect
    greenlet starts only once it answers, so a lookup that never answers
    leaves nothing behind; any other connect starts its greenlet now."""
    connect = _Connect(socket, opts)
    if opts.get("path") is None and opts.get("lookup") is not None and not isIP(opts["host"]):
        connect.lookup_custom()
    else:
        _loop.spawn(run, connect, connect.run, ())


def run(connect, step, args):
    """The body of a socket's connect greenlet (``loop.spawn``): ``step(*args)``,
    the rest of the connect sequence, as one macrotask; then, connected, serve
    the handle once ('connect' listeners may have written or read), and end."""
    me = getcurrent()
    socket = connect.socket
    me.gr_context = socket._context
    ticks = me.gnet_ticks
    try:
        _loop.dispatch(step, args, ticks)
        handle = socket._handle
        if handle is not None and handle.serving is me:
            handle.serve(me, ticks)
    except GreenletExit:
        # gevent.kill of this greenlet (during the lookup, the connect, or a
        # blocked 'connect' listener): the socket is destroyed with an
        # AbortError, as a served connection is (StreamHandle.killed).
        _loop.carry_on(ticks, socket._context, socket.destroy, errors.AbortError())
        raise


class _Connect:
    """One ``socket.connect()``: Node's lookupAndConnect and what follows it.

    It talks to its socket through Node's own surface (``emit``,
    ``connecting``, ``destroy``) and two steps of net.js that ``Socket``
    implements: ``_open_handle(family)`` (a handle with a new descriptor for
    an attempt; a failed attempt's handle is closed first) and
    ``_after_connect()`` ('connect', 'ready').
    """

    def __init__(self, socket, opts):
        self.socket = socket
        self.opts = opts

    def _dns_options(self):
        """Node's dnsopts for the lookup, and whether it asks for all
        addresses (the autoSelectFamily path, lookupAndConnectMultiple)."""
        opts = self.opts
        raw_family = opts.get("family")
        hints = opts.get("hints") or 0
        if isinstance(hints, int) and type(hints) is not int and not isinstance(hints, bool):
            hints = int(hints)    # a number, as Node passes it, not an AddressInfo flag
        dnsopts = {"family": raw_family, "hints": hints}
        auto = opts.get("autoSelectFamily")
        multiple = (raw_family not in (4, 6) and not opts.get("localAddress")
                    and (_DEFAULTS["autoSelectFamily"] if auto is None else auto))
        if multiple:
            dnsopts["all"] = True
        return dnsopts, multiple

    def run(self):
        """In the connect greenlet: connect to a path or an IP literal, or look
        the host up with the default lookup and go on as its callback does."""
        opts = self.opts
        path = opts.get("path")
        if path is not None:
            return self._connect_one(_socket.AF_UNIX, path)
        host = opts["host"]
        family = isIP(host)
        if family:
            return self._connect_one(_AF[family], host)
        dnsopts, multiple = self._dns_options()
        step = self._looked_up(default_lookup(host, dnsopts), multiple)
        if step is not None:
            step[0](*step[1])

    def lookup_custom(self):
        """Call the user's ``lookup`` now, in the caller's greenlet (so a tick or
        timer it queues runs in Node's order); its callback emits 'lookup' where
        it is called and starts the connect greenlet for the attempts."""
        dnsopts, multiple = self._dns_options()
        answered = []

        def callback(err=None, address=None, addr_family=None):
            if answered:
                return
            answered.append(True)
            step = self._looked_up((err, address, addr_family), multiple)
            if step is None:
                return
            if step[0] == self._connect_multiple:
                # Node's internalConnectMultiple runs here, in the lookup's
                # callback: the first 'connectionAttempt' is emitted before
                # connect() returns when the lookup answers at once
                # (compat: socket/first_connection_attempt_inside_connect).
                attempts = step[1][0]
                self.socket.autoSelectFamilyAttemptedAddresses = []
                self._announce(*attempts[0])
                if not self.socket.connecting:
                    return
                step = self._connect_multiple, (attempts, True)
            _loop.spawn(run, self, step[0], step[1])

        _arity.adapt(self.opts["lookup"])(self.opts["host"], dnsopts, callback)

    def _looked_up(self, result, multiple):
        """Node's emitLookup: 'lookup', then an error on the next tick, or the
        connect step to run in the connect greenlet, ``(step, args)``."""
        socket, opts = self.socket, self.opts
        host = opts["host"]
        err, address, addr_family = result
        if multiple and not socket.connecting:
            return None
        if not multiple:
            socket.emit("lookup", err, address, addr_family, host)
            if not socket.connecting:
                return None
            if err is None:
                err = _address_error(address, addr_family, opts)
            if err is not None:
                queue_tick(socket.destroy, err)
                return None
            return self._connect_one, (_AF[addr_family], address)
        if err is not None:
            socket.emit("lookup", err, None, None, host)
            queue_tick(socket.destroy, err)
            return None
        groups = ([], [])
        order = None
        for entry in address:
            ip, fam = entry.get("address"), entry.get("family")
            socket.emit("lookup", None, ip, fam, host)
            if not socket.connecting:
                return None
            if isIP(ip) and fam in (4, 6):
                if order is None:
                    order = {6: 0, 4: 1} if fam == 6 else {4: 0, 6: 1}
                if all(ip != known for known, _ in groups[order[fam]]):
                    groups[order[fam]].append((ip, fam))
        if not groups[0] and not groups[1]:
            first = address[0] if address else {}
            queue_tick(socket.destroy, _address_error(first.get("address"), first.get("family"), opts))
            return None
        attempts = []
        for i in range(max(len(groups[0]), len(groups[1]))):
            for group in groups:
                if i < len(group):
                    attempts.append(group[i])
        if len(attempts) == 1:
            ip, fam = attempts[0]
            return self._connect_one, (_AF[fam], ip)
        return self._connect_multiple, (attempts,)

    def _attempt(self, family, address, local_address, local_port):
        """Open a handle, bind it if asked, connect: ``(handle, error or None)``;
        the error is ``None`` on success, and the handle ``None`` when the socket
        was destroyed or the attempt abandoned meanwhile."""
        port = self.opts.get("port")
        handle = self.socket._open_handle(family)
        if family == _socket.AF_UNIX:
            local_address = local_port = None    # a path connects unbound, as in Node
        elif js_truthy(local_address) or js_truthy(local_port):
            if not local_address:
                local_address = "::" if family == _socket.AF_INET6 else "0.0.0.0"
            err = _bind(handle, local_address, local_port)
            if err is not None:
                return handle, err
        code = handle.connect(os_path(address) if family == _socket.AF_UNIX else (address, port))
        if code is None:
            return None, None
        if code == 0:
            return handle, None
        local = "%s:%s" % (local_address, local_port) if local_address and local_port else None
        err = errors.system_error(code, "connect", address,
                                  port if family != _socket.AF_UNIX else None, local=local)
        if local:
            err.localAddress, err.localPort = local_address, local_port
        return handle, err

    def _connect_one(self, family, address):
        """Node's internalConnect: one address; failure destroys the socket with
        its handle still open, so 'close' gets hadError true."""
        if not self.socket.connecting:
            return
        opts = self.opts
        handle, err = self._attempt(family, address, opts.get("localAddress"), opts.get("localPort"))
        if handle is None:
            return
        if err is None:
            return self.socket._after_connect()
        self.socket.destroy(err)

    def _announce(self, address, fam):
        """An attempt begins: 'connectionAttempt' is emitted, then the address
        joins ``autoSelectFamilyAttemptedAddresses``, in Node's order."""
        socket, port = self.socket, self.opts.get("port")
        socket.emit("connectionAttempt", address, port, fam)
        socket.autoSelectFamilyAttemptedAddresses.append("%s:%s" % (address, port))

    def _connect_multiple(self, attempts, first_announced=False):
        """Node's internalConnectMultiple: each address in turn, the next one
        after an error or after ``autoSelectFamilyAttemptTimeout`` ms. The
        first attempt may have been announced already, in the lookup's callback."""
        socket, opts = self.socket, self.opts
        port = opts.get("port")
        local_port = opts.get("localPort")
        timeout_ms = opts.get("autoSelectFamilyAttemptTimeout") or _DEFAULTS["autoSelectFamilyAttemptTimeout"]
        failures = []
        if not first_announced:
            socket.autoSelectFamilyAttemptedAddresses = []
        for index, (address, fam) in enumerate(attempts):
            if not socket.connecting:
                return
            local_address = None
            if local_port:
                local_address = "::" if fam == 6 else "0.0.0.0"
            if index or not first_announced:
                self._announce(address, fam)
                if not socket.connecting:
                    return
            timer = None
            if index < len(attempts) - 1:
                timer = _timers.setTimeout(self._attempt_timed_out, timeout_ms, socket)
            handle, err = self._attempt(_AF[fam], address, local_address, local_port)
            if timer is not None:
                timer.close()
            if handle is None:
                if socket._handle is not None and socket.connecting:
                    socket.emit("connectionAttemptTimeout", address, port, fam)
                    continue
                return
            if err is None:
                return socket._after_connect()
            failures.append(err)
            if err.syscall == "connect":
                socket.emit("connectionAttemptFailed", address, port, fam, err)
        if socket.connecting:
            socket.destroy(errors.AggregateError(failures) if failures
                           else errors.ERR_SOCKET_CONNECTION_TIMEOUT())

    @staticmethod
    def _attempt_timed_out(socket):
        handle = socket._handle
        if handle is not None:
            handle.abandon()


def _bind(handle, address, port):
    """Node's bind before connect: libuv binds ``port`` as its C ``int`` (cut
    to 16 bits), then net.js's checkBindError calls a positive port that was
    not the one bound EADDRINUSE (70000, 65536, 1.5); -1 binds 65535. The
    error, or ``None`` (compat: socket/local_port_out_of_range)."""
    try:
        bound = int(port or 0) & 0xFFFF
    except (ValueError, OverflowError):    # NaN, Infinity: ToInt32 gives 0
        bound = 0
    try:
        handle.bind((address, bound))
        if port is not None and port > 0 and handle.sock.getsockname()[1] != port:
            return errors.system_error(_errno.EADDRINUSE, "bind", address, port)
    except OSError as exc:
        return errors.system_error(exc, "bind", address, port)
    return None


def _address_error(ip, family, opts):
    """What Node finds wrong with an address a lookup gave: not an IP, else
    not family 4 or 6 (connect's host and port in the message); else None."""
    if not isIP(ip):
        return errors.ERR_INVALID_IP_ADDRESS(ip)
    if family not in (4, 6):
        return errors.ERR_INVALID_ADDRESS_FAMILY(family, opts.get("host"), opts.get("port"))
    return None


def default_lookup(host, dnsopts):
    """Node's ``dns.lookup`` on gevent's resolver (getaddrinfo, not blocking the loop)."""
    family = dnsopts.get("family")
    try:
        # getaddrinfo encodes the name with Python's IDNA codec, which refuses
        # what no resolver would find (a label over 63 characters, an empty
        # label): Node's resolver answers ENOTFOUND for those, so gnet does,
        # without asking (compat: socket/lookup_refused_host_name_enotfound).
        host.encode("idna")
    except UnicodeError:
        return errors.dns_error("ENOTFOUND", "getaddrinfo", host), None, None
    try:
        infos = _gsocket.getaddrinfo(host, None, _AF.get(family, _socket.AF_UNSPEC),
                                     _socket.SOCK_STREAM, 0, dnsopts.get("hints") or 0)
    except _socket.gaierror as exc:
        nodata = (_socket.EAI_NONAME, getattr(_socket, "EAI_NODATA", _socket.EAI_NONAME))
        code = "ENOTFOUND" if exc.errno in nodata else _gai_code(exc.errno)
        return errors.dns_error(code, "getaddrinfo", host), None, None
    entries = []
    for info in infos:
        entry = {"address": info[4][0], "family": 6 if info[0] == _socket.AF_INET6 else 4}
        if entry not in entries:
            entries.append(entry)
    if dnsopts.get("all"):
        return None, entries, None
    return None, entries[0]["address"], entries[0]["family"]


def _gai_code(number):
    for name in dir(_socket):
        if name.startswith("EAI_") and getattr(_socket, name) == number:
            return name
    return "EAI_FAIL"
