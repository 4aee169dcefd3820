"""What every Node stream has: ``destroy()`` and its events."""

from typing_extensions import Self

from gnet._typing import ErrorCallback
from gnet.eventloop.events import EventEmitter

__all__ = ["StreamBase"]

class StreamBase(EventEmitter):
    """Node's destroy machinery, shared by ``Readable`` and ``Duplex``."""

    def destroy(self, err: BaseException | None = None, cb: ErrorCallback | None = None) -> Self:
        """Tear the stream down now: 'error' (if ``err``) then 'close', later."""

    @property
    def destroyed(self) -> bool: ...
    @property
    def errored(self) -> BaseException | None: ...
    @property
    def closed(self) -> bool: ...
