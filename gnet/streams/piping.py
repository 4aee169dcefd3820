"""One ``src.pipe(dest)``: the listeners of Node's ``Readable.prototype.pipe``.

``Readable.pipe`` (gnet/streams/readable.py) checks its arguments, registers
these listeners in Node's order and returns ``dest``; what the listeners do
when data, 'drain', 'error', 'close', 'finish', 'end' and 'unpipe' come is
here.
"""

__all__ = ["Pipe"]


def _listener_count(emitter, event):
    counter = getattr(emitter, "listenerCount", None)
    return counter(event) if counter else 0


class Pipe:
    """One ``src.pipe(dest)``: Node's closures of ``Readable.prototype.pipe``
    as methods, whose bound forms are the listeners (named as Node's:
    ``ondata``, ``onunpipe``, ``onerror``...).

    Nothing here points back at itself: the listeners reach this object, it
    reaches the two streams, and once ``cleanup`` has removed the listeners
    nothing reaches it, so a connection that piped is freed as soon as it is
    dropped, without waiting for Python's cycle collector. (Closures calling
    one another, as Node's do, form cycles: 46 objects per connection left
    for the collector, which under connection churn cost CPU and memory.)
    Listeners are removed by equality: a bound method equals another of the
    same function and object, so ``dest.removeListener('close', self.onclose)``
    finds the one added. As Node's closures read the source's ``state``,
    these read its stream state (``src._rs``, gnet/streams/readable.py).
    """

    __slots__ = ("src", "dest", "cleaned", "drain_listening")

    def __init__(self, src, dest):
        self.src = src
        self.dest = dest
        self.cleaned = False
        self.drain_listening = False

    def ondata(self, chunk):
        src, dest = self.src, self.dest
        ret = dest.write(chunk)
        if ret is False:
            if not self.cleaned:
                rs = src._rs
                if rs.await_drain is None:
                    rs.await_drain = set()
                rs.await_drain.add(dest)
            src.pause()
            self.listen_for_drain()

    def listen_for_drain(self):
        if not self.drain_listening:
            self.drain_listening = True
            self.dest.on("drain", self.pipe_on_drain)

    def pipe_on_drain(self):
        src = self.src
        rs = src._rs
        if rs.await_drain:
            rs.await_drain.discard(self.dest)
        if not rs.await_drain and src.listenerCount("data"):
            src.resume()

    def onerror(self, err):
        dest = self.dest
        self.unpipe()
        dest.removeListener("error", self.onerror)
        if _listener_count(dest, "error") == 0:
            if not getattr(dest, "destroyed", False) and hasattr(dest, "destroy"):
                dest.destroy(err)
            else:
                raise err

    def onclose(self):
        self.dest.removeListener("finish", self.onfinish)
        self.unpipe()

    def onfinish(self):
        self.dest.removeListener("close", self.onclose)
        self.unpipe()

    def unpipe(self):
        self.src.unpipe(self.dest)

    def onend(self):
        self.dest.end()

    def cleanup(self):
        self.cleaned = True
        src, dest = self.src, self.dest
        dest.removeListener("close", self.onclose)
        dest.removeListener("finish", self.onfinish)
        if self.drain_listening:
            dest.removeListener("drain", self.pipe_on_drain)
        dest.removeListener("error", self.onerror)
        dest.removeListener("unpipe", self.onunpipe)
        src.removeListener("end", self.onend)
        src.removeListener("end", self.unpipe)
        src.removeListener("data", self.ondata)

    def onunpipe(self, readable, info=None):
        if readable is self.src and info is not None and not info.get("hasUnpiped"):
            info["hasUnpiped"] = True
            self.cleanup()
