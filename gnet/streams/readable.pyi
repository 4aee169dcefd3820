"""The readable half of Node's stream machinery: a Readable, and the first half of ``Duplex``."""

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from typing_extensions import Self

from gnet._typing import Chunk, Data, Encoding
from gnet.eventloop.events import EventEmitter
from gnet.streams.destroy import StreamBase
from gnet.streams.writable import Writable

__all__ = ["Readable"]

_D = TypeVar("_D", bound=Writable)

class Readable(StreamBase):
    """Node's ``stream.Readable``, byte mode: https://nodejs.org/docs/latest-v20.x/api/stream.html#class-streamreadable"""

    def __init__(self, high_water_mark: int = ...) -> None: ...
    def push(self, chunk: bytes | None) -> bool: ...
    def unshift(self, chunk: Data | None = ..., encoding: Encoding | None = None) -> bool:
        """Node's ``readable.unshift(chunk[, encoding])``: ``chunk`` is read first; ``None`` ends the stream."""

    def wrap(self, stream: EventEmitter) -> Self:
        """Node's ``readable.wrap(stream)``: read an old-style stream through this one."""

    def read(self, n: int | None = None) -> Chunk | None:
        """Node's ``readable.read([size])``: buffered data in paused mode, or ``None``."""

    def setEncoding(self, encoding: Encoding | None = None) -> Self: ...
    def isPaused(self) -> bool: ...
    def pause(self) -> Self: ...
    def resume(self) -> Self: ...
    def __iter__(self) -> Iterator[Chunk]:
        """``for chunk in stream:`` blocks this greenlet and yields each chunk until the end,
        then destroys the stream, as Node's ``for await``."""
    def iterator(self, options: Mapping[str, Any] | None = None) -> Iterator[Chunk]:
        """Node's ``readable.iterator([options])``; ``{'destroyOnReturn': False}`` keeps the
        stream open when the loop is left early."""

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
    @property
    def readableObjectMode(self) -> bool: ...
    @property
    def readableBuffer(self) -> list[Any]:
        """What is buffered, unread: a new list of its chunks, oldest first."""
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
    readable_object_mode = readableObjectMode
    readable_buffer = readableBuffer
    # end of PEP 8 twins
