"""How a socket connects: Node v20's lookup and connection attempts, in its connect greenlet.

``Connector`` is a mixin of ``Socket`` (gnet/socket.py); its methods run in
the socket's connect greenlet (``Socket._start_pump``), which may wait
(park) between steps. It follows
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
"""

import errno as _errno

import _socket
from gevent import socket as _gsocket
from greenlet import getcurrent

from gnet import _arity, errors
from gnet import timers as _timers
from gnet._lifecycle import SocketState, members
from gnet.addresses import isIP
from gnet.loop import nextTick

__all__ = ["Connector"]

S = members(SocketState)

#: Node's address family numbers to socket families.
_AF = {4: _socket.AF_INET, 6: _socket.AF_INET6}


def _nothing():
    pass


class Connector:
    """The connect sequence of ``Socket``, run in its connect greenlet."""

    def _connect_flow(self, opts):
        """In the connect greenlet: look the host up, connect, then 'connect' and 'ready'
        (Node's lookupAndConnect, lookupAndConnectMultiple, internalConnect)."""
        path = opts.get("path")
        if path is not None:
            return self._connect_one(_socket.AF_UNIX, path, opts)
        host = opts["host"]
        family = isIP(host)
        if family:
            return self._connect_one(_AF[family], host, opts)
        raw_family = opts.get("family")
        dnsopts = {"family": raw_family, "hints": opts.get("hints") or 0}
        auto = opts.get("autoSelectFamily")
        multiple = (raw_family not in (4, 6) and not opts.get("localAddress")
                    and (True if auto is None else auto))
        if multiple:
            dnsopts["all"] = True
        result = self._lookup(host, dnsopts, opts.get("lookup"))
        if result is None:
            return
        err, address, addr_family = result
        if multiple and self._state is not S.CONNECTING:
            return
        if not multiple:
            self.emit("lookup", err, address, addr_family, host)
            if self._state is not S.CONNECTING:
                return
            if err is None:
                err = _address_error(address, addr_family, opts)
            if err is not None:
                nextTick(self._connect_error_nt, err)
                return
            return self._connect_one(_AF[addr_family], address, opts)
        if err is not None:
            self.emit("lookup", err, None, None, host)
            nextTick(self._connect_error_nt, err)
            return
        groups = ([], [])
        order = None
        for entry in address:
            ip, fam = entry.get("address"), entry.get("family")
            self.emit("lookup", None, ip, fam, host)
            if self._state is not S.CONNECTING:
                return
            if isIP(ip) and fam in (4, 6):
                if order is None:
                    order = {6: 0, 4: 1} if fam == 6 else {4: 0, 6: 1}
                if all(ip != known for known, _ in groups[order[fam]]):
                    groups[order[fam]].append((ip, fam))
        if not groups[0] and not groups[1]:
            first = address[0] if address else {}
            nextTick(self._connect_error_nt, _address_error(first.get("address"), first.get("family"), opts))
            return
        attempts = []
        for i in range(max(len(groups[0]), len(groups[1]))):
            for group in groups:
                if i < len(group):
                    attempts.append(group[i])
        if len(attempts) == 1:
            ip, fam = attempts[0]
            return self._connect_one(_AF[fam], ip, opts)
        self._connect_multiple(attempts, opts)

    def _connect_error_nt(self, err):
        self.destroy(err)

    def _lookup(self, host, dnsopts, lookup):
        """``(err, address, family)``, or ``(err, [{'address', 'family'}...], None)``
        with ``all``; the connect greenlet waits, holding nothing for a custom lookup."""
        if lookup is None:
            return default_lookup(host, dnsopts)
        result = []
        waiter = {"waiting": False, "greenlet": getcurrent()}

        def callback(err=None, address=None, addr_family=None):
            if result:
                return
            result.append((err, address, addr_family))
            if waiter["waiting"]:
                self._hub.loop.run_callback(self._resume_lookup, waiter)

        _arity.adapt(lookup)(host, dict(dnsopts), callback)
        if not result:
            waiter["waiting"] = True
            self._hub.switch()
        return result[0] if result else None

    def _resume_lookup(self, waiter):
        if waiter["waiting"]:
            waiter["waiting"] = False
            waiter["greenlet"].switch()

    def _open_handle(self, family):
        sock = _socket.socket(family, _socket.SOCK_STREAM)
        self._attach(sock)
        return sock

    def _drop_handle(self):
        handle = self._handle
        self._handle = None
        self._detach_watchers()
        handle.close()

    def _start_connect(self, family, address, port, local_address, local_port):
        """Bind if asked, start a non-blocking connect; the error, or None when in flight."""
        sock = self._handle
        target = address if family == _socket.AF_UNIX else (address, port)
        if local_address or local_port:
            try:
                sock.bind((local_address or ("::" if family == _socket.AF_INET6 else "0.0.0.0"),
                           local_port or 0))
            except OSError as exc:
                return errors.system_error(exc, "bind", local_address, local_port)
        code = sock.connect_ex(target)
        if code in (0, _errno.EINPROGRESS, _errno.EAGAIN, _errno.EWOULDBLOCK):
            self._awaiting_connect = True
            return None
        return self._connect_exception(code, family, address, port, local_address, local_port)

    def _connect_exception(self, code, family, address, port, local_address, local_port):
        local = "%s:%s" % (local_address, local_port) if local_address and local_port else None
        err = errors.system_error(code, "connect", address,
                                  port if family != _socket.AF_UNIX else None, local=local)
        if local:
            err.localAddress, err.localPort = local_address, local_port
        return err

    def _wait_connected(self, sock):
        """Park until the connect in flight completes; its errno (0 on success),
        or None if the socket was destroyed or the attempt abandoned meanwhile."""
        self._connect_abandoned = False
        while self._awaiting_connect and self._handle is sock and not self._connect_abandoned:
            self._park()
            if self._write_ready:
                self._write_ready = False
                self._awaiting_connect = False
        if self._handle is not sock or self._awaiting_connect or self._connect_abandoned:
            self._awaiting_connect = False
            return None
        return sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_ERROR)

    def _connect_one(self, family, address, opts):
        """Node's internalConnect: one address; failure destroys the socket with
        its handle still open, so 'close' gets hadError true."""
        if self._state is not S.CONNECTING:
            return
        port = opts.get("port")
        local_address, local_port = opts.get("localAddress"), opts.get("localPort")
        sock = self._open_handle(family)
        err = self._start_connect(family, address, port, local_address, local_port)
        if err is None:
            code = self._wait_connected(sock)
            if code is None:
                return
            if code == 0:
                return self._after_connect()
            err = self._connect_exception(code, family, address, port, local_address, local_port)
        self.destroy(err)

    def _connect_multiple(self, attempts, opts):
        """Node's internalConnectMultiple: each address in turn, the next one
        after an error or after ``autoSelectFamilyAttemptTimeout`` ms."""
        port = opts.get("port")
        local_port = opts.get("localPort")
        timeout_ms = opts.get("autoSelectFamilyAttemptTimeout") or 250
        failures = []
        self.autoSelectFamilyAttemptedAddresses = []
        for index, (address, fam) in enumerate(attempts):
            if self._state is not S.CONNECTING:
                return
            family = _AF[fam]
            if index:
                self._drop_handle()
            sock = self._open_handle(family)
            local_address = None
            if local_port:
                local_address = "::" if fam == 6 else "0.0.0.0"
            self.emit("connectionAttempt", address, port, fam)
            self.autoSelectFamilyAttemptedAddresses.append("%s:%s" % (address, port))
            err = self._start_connect(family, address, port, local_address, local_port)
            if err is not None:
                failures.append(err)
                if err.syscall == "connect":
                    self.emit("connectionAttemptFailed", address, port, fam, err)
                continue
            timer = None
            if index < len(attempts) - 1:
                timer = _timers.setTimeout(self._attempt_timed_out, timeout_ms, sock)
            code = self._wait_connected(sock)
            if timer is not None:
                timer.close()
            if code is None:
                if self._handle is sock and self._state is S.CONNECTING and self._connect_abandoned:
                    self.emit("connectionAttemptTimeout", address, port, fam)
                    continue
                return
            if code == 0:
                return self._after_connect()
            err = self._connect_exception(code, family, address, port, local_address, local_port)
            failures.append(err)
            self.emit("connectionAttemptFailed", address, port, fam, err)
        if self._state is S.CONNECTING:
            self.destroy(errors.AggregateError(failures) if failures
                         else errors.ERR_SOCKET_CONNECTION_TIMEOUT())

    def _attempt_timed_out(self, sock):
        if self._handle is sock and self._awaiting_connect:
            self._connect_abandoned = True
            self._post(_nothing)


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
