"""How a socket connects; Node's ``net.get/setDefaultAutoSelectFamily*``.

Only the public part is typed here; the connect sequence is gnet's own plumbing.
"""

__all__ = [
    "getDefaultAutoSelectFamily", "setDefaultAutoSelectFamily",
    "getDefaultAutoSelectFamilyAttemptTimeout", "setDefaultAutoSelectFamilyAttemptTimeout",
]

def getDefaultAutoSelectFamily() -> bool: ...
def setDefaultAutoSelectFamily(value: bool) -> None: ...
def getDefaultAutoSelectFamilyAttemptTimeout() -> int: ...
def setDefaultAutoSelectFamilyAttemptTimeout(value: int) -> None: ...
