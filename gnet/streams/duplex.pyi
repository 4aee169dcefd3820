"""Node's Duplex stream in byte mode, the base of ``gnet.Socket``."""

from typing_extensions import Self

from gnet._typing import ErrorCallback
from gnet.eventloop.events import EventEmitter
from gnet.streams.operators import Operators
from gnet.streams.readable import Readable
from gnet.streams.writable import Writable

__all__ = ["Duplex", "DEFAULT_HIGH_WATER_MARK"]

DEFAULT_HIGH_WATER_MARK: int

class Duplex(Readable, Operators, Writable, EventEmitter):
    """Node's ``stream.Duplex`` in byte mode: https://nodejs.org/docs/latest-v20.x/api/stream.html#class-streamduplex"""

    allowHalfOpen: bool
    def __init__(
        self,
        allow_half_open: bool = True,
        readable: bool = True,
        writable: bool = True,
        readable_high_water_mark: int = ...,
        writable_high_water_mark: int = ...,
    ) -> None: ...
    def destroy(self, err: BaseException | None = None, cb: ErrorCallback | None = None) -> Self:
        """Tear the stream down now: 'error' (if ``err``) then 'close', later."""

    @property
    def destroyed(self) -> bool: ...
    @property
    def errored(self) -> BaseException | None: ...
    @property
    def closed(self) -> bool: ...
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    allow_half_open: bool
    # end of PEP 8 twins
