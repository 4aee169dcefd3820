"""The readable half of Node's stream machinery, a mixin of ``Duplex``."""

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from typing_extensions import Self

from gnet._typing import Chunk, Encoding
from gnet.eventloop.events import EventEmitter
from gnet.streams.writable import Writable

__all__ = ["Readable"]

_D = TypeVar("_D", bound=Writable)

class Readable(EventEmitter):
    """Node's Readable surface: https://nodejs.org/docs/latest-v20.x/api/stream.html#class-streamreadable

    (A mixin of ``Duplex`` at runtime, whose emitter methods it extends: typed
    here as the ``EventEmitter`` it always is.)
    """

    def push(self, chunk: bytes | None) -> bool: ...
    def read(self, n: int | None = None) -> Chunk | None:
        """Node's ``readable.read([size])``: buffered data in paused mode, or ``None``."""

    def setEncoding(self, encoding: Encoding | None = None) -> Self: ...
    def isPaused(self) -> bool: ...
    def pause(self) -> Self: ...
    def resume(self) -> Self: ...
    def __iter__(self) -> Iterator[Chunk]:
        """``for chunk in stream:`` blocks this greenlet and yields each chunk until 'end'."""

    def pipe(self, dest: _D, options: Mapping[str, Any] | None = None, *, end: bool = ...) -> _D:
        """Write everything read into ``dest``; ``end`` it at 'end' unless ``end=False``. Returns ``dest``."""

    def unpipe(self, dest: Writable | None = None) -> Self: ...
    @property
    def readable(self) -> bool: ...
    @readable.setter
    def readable(self, value: bool) -> None: ...
    @property
    def readableFlowing(self) -> bool | None: ...
    @readableFlowing.setter
    def readableFlowing(self, value: bool | None) -> None: ...
    @property
    def readableEnded(self) -> bool: ...
    @property
    def readableLength(self) -> int: ...
    @property
    def readableHighWaterMark(self) -> int: ...
    @property
    def readableEncoding(self) -> str | None: ...
    @property
    def readableAborted(self) -> bool: ...
    @property
    def readableDidRead(self) -> bool: ...
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    set_encoding = setEncoding
    is_paused = isPaused
    readable_flowing = readableFlowing
    readable_ended = readableEnded
    readable_length = readableLength
    readable_high_water_mark = readableHighWaterMark
    readable_encoding = readableEncoding
    readable_aborted = readableAborted
    readable_did_read = readableDidRead
    # end of PEP 8 twins
