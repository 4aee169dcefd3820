"""Node's ``net.SocketAddress``."""

from collections.abc import Mapping
from typing import Any, Literal, TypedDict

from typing_extensions import Unpack

__all__ = ["SocketAddress"]

class _Options(TypedDict, total=False):
    address: str
    port: int | str
    family: str
    flowlabel: int

class _JSON(TypedDict):
    address: str
    port: int
    family: Literal["ipv4", "ipv6"]
    flowlabel: int

class SocketAddress:
    """Node's ``net.SocketAddress``: https://nodejs.org/docs/latest-v20.x/api/net.html#class-netsocketaddress"""

    def __init__(self, options: _Options | Mapping[str, Any] | None = None, **kwargs: Unpack[_Options]) -> None: ...
    @staticmethod
    def isSocketAddress(value: object = None) -> bool: ...
    @property
    def address(self) -> str: ...
    @property
    def port(self) -> int: ...
    @property
    def family(self) -> Literal["ipv4", "ipv6"]: ...
    @property
    def flowlabel(self) -> int: ...
    def toJSON(self) -> _JSON: ...
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    is_socket_address = isSocketAddress
    to_json = toJSON
    # end of PEP 8 twins
