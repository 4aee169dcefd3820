"""Node's timers: ``setTimeout``, ``setInterval`` and their handles, on gevent's loop.

All of a hub's timers live in one list (``_TimerList``): a heap ordered by
expiry, then by the order they were set, so timers with the same delay fire in
the order they were set, as Node's per-duration lists make them. One libev
timer watcher is armed for the earliest expiry; it is ref'd only while a ref'd
timer is pending, so unref'd timers never keep ``run()`` going. When it fires,
the loop's runner (gnet/eventloop/loop.py) runs every timer whose time has come, draining
nextTicks after each, as Node's ``processTimers`` does.

Times are the loop's cached clock in milliseconds, as Node's ``getLibuvNow()``:
a timer set inside a timer callback starts from the time that batch began.
Delays follow Node: a delay is read as JavaScript's ``Number()`` reads it
(``'5'`` and ``[5]`` are 5), and anything that is not then a number from 1 to
2**31 - 1 becomes 1 (``setTimeout(fn, 0)`` is 1 ms); one too large also warns.
"""

import heapq
import warnings

from greenlet import getcurrent

from gnet.js import names as _names
from gnet.js import errors
from gnet.js.arity import MISSING, fit as _fit
from gnet.js.values import TIMEOUT_MAX  # noqa: F401 - Node's longest delay in ms; gnet.eventloop.timers.TIMEOUT_MAX
from gnet.js.values import js_number
from gnet.js.errors import TimeoutOverflowWarning  # noqa: F401 - gnet.eventloop.timers.TimeoutOverflowWarning
from gnet.eventloop.loop import RefHandle, get_loop, dispatch, setImmediate, clearImmediate, Immediate

__all__ = [
    "setTimeout", "clearTimeout", "setInterval", "clearInterval",
    "setImmediate", "clearImmediate", "Timeout", "Immediate", "TimeoutOverflowWarning",
]


class _TimerList:
    """Every pending timer of one hub, and the one watcher that wakes them."""

    def __init__(self, loop):
        self.loop = loop
        self.heap = []          # (expiry ms, sequence, Timeout)
        #: Entries of the heap left behind by a cleared or rescheduled timer,
        #: dropped when they come first or when they are most of the heap.
        self.stale = 0
        self.sequence = 0
        self.refs = 0           # ref'd timers pending
        self.watcher = loop.hub.loop.timer(0.0, 0.0, ref=False)
        self.armed_at = None    # expiry the watcher is armed for

    def now(self):
        return self.loop.hub.loop.now() * 1000.0

    def insert(self, timer, start):
        if timer._sequence is not None:
            self.stale += 1         # its old entry
        self.sequence += 1
        timer._sequence = self.sequence
        timer._expiry = start + timer._idleTimeout
        heapq.heappush(self.heap, (timer._expiry, self.sequence, timer))
        if self.armed_at is None or timer._expiry < self.armed_at:
            self.arm()

    def arm(self):
        heap = self.heap
        while heap and heap[0][1] != heap[0][2]._sequence:
            heapq.heappop(heap)     # a cleared or rescheduled timer's old entry
            self.stale -= 1
        if not heap:
            self.watcher.stop()
            self.armed_at = None
            return
        expiry = heap[0][0]
        if expiry == self.armed_at:
            return
        # A libev timer's delay is fixed when it is made, so a new expiry
        # takes a new watcher; this happens once per expiry, not per write.
        self.watcher.close()
        delay = max(0.0, (expiry - self.now()) / 1000.0)
        self.watcher = self.loop.hub.loop.timer(delay, 0.0, ref=self.refs > 0)
        self.watcher.start(self._on_watcher)
        self.armed_at = expiry

    def orphaned(self):
        """A timer left its entry in the heap (cleared while pending). A socket's
        timeout (a TLS handshake's: 120 s) is usually cleared long before it is
        due; its entry would keep the timer, and what its callback reaches, until
        then. Once such entries are most of a large heap, the heap is rebuilt
        without them (amortised: each entry is dropped once)."""
        self.stale += 1
        heap = self.heap
        if self.stale > 512 and self.stale * 2 > len(heap):
            heap[:] = [entry for entry in heap if entry[1] == entry[2]._sequence]
            heapq.heapify(heap)
            self.stale = 0

    def change_refs(self, delta):
        self.refs += delta
        self.watcher.ref = self.refs > 0

    def _on_watcher(self):
        self.armed_at = None
        self.loop.timers_due = True
        self.loop._switch_to_runner()

    def process(self):
        """Run every due timer, in expiry then insertion order (in the runner)."""
        loop = self.loop
        now = self.now()
        heap = self.heap
        runner = loop.runner
        ticks = runner.gnet_ticks
        while heap and loop.crashed is None and loop.runner is runner:
            expiry, sequence, timer = heap[0]
            if sequence != timer._sequence:
                heapq.heappop(heap)
                self.stale -= 1
                continue
            if expiry > now:
                break
            heapq.heappop(heap)
            timer._sequence = None
            if timer._repeat is None:
                timer._destroyed = True
                if timer._ref:
                    self.change_refs(-1)
            if self.armed_at is None and heap:
                # The watcher stays armed while a callback runs: one that
                # blocks still lets the next timer wake a new runner.
                self.arm()
            runner.gr_context = timer._context
            dispatch(timer._run, (), ticks)
            if timer._repeat is not None and not timer._destroyed and timer._sequence is None:
                self.insert(timer, now)
        self.arm()


def _cleared():
    pass


def _timer_list():
    loop = get_loop()
    timers = loop.timer_list
    if timers is None:
        timers = loop.timer_list = _TimerList(loop)
    return timers


def _delay(after):
    """Node's coercion of a timer delay (``after *= 1``, JavaScript's ``Number()``):
    a number from 1 to TIMEOUT_MAX, else 1."""
    value = js_number(after)
    if not (value >= 1 and value <= TIMEOUT_MAX):
        if value > TIMEOUT_MAX:
            warnings.warn(errors.timeout_overflow_warning(value), stacklevel=errors.warning_stacklevel())
        value = 1
    return value


@_names.alias_class
class Timeout(RefHandle):
    """The handle ``setTimeout``/``setInterval`` return, with Node's methods.

    https://nodejs.org/docs/latest-v20.x/api/timers.html#class-timeout
    """

    __slots__ = ("_idleTimeout", "_callback", "_args", "_repeat", "_ref", "_destroyed",
                 "_cleared", "_sequence", "_expiry", "_list", "_context", "__weakref__")

    def __init__(self, callback, after, args, repeat, ref=True, context=MISSING):
        self._list = _timer_list()
        # Runs in the context it was set in, as asyncio's call_later does: a
        # timer set in a connection's listener sees that connection's context.
        self._context = getcurrent().gr_context if context is MISSING else context
        self._idleTimeout = _delay(after)
        self._callback = callback
        self._args = args
        self._repeat = self._idleTimeout if repeat else None
        self._ref = ref
        self._destroyed = False     # fired (a timeout) or cleared: no longer pending
        self._cleared = False       # clearTimeout()/close(): refresh() cannot revive it
        self._sequence = None
        self._expiry = None
        if ref:
            self._list.change_refs(1)
        self._list.insert(self, self._list.now())

    def _run(self):
        self._callback(*self._args)

    def _change_refs(self, delta):
        self._list.change_refs(delta)

    def refresh(self):
        """Start the timer's full delay again from now; a timeout that has fired
        fires again, one that was cleared stays cleared (as in Node)."""
        self._restart_from(self._list.now())
        return self

    def _restart_from(self, start):
        """Pending again, due ``delay`` after ``start`` (loop ms); for idle timeouts
        that note activity instead of refreshing on every read and write."""
        if self._cleared:
            return
        if self._destroyed:
            self._destroyed = False
            if self._ref:
                self._list.change_refs(1)
        self._list.insert(self, start)

    def close(self):
        """Cancel the timer, as ``clearTimeout(self)``."""
        self._clear()
        return self

    def _clear(self):
        self._cleared = True
        # As Node's clearTimeout (``timer._onTimeout = null``): what the
        # callback reaches is not kept alive by the heap entry left behind.
        self._callback = _cleared
        self._args = ()
        if not self._destroyed:
            self._destroyed = True
            if self._sequence is not None:
                self._sequence = None
                self._list.orphaned()
            if self._ref:
                self._list.change_refs(-1)



def setTimeout(callback=None, delay=None, *args):
    """Node's ``setTimeout``: call ``callback(*args)`` once, after ``delay`` milliseconds.

    https://nodejs.org/docs/latest-v20.x/api/timers.html#settimeoutcallback-delay-args
    A callback taking fewer parameters gets the leading ``args`` (API.md 2).
    """
    if not callable(callback):
        raise errors.ERR_INVALID_ARG_TYPE("callback", "Function", callback)
    return Timeout(callback, delay, _fit(callback, args), repeat=False)


def setInterval(callback=None, delay=None, *args):
    """Node's ``setInterval``: call ``callback(*args)`` every ``delay`` milliseconds."""
    if not callable(callback):
        raise errors.ERR_INVALID_ARG_TYPE("callback", "Function", callback)
    return Timeout(callback, delay, _fit(callback, args), repeat=True)


def clearTimeout(timeout=None):
    """Node's ``clearTimeout``; anything but a ``Timeout`` is ignored."""
    if isinstance(timeout, Timeout):
        timeout._clear()


clearInterval = clearTimeout


class IdleTimeout:
    """A socket's idle timeout (Node's ``socket.setTimeout``): ``on_idle(*args)``
    once ``ms`` milliseconds pass with no ``touch()``. Never holds the loop.

    Reads and writes call ``touch()``, which only notes the time: the timer
    is not moved per message. When it comes due early (there was activity),
    it waits out the rest. It fires once; the next ``touch()`` arms it again,
    as Node's refresh on activity does (compat: socket/set_timeout_fires_once_while_idle).
    """

    __slots__ = ("_ms", "_on_idle", "_args", "_timer", "_active_at", "_fired")

    def __init__(self, ms, on_idle, *args, context=None):
        self._ms = ms
        self._on_idle = on_idle
        self._args = args
        self._fired = False
        self._timer = Timeout(self._due, ms, (), repeat=False, ref=False, context=context)
        self._active_at = self._timer._list.now()

    def touch(self):
        """A read or write happened: the idle time counts from now."""
        self._active_at = self._timer._list.now()
        if self._fired:
            self._fired = False
            self._timer.refresh()

    def close(self):
        self._timer.close()

    def _due(self):
        if self._timer._list.now() - self._active_at + 0.5 < self._ms:
            # Activity since the timer was armed: wait out the rest.
            self._timer._restart_from(self._active_at)
            return
        self._fired = True
        self._on_idle(*self._args)
