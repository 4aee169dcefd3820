"""IP address checks (``isIP``, ``isIPv4``, ``isIPv6``), ``address()`` dicts and ``host:port`` text."""

import socket

from gnet.js.names import add_aliases
from gnet.js.errors import js_number_text

__all__ = ["isIP", "isIPv4", "isIPv6", "address_dict", "host_port_text"]


# ---------------------------------------------------------------------------
# isIP, isIPv4, isIPv6
#
# Node v20 decides with two regular expressions (lib/internal/net.js). We state
# the same grammar as rules, which read more easily than the 20 alternatives of
# Node's IPv6 expression; compat/scenarios/isip/ pins the two to the same
# answers. Everything is ASCII: no Unicode digits, no whitespace, no trailing
# newline (JavaScript's ``$`` never matches before a final "\n").

#: The four parts of an IPv4 address are decimal 0..255 written without
#: leading zeros: "0" and "10" are parts, "00", "010" and "+1" are not.
_V4_PARTS = frozenset(str(n) for n in range(256))

_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")

#: Characters of an IPv6 zone id after "%" (``fe80::1%eth0``); at least one.
_ZONE_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-.:")

#: Longest IPv6 text before a zone id: six groups and an embedded IPv4
#: address, ``ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255``.
_V6_MAX = 45


def _is_v4(text):
    if len(text) > 15:
        return False
    parts = text.split(".")
    return len(parts) == 4 and all(p in _V4_PARTS for p in parts)


def _is_group(text):
    return 0 < len(text) <= 4 and all(c in _HEX_DIGITS for c in text)


def _groups(items, v4_last):
    """How many 16-bit groups ``items`` fill, or None if one is not a group.

    Each item is a hex group of one to four digits; with ``v4_last`` the last
    may instead be an IPv4 address, which fills two groups.
    """
    if v4_last and items and "." in items[-1]:
        hex_items, extra = items[:-1], 2
        if not _is_v4(items[-1]):
            return None
    else:
        hex_items, extra = items, 0
    return len(hex_items) + extra if all(_is_group(g) for g in hex_items) else None


def _is_v6(text):
    if len(text) > _V6_MAX:
        return False
    head, compressed, tail = text.partition("::")
    if not compressed:
        return _groups(text.split(":"), v4_last=True) == 8
    # "::" stands for at least one zero group and appears once: a second
    # "::" (or ":::") leaves an empty item on the right, which is no group.
    left = _groups(head.split(":"), v4_last=False) if head else 0
    right = _groups(tail.split(":"), v4_last=True) if tail else 0
    return left is not None and right is not None and left + right <= 7


def isIPv4(s=None):
    """``net.isIPv4(input)``: whether ``s`` is an IPv4 address in dotted-decimal form.

    https://nodejs.org/docs/latest-v20.x/api/net.html#netisipv4input

    Four decimal parts 0..255 without leading zeros, nothing else around them.

    Differs from Node: anything but a ``str`` is ``False``; Node first turns
    an object into a string (``isIPv4(['1.2.3.4'])`` is ``true`` there).
    """
    return isinstance(s, str) and _is_v4(s)


def isIPv6(s=None):
    """``net.isIPv6(input)``: whether ``s`` is an IPv6 address.

    https://nodejs.org/docs/latest-v20.x/api/net.html#netisipv6input

    Eight groups of one to four hex digits, any case, or fewer with one
    ``::``; the last two groups may be written as an IPv4 address
    (``::ffff:127.0.0.1``); a zone id of letters, digits, ``-``, ``.`` and
    ``:`` may follow a ``%`` (``fe80::1%eth0``). No brackets, no port.

    Differs from Node: anything but a ``str`` is ``False``; Node first turns
    an object into a string (``isIPv6(['::1'])`` is ``true`` there).
    """
    if not isinstance(s, str):
        return False
    address, percent, zone = s.partition("%")
    if percent and not (zone and all(c in _ZONE_CHARS for c in zone)):
        return False
    return _is_v6(address)


def isIP(s=None):
    """``net.isIP(input)``: ``4`` for an IPv4 address, ``6`` for IPv6, else ``0``.

    https://nodejs.org/docs/latest-v20.x/api/net.html#netisipinput

    The rules are those of ``isIPv4`` and ``isIPv6``.

    Differs from Node: anything but a ``str`` is ``0``; Node first turns an
    object into a string (``isIP(['127.0.0.1'])`` and
    ``isIP(Buffer.from('127.0.0.1'))`` are ``4`` there).
    """
    if isIPv4(s):
        return 4
    if isIPv6(s):
        return 6
    return 0


# ---------------------------------------------------------------------------
# Addresses as Node reports them

_FAMILY_NAMES = {socket.AF_INET: "IPv4", socket.AF_INET6: "IPv6"}


def address_dict(sockaddr, family):
    """Node's address object for a Python socket address of ``family``.

    ``('127.0.0.1', 80)`` with ``AF_INET`` is ``{'address': '127.0.0.1',
    'family': 'IPv4', 'port': 80}``; an ``AF_INET6`` tuple ``(host, port,
    flowinfo, scope_id)`` gives family ``'IPv6'`` and drops flowinfo. As Node
    does, a link-local address (``fe80::/10``) with a scope id names its
    interface: ``fe80::1%eth0``. Python leaves the zone out of ``host`` and
    gives it as the number ``scope_id``, so we look the name up.

    Differs from Node: if that interface no longer exists, Node's
    ``address()`` throws; we write the scope id as a number (``fe80::1%4``).
    """
    name = _FAMILY_NAMES.get(family)
    if name is None:
        raise ValueError("address_dict() needs AF_INET or AF_INET6, not %r" % (family,))
    host, port = sockaddr[0], sockaddr[1]
    if name == "IPv6" and len(sockaddr) > 3 and sockaddr[3] and "%" not in host:
        host = _with_zone(host, sockaddr[3])
    return {"address": host, "family": name, "port": port}


def _with_zone(host, scope_id):
    # Node's AddressToJS (src/tcp_wrap.cc) adds the zone to link-local
    # addresses only, whatever other scope the kernel reports.
    packed = socket.inet_pton(socket.AF_INET6, host)
    if not (packed[0] == 0xFE and packed[1] & 0xC0 == 0x80):
        return host
    try:
        zone = socket.if_indextoname(scope_id)
    except OSError:
        zone = str(scope_id)
    return "%s%%%s" % (host, zone)


def host_port_text(host, port):
    """``host:port`` as Node's system errors print it: ``127.0.0.1:80``, ``::1:80``.

    IPv6 hosts get no brackets. As in Node's ``exceptionWithHostPort``, a port
    that is missing, ``0`` or negative leaves just the host, and with no host
    either the text is empty (the caller adds the space before it). A host of
    ``None`` reads ``undefined``, as JavaScript prints it.
    """
    host_text = "undefined" if host is None else str(host)
    if isinstance(port, (int, float)) and not isinstance(port, bool) and port > 0:
        return "%s:%s" % (host_text, js_number_text(port))
    return host_text if host else ""


add_aliases(globals(), ["isIP", "isIPv4", "isIPv6"])
