"""A gunicorn worker that serves gnet apps: ``gunicorn -k gnet.gunicorn.Worker module:server``.

The stub does not name gunicorn's ``base.Worker`` as a base (gunicorn ships no
types); the worker is named on gunicorn's command line, not used from code.
"""

from types import FrameType
from typing import Any

from gnet.net.server import Server

__all__ = ["Worker"]

#: Longest pause between two heartbeats, in seconds.
HEARTBEAT_SECONDS: float

class Worker:
    """gunicorn's ``-k gnet.gunicorn.Worker``: gunicorn's listeners served by gnet."""

    servers: list[Server]
    alive: bool
    def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    def init_process(self) -> None: ...
    def init_signals(self) -> None: ...
    def load_wsgi(self) -> None: ...
    def run(self) -> None: ...
    def handle_exit(self, sig: int, frame: FrameType | None) -> None: ...
    def handle_quit(self, sig: int, frame: FrameType | None) -> None: ...
