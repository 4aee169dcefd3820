"""The writable half of Node's stream machinery, a mixin of ``Duplex``."""

from typing import Any, overload

from typing_extensions import Self

from gnet._typing import Data, Encoding, ErrorCallback

__all__ = ["Writable"]

class Writable:
    """Node's Writable surface: https://nodejs.org/docs/latest-v20.x/api/stream.html#class-streamwritable"""

    @overload
    def write(self, chunk: Data, encoding: Encoding | None = None, cb: ErrorCallback | None = None) -> bool:
        """Node's ``writable.write(chunk[, encoding][, callback])``: ``False`` once the
        buffered amount reaches the high-water mark; ``cb(err)`` when this chunk is flushed.

        https://nodejs.org/docs/latest-v20.x/api/stream.html#writablewritechunk-encoding-callback
        """

    @overload
    def write(self, chunk: Data, cb: ErrorCallback) -> bool: ...
    def cork(self) -> None: ...
    def uncork(self) -> None: ...
    def setDefaultEncoding(self, encoding: Encoding) -> Self: ...
    @overload
    def end(self, chunk: Data | None = None, encoding: Encoding | None = None, cb: ErrorCallback | None = None) -> Self:
        """Node's ``writable.end([chunk[, encoding]][, callback])``: write ``chunk`` if
        given, then finish the writing side; ``cb`` runs at 'finish' (or gets the error).

        https://nodejs.org/docs/latest-v20.x/api/stream.html#writableendchunk-encoding-callback
        """

    @overload
    def end(self, chunk: Data | None, cb: ErrorCallback) -> Self: ...
    @overload
    def end(self, cb: ErrorCallback) -> Self: ...
    @property
    def writable(self) -> bool: ...
    @writable.setter
    def writable(self, value: bool) -> None: ...
    @property
    def writableLength(self) -> int: ...
    @property
    def writableHighWaterMark(self) -> int: ...
    @property
    def writableNeedDrain(self) -> bool: ...
    @property
    def writableEnded(self) -> bool: ...
    @property
    def writableFinished(self) -> bool: ...
    @property
    def writableCorked(self) -> int: ...
    @property
    def writableObjectMode(self) -> bool: ...
    @property
    def writableBuffer(self) -> list[dict[str, Any]]:
        """The writes waiting behind the one in progress: ``{'chunk', 'encoding', 'callback'}`` dicts."""
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    set_default_encoding = setDefaultEncoding
    writable_length = writableLength
    writable_high_water_mark = writableHighWaterMark
    writable_need_drain = writableNeedDrain
    writable_ended = writableEnded
    writable_finished = writableFinished
    writable_corked = writableCorked
    writable_object_mode = writableObjectMode
    writable_buffer = writableBuffer
    # end of PEP 8 twins
