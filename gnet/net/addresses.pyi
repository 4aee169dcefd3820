"""``isIP``, ``isIPv4``, ``isIPv6``.

Only the public part is typed here.
"""

from typing import Literal

__all__ = ["isIP", "isIPv4", "isIPv6"]

def isIP(s: object = None) -> Literal[0, 4, 6]:
    """``net.isIP(input)``: ``4``, ``6``, else ``0``. https://nodejs.org/docs/latest-v20.x/api/net.html#netisipinput"""

def isIPv4(s: object = None) -> bool:
    """``net.isIPv4(input)``. https://nodejs.org/docs/latest-v20.x/api/net.html#netisipv4input"""

def isIPv6(s: object = None) -> bool:
    """``net.isIPv6(input)``. https://nodejs.org/docs/latest-v20.x/api/net.html#netisipv6input"""

# PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
is_ip = isIP
is_ipv4 = isIPv4
is_ipv6 = isIPv6
# end of PEP 8 twins
