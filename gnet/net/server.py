"""``gnet.Server``: Node's ``net.Server`` as a ``gevent.server.StreamServer``.

Theory of operation
-------------------
The server's life is one value, ``self._state`` (gnet/net/lifecycle.py): IDLE,
LISTENING (a listening socket exists: Node's ``listening``), CLOSING (closed
to new connections, waiting for the accepted ones to end), CLOSED.

``listen()`` follows Node's ``Server.prototype.listen`` form by form (see
``_listen_forms``): a port with no host binds at once, so ``address()`` holds
right after the call; a host waits for its lookup (a tick for an IP literal),
so a ``close()`` in between wins. 'listening' and listen errors come on the
next tick, as in Node.

Accepting is gevent's: the listening socket's io watcher calls ``_do_read``
in the hub, which accepts up to ``max_accept`` connections per wake-up. Each
accepted connection becomes a ``Socket`` queued for the loop's service
(gnet/eventloop/loop.py, ``serve_soon``): at the end of the same turn a service
greenlet emits 'connection' for each, in the order of the accepts, and a
'connection' listener that blocks holds up only its own connection.

From ``StreamServer`` the server keeps ``start()`` (listen on what the last
``listen()`` call was given, or a random port), ``stop(timeout)``,
``serve_forever()``, ``started``, ``server_host``, ``server_port``; where a
Node name clashes with gevent's, Node's wins (``close(cb)``, ``address()``,
``listening``).
"""

import errno as _errno
import os
import stat
import warnings

import _socket
from contextvars import copy_context
from gevent.event import Event
from gevent.greenlet import Greenlet
from gevent.hub import get_hub
from greenlet import getcurrent
from gevent.server import StreamServer
from gevent.timeout import Timeout

from gnet import monitoring
from gnet.js import arity as _arity
from gnet.js import names as _names
from gnet.js import errors
from gnet.js.encodings import os_path
from gnet.eventloop import loop as _loop
from gnet.net import options as _options
from gnet.net.connect import default_lookup
from gnet.net.lifecycle import ServerState, advance, members
from gnet.net.addresses import address_dict, isIP
from gnet.eventloop.abort import add_server_abort_signal
from gnet.eventloop.events import EventEmitter, once
from gnet.eventloop.loop import nextTick, queue_tick
from gnet.net.socket import Socket

__all__ = ["Server", "createServer"]

V = members(ServerState)

#: libev priority of the accept watcher (default 0; libev's range is -2..2).
ACCEPT_PRIORITY = 1
#: The pause after a failed accept (seconds), doubling up to the longest while
#: accepts keep failing, as gevent's servers back off.
MIN_ACCEPT_DELAY = 0.01
MAX_ACCEPT_DELAY = 1.0

#: errno values meaning "no IPv6 here", after which Node listens on 0.0.0.0.
_NO_IPV6 = (_errno.EAFNOSUPPORT, _errno.EADDRNOTAVAIL, _errno.EPROTONOSUPPORT)

#: Node's default listen backlog (the kernel rounds 511 + 1 up to 512).
DEFAULT_BACKLOG = 511


@_names.alias_class
class Server(StreamServer, EventEmitter):
    """Node's ``net.Server``: https://nodejs.org/docs/latest-v20.x/api/net.html#class-netserver

    ``Server([options][, connectionListener])`` with ``allowHalfOpen``,
    ``pauseOnConnect``, ``noDelay``, ``keepAlive``, ``keepAliveInitialDelay``,
    ``highWaterMark``. A ``gevent.server.StreamServer`` as well.
    """

    #: Accepts per wake-up of the listening socket (gevent's knob).
    max_accept = 100
    #: The pause after a failed accept (seconds); it doubles while accepts keep failing.
    _accept_delay = MIN_ACCEPT_DELAY
    #: The socket class of accepted connections (``tls.Server``: ``TLSSocket``).
    _socket_class = Socket

    # Node's properties, declared here with Node's defaults so that each
    # answers to its PEP 8 spelling too (gnet/js/names.py); the constructor
    # sets them from the options.
    allowHalfOpen = False
    pauseOnConnect = False
    noDelay = False
    keepAlive = False
    keepAliveInitialDelay = 0
    highWaterMark = _options.DEFAULT_HIGH_WATER_MARK
    #: Node's ``server.maxConnections``: connections beyond it are closed
    #: at once and reported with 'drop'. ``None`` (or 0) means no limit.
    maxConnections = None

    def __init__(self, *args, **kwargs):
        EventEmitter.__init__(self)
        opts, listener = _options.server_options(args, kwargs)
        if listener is not None:
            self.on("connection", listener)
        # BaseServer/StreamServer fields, set here because StreamServer.__init__
        # wants an address and gnet binds in listen(). pool, _spawn and delay are
        # not: only gevent's accept loop and spawning read them, and _do_read
        # and do_handle replace those. Nor is _stop_event: gevent reads it only in
        # started, start, close, stop and serve_forever, which gnet overrides.
        self._watcher = None
        self._timer = None              # read by gevent's stop_accepting(), which close() calls
        self.loop = get_hub().loop
        # gnet's loop state now, so its service check runs from the first turn
        # that accepts (one started during a turn runs only after its poll).
        _loop.get_loop()
        self.ssl_args = None            # read by gevent's ssl_enabled property: never SSL
        self.backlog = None             # hides StreamServer.backlog (128), which is not listen()'s
        self.family = None              # the listening socket's, once listen() binds; do_handle reads it
        # Node's fields.
        self._state = V.IDLE
        self._connections = 0          # Node's count, what getConnections reports
        self._sockets = set()           # the accepted sockets still open, for stop()
        self._listening_id = 1
        self._unref = False
        self._pipe_name = None
        self._last_listen = None
        self.allowHalfOpen = opts["allowHalfOpen"]     # as given when truthy, as Node keeps it
        self.pauseOnConnect = opts["pauseOnConnect"]
        self.noDelay = opts["noDelay"]
        self.keepAlive = opts["keepAlive"]
        # Whole seconds as Node's ~~(ms / 1000), the same conversion a Socket's own option gets.
        self.keepAliveInitialDelay = _options.keepalive_delay_seconds(opts.get("keepAliveInitialDelay"))
        self.highWaterMark = opts["highWaterMark"]     # validate_server_options defaults it
        #: The ``contextvars.Context`` of the server's own events; each accepted
        #: socket runs in a copy of it. Taken again at each ``listen()``.
        self._context = copy_context()

    # ------------------------------------------------------------------
    # listen

    def listen(self, *args, **kwargs):
        """Node's ``server.listen``: ``(port[, host][, backlog][, cb])``,
        ``(path[, backlog][, cb])``, ``(options[, cb])``, ``(handle[, backlog][, cb])``,
        ``(cb)`` or ``()``. Returns the server; 'listening' (or 'error') follows.

        https://nodejs.org/docs/latest-v20.x/api/net.html#serverlisten

        Options (a dict, and/or keywords in either spelling): ``port``, ``host``,
        ``path``, ``backlog``, ``exclusive``, ``ipv6Only``, ``readableAll``,
        ``writableAll``, ``signal``, ``fd``, ``handle``."""
        opts, cb = _options.normalize_listen_args(args, kwargs)
        if self._state is V.LISTENING:
            raise errors.ERR_SERVER_ALREADY_LISTEN()
        self._context = copy_context()
        if cb is not None:
            self.once("listening", cb)
        self._listening_id += 1
        self._last_listen = (args, kwargs)
        plan = _options.validate_listen_options(opts)
        if plan.get("signal") is not None:
            # Before listening, as Node: aborted already, close() runs on the
            # next tick (compat: server/listen_signal_aborted_before).
            add_server_abort_signal(plan["signal"], self)
        kind = plan["kind"]
        if kind == "handle":
            source = getattr(opts, "source", None)
            if isinstance(source, Server) and plan["handle"] is source._handle:
                # listen(otherServer): take its handle over, as Node does; the
                # other server stops accepting from it and stays 'listening'.
                source._give_up_handle()
                self._setup_listen(None, None, None, plan["backlog"], sock=plan["handle"])
            else:
                self._setup_listen(None, None, None, plan["backlog"], fd=os.dup(plan["handle"].fileno()))
        elif kind == "fd":
            self._setup_listen(None, None, None, plan["backlog"], fd=plan["fd"])
        elif kind == "tcp":
            if plan.get("host"):
                self._lookup_and_listen(plan["port"], plan["host"], plan["backlog"], plan.get("ipv6Only"))
            else:
                self._setup_listen(None, plan["port"], 4, plan["backlog"], ipv6_only=plan.get("ipv6Only"))
        elif kind == "pipe":
            self._pipe_name = plan["path"]
            mode = 0
            if plan.get("readableAll") is True:
                mode |= stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
            if plan.get("writableAll") is True:
                mode |= stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
            self._setup_listen(plan["path"], -1, -1, plan["backlog"], pipe_mode=mode)
        return self

    def _lookup_and_listen(self, port, host, backlog, ipv6_only):
        listening_id = self._listening_id
        family = isIP(host)
        if family:
            queue_tick(self._listen_after_lookup, listening_id, None, host, family, port, backlog, ipv6_only)
            return

        def lookup():
            # Node's dns.lookup(host) with no options, as connect's default lookup.
            getcurrent().gr_context = self._context
            err, ip, fam = default_lookup(host, {})
            _loop.dispatch(self._listen_after_lookup, (listening_id, err, ip, fam, port, backlog, ipv6_only))

        _loop.spawn(lookup)

    def _listen_after_lookup(self, listening_id, err, ip, family, port, backlog, ipv6_only):
        if listening_id != self._listening_id:
            return
        if err is not None:
            self.emit("error", err)
            return
        self._setup_listen(ip, port, family or 4, backlog, ipv6_only=ipv6_only)

    def _give_up_handle(self):
        """Another server took this one's listening handle (``listen(server)``)."""
        self.stop_accepting()

    def _setup_listen(self, address, port, family, backlog, fd=None, ipv6_only=False, sock=None,
                      pipe_mode=0):
        """Node's ``setupListenHandle``: bind (unless given an fd or a socket),
        listen, then 'listening' on the next tick; a failure is 'error' on the
        next tick. ``pipe_mode``: permission bits to add to the Unix socket's
        file (readableAll, writableAll); failing that is thrown, and the server
        is left not listening, as in Node."""
        try:
            if sock is not None:
                pass                # listen(otherServer): its socket, already bound
            elif fd is not None:
                sock = _socket_from_fd(fd)
            elif port == -1:
                sock = _bind_unix(address)
            elif not address:
                # Node binds '::' and falls back to '0.0.0.0' only where IPv6
                # is missing; any other failure is reported for '::'.
                address = "::"
                try:
                    sock = _bind_tcp("::", port, _socket.AF_INET6, ipv6_only)
                except OSError as exc:
                    if exc.errno not in _NO_IPV6:
                        raise
                    address = "0.0.0.0"
                    sock = _bind_tcp("0.0.0.0", port, _socket.AF_INET, False)
            else:
                sock = _bind_tcp(address, port, _socket.AF_INET6 if family == 6 else _socket.AF_INET,
                                 ipv6_only)
        except OSError as exc:
            self._listen_failed(exc, address, port)
            return
        try:
            sock.listen(backlog or DEFAULT_BACKLOG)
        except OSError as exc:
            sock.close()
            self._listen_failed(exc, address, port)
            return
        if pipe_mode:
            try:
                os.chmod(_c_path(address), os.stat(_c_path(address)).st_mode | pipe_mode)
            except OSError as exc:
                sock.close()
                _unlink_pipe(address)
                raise errors.system_error(exc, "uv_pipe_chmod")
        sock.setblocking(False)
        self.socket = sock
        self.family = sock.family
        self._state = advance(self._state, "listen")
        self.start_accepting()
        if self._unref:
            self.unref()
        queue_tick(self._emit_listening_nt)

    def _listen_failed(self, exc, address, port):
        err = errors.system_error(exc, "listen", address, port, uv_style=True)
        queue_tick(self.emit, "error", err)

    def _emit_listening_nt(self):
        if self._state is V.LISTENING:
            monitoring.publish(monitoring.ServerListening, self)
            self.emit("listening")

    # ------------------------------------------------------------------
    # accepting (gevent's loop, in the hub)

    def start_accepting(self):
        if self._watcher is None and self._state is V.LISTENING and self._timer is None:
            _open_reserve()
            self._watcher = self.loop.io(self.socket.fileno(), 1, ref=not self._unref)
            # Accepts run before the other I/O of the same turn, so a server's
            # 'connection' precedes its own client's 'connect', as in Node
            # (libev otherwise runs the watchers of one turn last-ready first).
            self._watcher.priority = ACCEPT_PRIORITY
            self._watcher.start(self._do_read)

    def _do_read(self):
        sock = getattr(self, "socket", None)
        for _ in range(self.max_accept):
            if sock is None or self._state is not V.LISTENING:
                return
            try:
                accepted = self.do_read()
            except OSError as exc:
                if exc.errno in (_errno.ECONNABORTED, _errno.EPROTO):
                    continue
                if exc.errno in (_errno.EMFILE, _errno.ENFILE) and _shed_pending(sock):
                    # Out of descriptors: the waiting connections were accepted
                    # and closed, as libuv does, with no event (Node emits none).
                    return
                # Node emits 'error' for a failed accept; the server then waits
                # before accepting again, so the error is not emitted (and the
                # accept retried) on every turn while it lasts.
                self._emit_from_accept("error", errors.system_error(exc, "accept"))
                self._pause_accepting()
                return
            if accepted is None:
                return
            if self._accept_delay != MIN_ACCEPT_DELAY:
                self._accept_delay = MIN_ACCEPT_DELAY
            self.do_handle(*accepted)

    def _pause_accepting(self):
        """Stop accepting for ``_accept_delay`` seconds (doubling up to
        ``MAX_ACCEPT_DELAY`` while accepts keep failing), then accept again."""
        self.stop_accepting()
        delay = self._accept_delay
        self._accept_delay = min(delay * 2, MAX_ACCEPT_DELAY)
        self._timer = self.loop.timer(delay, ref=not self._unref)
        self._timer.start(self._resume_accepting)

    def _resume_accepting(self):
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.close()
        self.start_accepting()

    def do_read(self):
        """gevent's hook: accept one connection as ``(fd, address)``, ``None``
        when none is waiting."""
        try:
            return self.socket._accept()
        except (BlockingIOError, InterruptedError):
            return None

    def do_handle(self, fd, peer):
        """A connection was accepted: drop it past ``maxConnections``, else make
        it a ``Socket``, queued to emit 'connection' in this turn."""
        client = _socket.socket(self.family, _socket.SOCK_STREAM, 0, fileno=fd)
        limit = self.maxConnections
        if limit is not None and _options.max_connections_reached(limit, self._connections):
            # A pipe handle has no addresses: Node emits 'drop' with no argument
            # (compat: server/max_connections_drop_unix_no_argument).
            args = () if self.family == _socket.AF_UNIX else (_drop_data(client, self.family),)
            client.close()
            self._emit_from_accept("drop", *args)
            return
        # Counted before 'connection' is emitted, as in Node.
        self._connections += 1
        self._socket_class._accepted(client, self)

    def _emit_from_accept(self, event, *args):
        """Emit in this turn, in order with the accepted sockets' 'connection',
        as Node does from its accept callback (from the service queue: this
        runs in the hub, where a listener must not run)."""
        _loop.get_loop().serve_soon(_loop.Task(self.emit, (event,) + args, self._context))

    def _emit_connection(self, sock):
        self._sockets.add(sock)
        monitoring.publish(monitoring.ConnectionOpened, sock, self)
        self.emit("connection", sock)

    # ------------------------------------------------------------------
    # closing

    def close(self, cb=None):
        """Node's ``server.close([cb])``: stop accepting; 'close' comes once every
        connection has ended. ``cb`` gets ``ERR_SERVER_NOT_RUNNING`` if the
        server was not listening."""
        self._listening_id += 1
        if callable(cb):
            cb = _arity.adapt(cb)
            if self._state is not V.LISTENING:
                self.once("close", lambda *_: cb(errors.ERR_SERVER_NOT_RUNNING()))
            else:
                self.once("close", cb)
        if self._state is V.LISTENING:
            self._close_listener()
            self._state = advance(self._state, "close")
        self._emit_close_if_drained()
        return self

    def _close_listener(self):
        self.stop_accepting()
        sock = self.__dict__.pop("socket", None)
        if sock is not None:
            path = self._pipe_name if sock.family == _socket.AF_UNIX else None
            sock.close()
            if path:
                _unlink_pipe(path)

    def _connection_ended(self, sock):
        """An accepted socket was destroyed (from Socket._destroy, as Node's)."""
        self._connections -= 1
        self._sockets.discard(sock)
        self._emit_close_if_drained()

    def _emit_close_if_drained(self):
        if self._state is V.LISTENING or self._connections:
            return
        queue_tick(self._emit_close_nt)

    def _emit_close_nt(self):
        if self._state is V.CLOSING:
            self._state = advance(self._state, "drained")
        monitoring.publish(monitoring.ServerClosed, self)
        self.emit("close")

    # ------------------------------------------------------------------
    # the rest of Node's surface

    def address(self):
        """The bound address: ``{'port', 'family', 'address'}``, the path of a Unix
        socket, or ``None`` when not listening."""
        sock = getattr(self, "socket", None)
        if sock is not None and self._state is V.LISTENING:
            if sock.family == _socket.AF_UNIX:
                return self._pipe_name
            return address_dict(sock.getsockname(), sock.family)
        if self._pipe_name:
            return self._pipe_name
        return None

    @property
    def _handle(self):
        """Node's name for the listening handle (``listen(otherServer)`` reads it);
        gevent's own use of ``_handle`` (the handler) is overridden by do_handle."""
        return getattr(self, "socket", None) if self._state is V.LISTENING else None

    @property
    def listening(self):
        return self._state is V.LISTENING

    def getConnections(self, cb=None):
        """Node's ``server.getConnections(cb)``: ``cb(err, count)`` on the next tick.
        Without a callback, Node's ``ERR_INVALID_ARG_TYPE`` (from ``nextTick``, as in Node)."""
        nextTick(cb, None, self._connections)
        return self

    @property
    def connections(self):
        """Deprecated in Node: use ``getConnections()``."""
        warnings.warn("Server.connections property is deprecated. Use Server.getConnections() instead.",
                      DeprecationWarning, stacklevel=errors.warning_stacklevel())
        return self._connections

    def ref(self):
        """Keep the loop alive while listening (the default)."""
        self._unref = False
        if self._watcher is not None:
            self._watcher.ref = True
        return self

    def unref(self):
        """Let the loop end even while listening. Accepted sockets are not affected."""
        self._unref = True
        if self._watcher is not None:
            self._watcher.ref = False
        return self

    # ------------------------------------------------------------------
    # gevent's StreamServer surface

    @property
    def server_host(self):
        """gevent's: the address bound to (a string), ``None`` for a Unix socket."""
        bound = self.address()
        return bound["address"] if isinstance(bound, dict) else None

    @property
    def server_port(self):
        """gevent's: the port bound to (an int), ``None`` for a Unix socket."""
        bound = self.address()
        return bound["port"] if isinstance(bound, dict) else None

    @property
    def started(self):
        return self._state is V.LISTENING

    @property
    def closed(self):
        return self._state is not V.LISTENING

    def start(self):
        """gevent's ``start()``: listen on what the last ``listen()`` was given
        (a random port if it was never called). Blocks until listening."""
        if self._state is V.LISTENING:
            return
        args, kwargs = self._last_listen or ((), {})
        self.listen(*args, **kwargs)
        if self._state is not V.LISTENING:
            once(self, "listening")

    def stop(self, timeout=None):
        """gevent's ``stop(timeout)``: close, wait up to ``timeout`` seconds for
        the connections to end, then destroy the rest."""
        if timeout is None:
            timeout = self.stop_timeout
        done = Event()
        self.close(lambda *_: done.set())
        if self._connections:
            with Timeout(timeout, False):
                done.wait()
            for sock in list(self._sockets):
                sock.destroy()

    def serve_forever(self, stop_timeout=None):
        """gevent's ``serve_forever(stop_timeout)``: start, then block until the
        server closes. If the greenlet is killed first (or anything else is
        raised into it), the server is stopped as gevent's is: ``stop(stop_timeout)``
        (seconds; ``None`` is the ``stop_timeout`` attribute) before it ends."""
        if self._state is not V.LISTENING:
            self.start()
        closed = Event()
        self.once("close", lambda *_: closed.set())
        try:
            closed.wait()
        finally:
            # After 'close' there is nothing left to stop (a second close()
            # would emit 'close' again, as Node's does). As gevent does, stop
            # runs in a greenlet of its own, so that a second kill of this one
            # cannot cut it short.
            if not closed.is_set():
                Greenlet.spawn(self.stop, stop_timeout).join()

    def __repr__(self):
        return "<gnet.Server %s %r>" % (self._state.value, self.address())

    __str__ = __repr__



#: libuv's reserve descriptor (``loop->emfile_fd``): held while servers listen,
#: given up for a moment when an accept finds no descriptor left.
_reserve = [None]


def _open_reserve():
    if _reserve[0] is None:
        try:
            _reserve[0] = os.open("/", os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            pass


def _shed_pending(sock):
    """libuv's ``uv__emfile_trick``: with no descriptor left, close the
    reserve one, accept and close every waiting connection (its client sees it
    closed, rather than the server retrying an accept that cannot succeed on
    every turn), then take the reserve again. ``True`` when the queue was
    emptied; ``False`` when there was no reserve or accepting failed otherwise."""
    fd = _reserve[0]
    if fd is None:
        return False
    _reserve[0] = None
    os.close(fd)
    try:
        while True:
            try:
                conn, _ = sock._accept()
            except InterruptedError:
                continue
            except BlockingIOError:
                return True
            except OSError:
                return False
            os.close(conn)
    finally:
        _open_reserve()


def _c_path(path):
    """A Unix socket's path as the file calls (unlink, chmod) take it: a C
    string, cut at its first NUL, as libuv passes it (bind cuts it there too)."""
    return os_path(path).split(b"\0", 1)[0]


def _unlink_pipe(path):
    """Remove a closed Unix server socket's file, as libuv does on close
    (an abstract name has none)."""
    if not path.startswith("\0"):
        try:
            os.unlink(_c_path(path))
        except OSError:
            pass

def _drop_data(client, family):
    """'drop''s argument for a TCP connection: both ends' addresses."""
    data = {}
    try:
        local = address_dict(client.getsockname(), family)
        data.update(localAddress=local["address"], localPort=local["port"], localFamily=local["family"])
        remote = address_dict(client.getpeername(), family)
        data.update(remoteAddress=remote["address"], remotePort=remote["port"], remoteFamily=remote["family"])
    except OSError:
        pass
    return data


def _bind_tcp(host, port, family, ipv6_only):
    sock = _socket.socket(family, _socket.SOCK_STREAM)
    try:
        # libuv sets SO_REUSEADDR on every TCP bind, so a port in TIME_WAIT is free.
        sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEADDR, 1)
        if family == _socket.AF_INET6:
            sock.setsockopt(_socket.IPPROTO_IPV6, _socket.IPV6_V6ONLY, 1 if ipv6_only else 0)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def _bind_unix(path):
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.bind(os_path(path))
    except OSError as exc:
        sock.close()
        if exc.errno == _errno.ENOENT:
            # libuv's uv_pipe_bind reports a missing directory as EACCES, "for
            # compatibility with Windows" (compat: server/listen_path_missing_directory).
            raise PermissionError(_errno.EACCES, os.strerror(_errno.EACCES)) from None
        raise
    return sock


def _socket_from_fd(fd):
    if not isinstance(fd, int) or isinstance(fd, bool):
        if not float(fd).is_integer():
            raise OSError(_errno.EINVAL, os.strerror(_errno.EINVAL))
        fd = int(fd)
    try:
        sock = _socket.socket(fileno=fd)
    except (OSError, ValueError, OverflowError):
        # Not a descriptor at all (2**31 is ValueError, a larger one
        # OverflowError): libuv's EINVAL, as for one that is not open.
        raise OSError(_errno.EINVAL, os.strerror(_errno.EINVAL)) from None
    return sock


def createServer(*args, **kwargs):
    """Node's ``net.createServer([options][, connectionListener])``: a new ``Server``.

    https://nodejs.org/docs/latest-v20.x/api/net.html#netcreateserveroptions-connectionlistener

    ``options`` (a dict, and/or keywords in either spelling): ``allowHalfOpen``,
    ``pauseOnConnect``, ``noDelay``, ``keepAlive``, ``keepAliveInitialDelay``,
    ``highWaterMark``. ``connectionListener(socket)`` is added for 'connection'.
    """
    return Server(*args, **kwargs)
