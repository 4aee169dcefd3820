"""gevent's hub as Node's event loop: nextTick, immediates, uncaught errors, ``run()``.

Theory of operation
-------------------
Node runs every callback on one thread; gnet runs them on one gevent hub, but
never *in* the hub greenlet, because a gnet callback may block (API.md 6).
Callbacks run in *executors*: greenlets that own a nextTick queue.

- The loop's **runner** is one greenlet per hub. It runs timers (gnet/eventloop/timers.py),
  immediates, and nextTicks queued from outside any executor (the main script,
  a plain gevent greenlet). Hub-side watchers only record that work is due and
  switch into the runner when it is parked. If the runner is blocked in a
  callback (``gevent.sleep``, ``gnet.once``), the next watcher that has work
  for it starts a new runner, which takes the loop's work from there; the
  blocked one finishes its callback and its nextTicks, then ends. So a
  callback may wait for what a later timer or immediate does, and holds up
  nothing queued behind it.
- **Service greenlets** serve handles (gnet/net/handle.py): I/O watchers queue the
  handle they fire for (``serve_soon``), and the *service check*, a libev check
  watcher at the lowest priority, runs after every other watcher of the turn
  and hands the queue to one service greenlet, which serves each handle in
  turn: the events its socket emits, and the nextTicks they queue, run there.
  If a listener blocks, that greenlet keeps its handle and the next one takes
  the rest of the queue; a few idle ones are kept for later turns. What the
  service serves is declared by ``Served``.
- A *macrotask* is one callback run by an executor; after each one the executor
  drains its nextTick queue, as Node drains ``process.nextTick`` after every
  callback from the loop (``dispatch``).

Immediates use a check watcher (run after I/O polling) and an idle watcher (so
the poll does not block while immediates wait), as libuv's ``setImmediate``
does; both are ref'd only while a ref'd immediate is pending. The runner holds
no watcher while parked, so it never keeps ``run()`` or ``gevent.wait()``
going by itself.

An exception escaping a macrotask goes to ``report``: the capture callback if
one is set, else ``process``'s ``'uncaughtException'`` listeners, else it
crashes: ``run()`` raises it (or, with no ``run()`` in progress, the main
greenlet gets it), as Node's process dies of it.
"""

from collections import deque

from gevent.hub import get_hub
from greenlet import getcurrent, greenlet, GreenletExit

try:
    import cython                   # compiling: declarations (gnet/_build.py)
except ImportError:
    from gnet._build import cython  # pure Python without Cython: no-ops

from gnet.js import names as _names
from gnet.js import errors
from gnet.js import origin as _origin
from gnet.js.arity import MISSING, adapt as _adapt, fit as _fit
from gnet.eventloop.events import EventEmitter

__all__ = [
    "nextTick", "queue_tick", "setImmediate", "clearImmediate", "Immediate", "run",
    "setUncaughtExceptionCaptureCallback", "hasUncaughtExceptionCaptureCallback",
    "get_loop", "dispatch", "report", "executor", "spawn", "Served", "Task", "drain_ticks",
    "RefHandle",
]

#: libev priority of the service check: the lowest, so it runs after every
#: other watcher of a turn (accepts, timers, reads, writes) and serves what they
#: queued in one pass.
SERVICE_PRIORITY = -2
#: Service greenlets kept waiting for the next turn; more than this end.
MAX_IDLE_WORKERS = 4

# Exceptions that are control flow for greenlets and the interpreter, not
# errors of a callback: they pass through executors untouched.
PASS_THROUGH = (GreenletExit, KeyboardInterrupt, SystemExit)


class Served:
    """What the loop's service serves (``_Loop.serve_soon``): a handle
    (gnet/net/handle.py) or a ``Task``.

    - ``queued``: it is in the ready queue (set and cleared by the loop);
    - ``parked``: a greenlet parked in the hub, waiting for this one (a
      socket's connect greenlet): the service switches to it, in queue order,
      instead of serving;
    - ``serving``: the greenlet serving it now, ``None`` when none is;
    - ``serve(me, ticks)``: serve what is pending, in greenlet ``me``, whose
      nextTick queue is ``ticks``.
    """

    __slots__ = ("queued", "parked", "serving")

    def __init__(self):
        self.queued = False
        self.parked = None
        self.serving = None

    def serve(self, me, ticks):
        raise NotImplementedError

    def killed(self, ticks):
        """The greenlet serving this was killed (``gevent.kill``) while a
        callback blocked; ``ticks`` are the nextTicks it left queued, which
        still run, elsewhere (``carry_on``)."""
        carry_on(ticks, getcurrent().gr_context)


class _Loop:
    """gnet's per-hub loop state. Obtain it with ``get_loop()``."""

    def __init__(self, hub):
        self.hub = hub
        self.capture = None               # setUncaughtExceptionCaptureCallback's fn
        self.run_waiter = None            # the Waiter of the run() in progress
        self.crashed = None               # an exception on its way out of run()
        self.crashed_tb = None            # ... and the traceback it leaves with
        # The runner and what it has to do.
        self.runner = executor(self._run_runner, hub=hub)
        self.runner_parked = True          # an unstarted greenlet counts as parked
        self.runner_wake_scheduled = False
        self.timers_due = False
        self.timer_list = None            # gnet.eventloop.timers._TimerList, set on first use
        self.run_starting = False         # run() called, its first runner turn not yet over
        # Immediates: a FIFO, processed by the check watcher's turn.
        self.immediates = deque()
        # Ref'd immediates and close callbacks pending: while any is, the check
        # and idle watchers hold the loop (``_hold_check_phase``).
        self.check_holds = 0
        # Close callbacks (a socket's 'close'): run after the immediates of the
        # turn, as libuv runs them after its check phase. Each holds the loop.
        self.closing = deque()
        self.check = hub.loop.check(ref=False)
        self.idle = hub.loop.idle(ref=False)
        # Handles (and tasks) with work found by this turn's I/O watchers, in
        # order, and the greenlets that serve them (see ``serve_ready``). The
        # service check stays started, unref'd, so it runs in every turn: one
        # started during a turn's callbacks would wait for the next poll.
        self.ready = deque()
        self.idle_workers = []
        self.serving = None             # the service greenlet taking from ``ready``
        self.service = hub.loop.check(ref=False)
        self.service.priority = SERVICE_PRIORITY
        self.service.start(self.serve_ready)
        # Made during a turn's callbacks (the first accepted socket can make
        # this state), the check would first run after the next poll, which
        # may wait for I/O that never comes: a zero timer keeps that poll
        # from waiting.
        nudge = hub.loop.timer(0.0, ref=False)
        nudge.start(nudge.close)

    # -- waking the runner ----------------------------------------------------

    def wake_runner(self):
        """Make the runner look at its work soon (from a hub callback of its own)."""
        if not self.runner_wake_scheduled:
            self.runner_wake_scheduled = True
            self.hub.loop.run_callback(self._switch_to_runner)

    def _switch_to_runner(self):
        """Switch into the parked runner; hub-side watchers call this directly.

        A runner that is not parked while the hub runs is blocked in a callback
        (a timer, an immediate, a nextTick or a 'close' listener that waits on
        gevent, as API.md 6 allows): a new runner takes the loop's work from
        here, so that what the blocked callback waits for can happen. The
        blocked one finishes that callback (and the nextTicks it queued), then
        ends, as a blocked service greenlet keeps only its own connection."""
        self.runner_wake_scheduled = False
        if self.crashed is not None:
            return
        if not self.runner_parked:
            if getcurrent() is not self.hub:
                return
            self.runner = executor(self._run_runner, hub=self.hub)
        self.runner.switch()

    def _run_runner(self):
        me = getcurrent()
        self.runner_parked = False
        try:
            while True:
                if self.crashed is None:
                    self._runner_turn(me)
                    if self.runner is not me:
                        return              # replaced while blocked (``_switch_to_runner``)
                    if self.run_starting:
                        self._start_or_exit()
                self.runner_parked = True
                try:
                    self.hub.switch()
                finally:
                    self.runner_parked = False
        except GreenletExit:
            self._runner_killed(me)
            raise

    def _runner_killed(self, me):
        """``gevent.kill`` of runner ``me`` (while a timer, immediate, nextTick
        or 'close' callback blocked, or while parked): the callback is
        abandoned, the nextTicks it queued run in a new executor
        (``carry_on``), and the loop's other work goes on in a new runner, as
        when a runner blocks (``_switch_to_runner``). Timers are processed
        again, which arms their watcher if the kill cut a batch short."""
        carry_on(me.gnet_ticks, me.gr_context)
        if self.runner is me:
            self.runner = executor(self._run_runner, hub=self.hub)
            self.runner_parked = True
        if self.timer_list is not None:
            self.timers_due = True
        if self.immediates or self.closing:
            self._immediates_due = True
        self.wake_runner()

    def _runner_turn(self, me):
        ticks = me.gnet_ticks
        while self.crashed is None and self.runner is me:
            if ticks:
                drain_ticks(ticks)
            elif self.timers_due:
                self.timers_due = False
                self.timer_list.process()
            elif self._immediates_due:
                self._immediates_due = False
                self._process_immediates()
            else:
                return

    def _start_or_exit(self):
        """End of the first runner turn of a ``run()``: the main script's
        nextTicks have run. With nothing ref'd left, ``run()`` returns now,
        before the loop's first turn could run unref'd timers, intervals or
        immediates: libuv checks that its loop is alive before the first
        iteration, and a Node process with only unref'd handles exits without
        running them (compat: timers/only_unrefd_left_never_run). libev always
        runs one iteration, so we do the check here."""
        self.run_starting = False
        waiter = self.run_waiter
        if waiter is not None and not _hub_alive(self.hub):
            self.hub.loop.run_callback(waiter.switch, None)

    # -- immediates ------------------------------------------------------------

    _immediates_due = False

    def add_immediate(self, immediate):
        self.immediates.append(immediate)
        if immediate._ref:
            self._hold_check_phase(1)
        if not self.check.active:
            self.check.start(self._on_check)
            self.idle.start(_nothing)

    def add_close_callback(self, callback, args, context):
        """Run ``callback(*args)`` in the loop's close phase (libuv's ``uv_close``
        callback), in ``context`` (a ``contextvars.Context``, or ``None``)."""
        self.closing.append((callback, args, context))
        self._hold_check_phase(1)
        if not self.check.active:
            self.check.start(self._on_check)
            self.idle.start(_nothing)

    def _hold_check_phase(self, delta):
        """One more (``delta`` 1) or one less (-1) ref'd immediate or close
        callback pending; the check phase's watchers hold the loop while any is."""
        self.check_holds += delta
        held = self.check_holds > 0
        if held is not self._check_held:   # a 'close' per connection comes here twice
            self._check_held = held
            self.check.ref = held
            self.idle.ref = held

    _check_held = False

    def _on_check(self):
        self._immediates_due = True
        self._switch_to_runner()

    def _process_immediates(self):
        # Immediates queued while these run wait for the next turn, as in Node.
        # They are taken from the queue one at a time, so that a runner that
        # takes over from one blocked in an immediate finds the rest there.
        immediates = self.immediates
        count = len(immediates)
        runner = self.runner
        ticks = runner.gnet_ticks
        while count and immediates:
            count -= 1
            immediate = immediates.popleft()
            if immediate._destroyed:
                continue
            immediate._destroyed = True
            if immediate._ref:
                self._hold_check_phase(-1)
            runner.gr_context = immediate._context
            dispatch(immediate._callback, immediate._args, ticks)
            if self.crashed is not None or self.runner is not runner:
                return
        # libuv keeps its closing handles on a stack and takes the whole stack
        # per turn: the last handle closed runs first, and one closed by these
        # callbacks waits for the next turn (compat: socket/close_order_last_destroyed_first).
        closing, self.closing = self.closing, deque()
        while closing and self.crashed is None and self.runner is runner:
            callback, args, context = closing.pop()
            self._hold_check_phase(-1)
            runner.gr_context = context
            try:
                dispatch(callback, args, ticks)
            except GreenletExit:
                closing.extend(self.closing)
                self.closing = closing
                raise
        if closing:
            closing.extend(self.closing)
            self.closing = closing
        if not self.immediates and not self.closing:
            self.check.stop()
            self.idle.stop()

    # -- serving sockets: the service check and its greenlets ----------------------

    def serve_soon(self, owner):
        """Queue ``owner`` (a ``Served``: a handle or a ``Task``) for this turn's service.

        For I/O watchers' callbacks and the accept callback, in the hub: the
        service check runs after every I/O watcher of the turn and serves the
        queue in order, on one service greenlet while nothing blocks.
        """
        if not owner.queued:
            owner.queued = True
            self.ready.append(owner)

    def serve_now(self, owner):
        """Queue ``owner`` and serve the queue now (in the hub, outside the
        turn's I/O callbacks, where the service check would come only after
        the next poll)."""
        self.serve_soon(owner)
        self.serve_ready()

    @cython.locals(head=Served)
    def serve_ready(self):
        """The service check's callback, in the hub: hand the queue to a
        service greenlet. Back here when it has emptied the queue, or reached an
        owner whose own greenlet is parked (switched to from here, so it runs
        in its turn), or blocked in a listener: then the next greenlet takes
        the rest, and the blocked one holds up only the owner it serves."""
        ready = self.ready
        while ready:
            head = ready[0]
            parked = head.parked
            if parked is not None:
                ready.popleft()
                head.queued = False
                parked.switch()
                continue
            idle = self.idle_workers
            worker = idle.pop() if idle else executor(self._run_worker, hub=self.hub)
            self.serving = worker
            worker.switch()
        self.serving = None

    @cython.locals(owner=Served)
    def _run_worker(self):
        me = getcurrent()
        ticks = me.gnet_ticks
        ready = self.ready
        idle = self.idle_workers
        while True:
            # Only while the service check has this greenlet serve: one that
            # blocked and resumes later finishes its owner and stops.
            while self.serving is me and ready:
                owner = ready[0]
                if owner.parked is not None:
                    break
                ready.popleft()
                owner.queued = False
                if owner.serving is None:
                    try:
                        owner.serve(me, ticks)
                    except GreenletExit:
                        # gevent.kill of this greenlet while a callback it ran
                        # blocked: the owner hears of it, and the greenlet ends.
                        owner.killed(ticks)
                        raise
            if self.serving is me:
                self.serving = None
            # Parked, this greenlet would keep the last connection it served
            # (and all it reaches) alive: a suspended frame is not the cycle
            # collector's to see.
            owner = None
            if len(idle) >= MAX_IDLE_WORKERS:
                return
            idle.append(me)
            self.hub.switch()

    # -- errors ------------------------------------------------------------------

    def crash(self, exc):
        """Node's fatal exception: out of ``run()``, or into the main greenlet."""
        if self.crashed is not None:
            return
        self.crashed = exc
        # The traceback where the loop caught it, trimmed to the user's frames:
        # a greenlet switch would replace it (gnet/js/origin.py).
        self.crashed_tb = _origin.for_user(exc, exc.__traceback__)
        waiter = self.run_waiter
        if waiter is not None:
            self.hub.loop.run_callback(waiter.throw, exc)
        else:
            self.hub.loop.run_callback(self._crash_main, exc)

    def _crash_main(self, exc):
        self.crashed = None
        tb, self.crashed_tb = self.crashed_tb, None
        main = self.hub.parent
        if main is not None and not main.dead:
            main.throw(type(exc), exc, tb)


def _nothing():
    pass


def _hub_alive(hub):
    """Whether anything ref'd holds ``hub``'s loop: a ref'd watcher (gnet's or
    a plain greenlet's sleep or socket) or a pending hub callback (a spawned
    greenlet). Only libev counts them for us; elsewhere we assume it is."""
    loop = hub.loop
    if not type(loop).__module__.startswith("gevent.libev"):
        return True
    return loop.activecnt > 0


_loops = {}


def get_loop(hub=None):
    """The gnet loop state of ``hub`` (the current thread's hub by default)."""
    hub = hub or get_hub()
    loop = _loops.get(hub)
    if loop is None or loop.hub is not hub:
        loop = _loops[hub] = _Loop(hub)
    return loop


def drain_ticks(ticks):
    """Run queued nextTicks until none are left, including ones they queue.
    An exception escaping one takes Node's uncaught path (``report``)."""
    while ticks:
        callback, args = ticks.pop(0)
        try:
            callback(*args)
        except PASS_THROUGH:
            raise
        except BaseException as exc:  # noqa: B902 - routed to Node's uncaught path
            report(exc)


def dispatch(callback, args, ticks=None):
    """Run one macrotask in the current executor, then drain its nextTicks.

    The macrotask goes first in the executor's tick queue, which is then
    drained: one frame less than calling it and draining after, for the ten
    or so macrotasks and ticks of a connection's life."""
    if ticks is None:
        ticks = getcurrent().gnet_ticks
    ticks.insert(0, (callback, args))
    drain_ticks(ticks)


def executor(run, *args, hub=None):
    """A new executor greenlet (owns a nextTick queue) of ``hub`` (the current
    thread's by default) that will call ``run(*args)`` when first switched to."""
    if args:
        target = run

        def run():
            return target(*args)
    glet = greenlet(run, parent=hub or get_hub())
    # A list, not a deque: one per connecting socket's greenlet, usually
    # empty, and 56 bytes where an empty deque takes 624.
    glet.gnet_ticks = []
    return glet


def spawn(run, *args):
    """Run ``run(*args)`` in a new executor greenlet: at once when called in
    the hub, else as soon as the hub runs its callbacks (the caller goes on)."""
    glet = executor(run, *args)
    hub = get_hub()
    if getcurrent() is hub:
        glet.switch()
    else:
        hub.loop.run_callback(glet.switch)
    return glet


class Task(Served):
    """A callback served in its place in the service queue, for events that
    must keep their order with the sockets' own: a server's 'drop', a failed
    accept's 'error'."""

    __slots__ = ("_callback", "_args", "_context")

    def __init__(self, callback, args, context=None):
        Served.__init__(self)
        self._callback = callback
        self._args = args
        self._context = context

    def serve(self, me, ticks):
        me.gr_context = self._context
        dispatch(self._callback, self._args, ticks)


def carry_on(ticks, context, callback=None, *args):
    """What a killed executor leaves: its queued nextTicks (``ticks``), then
    ``callback(*args)`` if given, run in a new executor in ``context``, so
    that a kill (``gevent.kill`` raising ``GreenletExit`` into a blocked
    callback) loses no other callback's tick and reaches no callback as an
    error. Called in the greenlet being killed, which then ends."""
    left = list(ticks)
    ticks.clear()
    if callback is not None:
        left.append((callback, args))
    if not left:
        return

    def run():
        me = getcurrent()
        me.gr_context = context
        me.gnet_ticks.extend(left)
        drain_ticks(me.gnet_ticks)

    spawn(run)


def _process():
    """``gnet.process`` (gnet/eventloop/process.py, which builds on this module)."""
    from gnet.eventloop.process import process
    return process


def report(exc):
    """An exception escaped a callback: Node's ``uncaughtException`` path.
    A handler that raises in turn is fatal, as in Node."""
    loop = get_loop()
    if loop.capture is not None:
        handler, args = loop.capture, (exc,)
    elif _process().listenerCount("uncaughtException"):
        handler, args = _process().emit, ("uncaughtException", exc, "uncaughtException")
    else:
        loop.crash(exc)
        return
    try:
        handler(*args)
    except PASS_THROUGH:
        raise
    except BaseException as second:  # noqa: B902 - a failing handler is fatal, as in Node
        loop.crash(second)


# ---------------------------------------------------------------------------
# The public surface.

def nextTick(callback=None, *args):
    """Node's ``process.nextTick``: run ``callback(*args)`` before any other pending callback.

    https://nodejs.org/docs/latest-v20.x/api/process.html#processnexttickcallback-args
    Called inside a gnet callback, it runs right after that callback returns,
    in the same greenlet; called elsewhere (the main script, a plain greenlet),
    it runs first thing when the loop next turns. A callback taking fewer
    parameters gets the leading ``args`` (API.md 2).
    """
    if not callable(callback):
        raise errors.ERR_INVALID_ARG_TYPE("callback", "Function", callback)
    queue_tick(callback, *_fit(callback, args))


def queue_tick(callback, *args):
    """``nextTick`` for gnet's own callbacks, which take exactly the arguments
    they are given: nothing to check or fit (that costs about 0.4 µs, and a
    connection's life queues a dozen of these)."""
    ticks = getattr(getcurrent(), "gnet_ticks", None)
    if ticks is not None:
        ticks.append((callback, args))
        return
    loop = get_loop()
    loop.runner.gnet_ticks.append((callback, args))
    loop.wake_runner()


@_names.alias_class
class RefHandle:
    """``ref()``, ``unref()``, ``hasRef()`` of Node's timer and immediate handles.

    A pending handle that is ref'd keeps the loop alive; a subclass says how
    in ``_change_refs(delta)``.
    """

    __slots__ = ()

    def ref(self):
        """Keep the loop alive while this is pending (the default)."""
        if not self._ref:
            self._ref = True
            if not self._destroyed:
                self._change_refs(1)
        return self

    def unref(self):
        """Let the loop end even though this is pending."""
        if self._ref:
            self._ref = False
            if not self._destroyed:
                self._change_refs(-1)
        return self

    def hasRef(self):
        return self._ref


class Immediate(RefHandle):
    """The handle ``setImmediate`` returns: ``ref()``, ``unref()``, ``hasRef()``."""

    __slots__ = ("_callback", "_args", "_ref", "_destroyed", "_loop", "_context")

    def __init__(self, loop, callback, args):
        self._loop = loop
        self._callback = callback
        self._args = args
        self._ref = True
        self._destroyed = False
        self._context = getcurrent().gr_context

    def _change_refs(self, delta):
        self._loop._hold_check_phase(delta)


    def _clear(self):
        if not self._destroyed:
            self._destroyed = True
            if self._ref:
                self._loop._hold_check_phase(-1)


def setImmediate(callback=None, *args):
    """Node's ``setImmediate``: run ``callback(*args)`` after pending I/O, in FIFO order.

    https://nodejs.org/docs/latest-v20.x/api/timers.html#setimmediatecallback-args
    """
    if not callable(callback):
        raise errors.ERR_INVALID_ARG_TYPE("callback", "Function", callback)
    loop = get_loop()
    immediate = Immediate(loop, callback, _fit(callback, args))
    loop.add_immediate(immediate)
    return immediate


def clearImmediate(immediate=None):
    """Node's ``clearImmediate``; anything but a pending ``Immediate`` is ignored."""
    if isinstance(immediate, Immediate):
        immediate._clear()


def setUncaughtExceptionCaptureCallback(fn=MISSING):
    """Node's ``process.setUncaughtExceptionCaptureCallback``: ``fn(err)`` gets every
    exception that escapes a gnet callback, instead of ``run()`` raising it.
    ``None`` removes it (Node's ``null``); leaving ``fn`` out is Node's
    ``ERR_INVALID_ARG_TYPE``, as ``undefined`` is there."""
    if fn is MISSING:
        raise errors.ERR_INVALID_ARG_TYPE("fn", ["Function", "null"], None)
    loop = get_loop()
    if fn is None:
        loop.capture = None
        return
    if not callable(fn):
        raise errors.ERR_INVALID_ARG_TYPE("fn", ["Function", "null"], fn)
    # Called as any callback (API.md 2): an async def is refused here, and
    # one that takes no parameter is called without the error.
    adapted = _adapt(fn, "fn")
    if loop.capture is not None:
        raise errors.ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET()
    loop.capture = adapted


def hasUncaughtExceptionCaptureCallback():
    """Node's ``process.hasUncaughtExceptionCaptureCallback``."""
    return get_loop().capture is not None


def run():
    """Run the loop until nothing ref'd is left, as a Node process runs until it exits.

    Must be called from the main greenlet (the one gevent's hub returns to).
    An exception that escapes a gnet callback, with no capture callback and no
    ``process.on('uncaughtException')`` listener, is raised from here: Node's
    crash. ``run()`` may be called again afterwards.
    """
    from gevent.hub import Waiter
    from gevent.exceptions import LoopExit

    loop = get_loop()
    if getcurrent() is not loop.hub.parent:
        raise RuntimeError("gnet.run() must be called from the main greenlet")
    if loop.run_waiter is not None:
        raise RuntimeError("gnet.run() is already running")
    waiter = Waiter(loop.hub)
    loop.run_waiter = waiter
    if loop.crashed is not None:
        exc, loop.crashed = loop.crashed, None
        tb, loop.crashed_tb = loop.crashed_tb, None
        loop.run_waiter = None
        raise exc.with_traceback(tb)
    loop.run_starting = True
    loop.wake_runner()
    try:
        waiter.get()
    except LoopExit:
        return
    except BaseException as exc:
        if exc is not loop.crashed:
            raise
        # The crash, with the traceback it had where it escaped the user's
        # code, not the hub's switch that brought it here (the same
        # exception, so nothing is chained).
        tb, loop.crashed_tb = loop.crashed_tb, None
        raise exc.with_traceback(tb)
    finally:
        loop.run_waiter = None
        loop.run_starting = False
        if loop.crashed is not None:
            loop.crashed = None
            if loop.runner_parked and (loop.runner.gnet_ticks or loop.timers_due or loop._immediates_due):
                loop.wake_runner()
