"""A gunicorn worker that serves gnet apps: one gnet loop per worker process.

Run::

    pip install 'gnet[gunicorn]'
    gunicorn -k gnet.gunicorn.Worker -w 4 -b 0.0.0.0:8000 module:server

What the app (gunicorn's ``module:name``, or ``module:factory(args)``) may be:

- a ``gnet.Server`` (not listening yet): it serves gunicorn's listening
  socket. A Server listens once, so it serves one ``-b`` address; for more,
  give a factory;
- a factory, a callable that can be called with no arguments and returns a
  ``gnet.Server``: it is called once per ``-b`` address;
- a connection listener, a callable that needs one argument (the ``Socket``):
  each ``-b`` address gets ``gnet.createServer(listener)``.

Callables are told apart by their signature alone: one that can be called
with no arguments is a factory, any other is a listener (so is one whose
signature cannot be read).

In each worker process, after gunicorn's ``post_fork`` hook, the app is
loaded, each of gunicorn's inherited listening sockets is handed to its
server with ``server.listen({'fd': ...})`` (a duplicate of the descriptor),
and ``gnet.run()`` runs the loop. An unref'd interval tells the arbiter the
worker is alive (it holds nothing alive by itself). Every accepted
connection counts toward ``max_requests`` (gunicorn's, jitter included):
when it is reached the worker retires as on TERM, and gunicorn starts
another. Nothing is monkey-patched; an app that wants ``patch_all()`` calls
it itself.

Signals (the worker's; the master turns HUP into new workers and a TERM to
each old one):

- TERM (graceful): the servers close, so they accept no more (the master
  and the other workers keep the listening socket) and each emits Node's
  'close' once its connections have ended. Connections get up to
  ``graceful_timeout`` to end; those left are then destroyed (Node's
  'close' on each, no ``GreenletExit`` in a listener), and the worker exits
  when the loop has nothing left. Other work the app keeps ref'd (an
  interval, a client socket) keeps the worker until gunicorn's own
  ``graceful_timeout`` kill: end it on the server's 'close'. An app that
  ends its idle connections at once on TERM listens for it as a Node
  program does, ``gnet.process.on('SIGTERM', fn)`` (registered when the app
  is loaded, in the worker; not with ``--preload``, where the master would
  take the signal): its listeners run beside the worker's own handling.
- QUIT, INT: gunicorn's ``worker_int`` hook, then every server closes and
  every connection is destroyed at once, and the worker exits.
- USR1: gunicorn reopens its log files.

``worker_exit`` and the other hooks are gunicorn's and run as with any worker.
``--preload`` with a ``gnet.Server`` app is refused by gunicorn's master,
which wants a WSGI callable: use a factory or a listener there.
"""

import ast
import importlib
import inspect
import os
import signal
import sys

import gevent
from gevent.hub import reinit
from gunicorn.errors import AppImportError
from gunicorn.workers import base

import gnet

__all__ = ["Worker"]

#: Longest pause between two heartbeats, in seconds (gunicorn's gevent worker uses 1 s).
HEARTBEAT_SECONDS = 1.0


class Worker(base.Worker):
    """gunicorn's ``-k gnet.gunicorn.Worker``: gunicorn's listeners served by gnet."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.servers = []
        self._closed = set()        # the servers that have emitted 'close'
        self._stopping = False

    def init_process(self):
        # The worker is a fork of the master: gevent's loop must be made anew.
        reinit()
        super().init_process()

    def init_signals(self):
        super().init_signals()
        # gunicorn's handlers are Python signal handlers, which run in whatever
        # greenlet happens to be running; gevent's run each in a greenlet of its own,
        # in the loop, where gnet's calls belong.
        gevent.signal_handler(signal.SIGTERM, self.handle_exit, signal.SIGTERM, None)
        gevent.signal_handler(signal.SIGQUIT, self.handle_quit, signal.SIGQUIT, None)
        gevent.signal_handler(signal.SIGINT, self.handle_quit, signal.SIGINT, None)
        gevent.signal_handler(signal.SIGUSR1, self.handle_usr1, signal.SIGUSR1, None)

    def load_wsgi(self):
        """Load the gnet app. gunicorn's own loader wants a WSGI callable, so
        a ``gnet.Server`` named by ``module:name`` is imported here instead."""
        try:
            self.wsgi = self.app.wsgi()
        except AppImportError:
            uri = getattr(self.app, "app_uri", None)
            if uri is None:
                raise
            self.wsgi = _import_app(uri)

    # ------------------------------------------------------------------
    # running

    def run(self):
        make_server = _server_maker(self.wsgi, len(self.sockets))
        for listener in self.sockets:
            server = make_server()
            if self.cfg.workers > 1:
                # One accept per wake-up, as gunicorn's gevent worker does, so
                # connections spread over the workers instead of going to
                # whichever woke first.
                server.max_accept = 1
            server.prependListener("connection", self._count)
            server.once("close", lambda server=server: self._closed.add(server))
            server.listen({"fd": os.dup(listener.fileno())})
            self.servers.append(server)
        interval = max(0.1, min(HEARTBEAT_SECONDS, self.timeout / 2.0)) if self.timeout else HEARTBEAT_SECONDS
        self._heartbeat = gnet.setInterval(self._beat, interval * 1000)
        self._heartbeat.unref()
        self.notify()
        gnet.run()

    def _count(self, sock):
        self.nr += 1
        if self.nr >= self.max_requests and self.alive:
            self.log.info("Autorestarting worker after current request.")
            self.alive = False
            self._stop()

    def _beat(self):
        self.notify()
        if self.ppid != os.getppid():
            self.log.info("Parent changed, shutting down: %s", self)
            self.alive = False
        if not self.alive:
            self._stop()

    # ------------------------------------------------------------------
    # stopping

    def handle_exit(self, sig, frame):
        self.alive = False
        self._stop()

    def handle_quit(self, sig, frame):
        self.alive = False
        self.cfg.worker_int(self)
        self._stop(graceful=False)

    def _stop(self, graceful=True):
        """Close every server; give connections ``graceful_timeout`` to end
        (none when not graceful), destroy the rest. Runs once per kind: a QUIT
        after a TERM cuts the wait short."""
        if self._stopping and graceful:
            return
        self._stopping = True
        if graceful:
            # Ours ends a little before the arbiter's own graceful_timeout kill,
            # so the connections left still get Node's 'close'.
            timeout = self.cfg.graceful_timeout
            timeout -= min(1.0, timeout / 4.0)
        else:
            timeout = 0
        for server in self.servers:
            if server not in self._closed:
                gevent.spawn(server.stop, timeout)
        if not graceful:
            # The destroyed sockets' 'close' comes on the next ticks; then exit,
            # whatever else the app still has going.
            gevent.spawn_later(0.1, sys.exit, 0)


def _server_maker(app, listeners):
    """What ``run()`` calls once per gunicorn listener to get its gnet Server."""
    if isinstance(app, gnet.Server):
        if listeners > 1:
            raise TypeError("a gnet.Server listens on one address and gunicorn has %d; "
                            "give a function returning a new gnet.Server instead" % listeners)
        return lambda: app
    if not callable(app):
        raise TypeError("a gnet app is a gnet.Server, a function returning one, or a "
                        "'connection' listener; got %r" % (app,))
    if _callable_without_arguments(app):
        def from_factory():
            server = app()
            if not isinstance(server, gnet.Server):
                raise TypeError("the app factory %r returned %r, not a gnet.Server" % (app, server))
            return server
        return from_factory
    return lambda: gnet.createServer(app)


def _callable_without_arguments(fn):
    try:
        inspect.signature(fn).bind()
    except TypeError:
        return False
    except ValueError:          # no signature to read (some builtins): a listener
        return False
    return True


def _import_app(uri):
    """gunicorn's ``module:name`` or ``module:factory(literal args)``, without
    gunicorn's requirement that the result be callable."""
    module, _, expr = uri.partition(":")
    expr = expr or "application"
    mod = importlib.import_module(module)
    try:
        node = ast.parse(expr, mode="eval").body
    except SyntaxError:
        raise AppImportError("Failed to parse %r as an attribute name or function call." % expr)
    if isinstance(node, ast.Name):
        name, call = node.id, None
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        name = node.func.id
        try:
            call = ([ast.literal_eval(a) for a in node.args],
                    {k.arg: ast.literal_eval(k.value) for k in node.keywords})
        except ValueError:
            raise AppImportError("Failed to parse arguments as literal values: %r" % expr)
    else:
        raise AppImportError("Failed to parse %r as an attribute name or function call." % expr)
    try:
        app = getattr(mod, name)
    except AttributeError:
        raise AppImportError("Failed to find attribute %r in %r." % (name, module))
    if call is not None:
        app = app(*call[0], **call[1])
    if app is None:
        raise AppImportError("Failed to find application object: %r" % expr)
    return app
