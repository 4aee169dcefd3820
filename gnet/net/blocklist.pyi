"""Node's ``net.BlockList``."""

from gnet.net.socketaddress import SocketAddress

__all__ = ["BlockList"]

class BlockList:
    """Node's ``net.BlockList``: https://nodejs.org/docs/latest-v20.x/api/net.html#class-netblocklist"""

    def __init__(self) -> None: ...
    def addAddress(self, address: str | SocketAddress, type: str | None = None) -> None: ...
    def addRange(self, start: str | SocketAddress, end: str | SocketAddress, type: str | None = None) -> None: ...
    def addSubnet(self, net: str | SocketAddress, prefix: int, type: str | None = None) -> None: ...
    def check(self, address: str | SocketAddress, type: str | None = None) -> bool: ...
    @property
    def rules(self) -> list[str]: ...
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    add_address = addAddress
    add_range = addRange
    add_subnet = addSubnet
    # end of PEP 8 twins
