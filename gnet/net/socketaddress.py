"""``gnet.SocketAddress``: Node's ``net.SocketAddress``, an IP address, port,
family and IPv6 flow label checked once and then read-only.

https://nodejs.org/docs/latest-v20.x/api/net.html#class-netsocketaddress

The address text is read as libuv reads it (``uv_ip4_addr``/``uv_ip6_addr``):
Python's ``ipaddress`` parses it, after the two steps libuv takes first (the
text ends at a NUL, as a C string does; an IPv6 zone after ``%`` is dropped,
and the part before it is cut to 39 characters). The ``address`` property is
the text ``inet_ntop`` gives back, which is not always ``ipaddress``'s:
``::ffff:1.2.3.4`` keeps its dotted tail, ``1:2:3:4:5:6:7:0`` its single zero
group (compat/scenarios/blocklist/socket_address_text).

The numbers kept here (``_family``, ``_ip``) are what ``BlockList``
(gnet/net/blocklist.py) compares.
"""

import ipaddress
from collections.abc import Mapping

from gnet.js import errors
from gnet.js import names as _names
from gnet.js.values import _is_object, validate_integer, validate_port, validate_string
from gnet.net.options import check_keywords

__all__ = ["SocketAddress"]

#: The options ``new net.SocketAddress(options)`` reads.
_KEYS = frozenset(["address", "port", "family", "flowlabel"])

#: An IPv6 flow label is 20 bits (RFC 6437).
_FLOWLABEL_MAX = 0xFFFFF

#: ``uv_ip6_addr`` copies the text before a zone into a 40-byte buffer.
_V6_BEFORE_ZONE = 39

#: ``::ffff:0:0/96``: an IPv4 address mapped into IPv6.
_MAPPED = 0xFFFF << 32


def _parse(text, family):
    """The address ``text`` as an int, as libuv parses it for ``family`` (4 or 6); None if invalid."""
    text = text.split("\0", 1)[0]
    if family == 6:
        zone = text.find("%")
        if zone >= 0:
            text = text[:zone][:_V6_BEFORE_ZONE]
        kind = ipaddress.IPv6Address
    else:
        kind = ipaddress.IPv4Address
    try:
        return int(kind(text))
    except ValueError:
        return None


def _v4_text(value):
    return "%d.%d.%d.%d" % (value >> 24, (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)


def _v6_text(value):
    """glibc's ``inet_ntop(AF_INET6)``: the first longest run of two or more
    zero groups becomes ``::``; ``::a.b.c.d`` and ``::ffff:a.b.c.d`` keep a
    dotted IPv4 tail."""
    words = [(value >> (112 - 16 * i)) & 0xFFFF for i in range(8)]
    best_base, best_len = -1, 0
    i = 0
    while i < 8:
        if words[i] == 0:
            j = i
            while j < 8 and words[j] == 0:
                j += 1
            if j - i > best_len:
                best_base, best_len = i, j - i
            i = j
        else:
            i += 1
    if best_len < 2:
        best_base = -1
    if best_base == 0 and (best_len == 6 or (best_len == 5 and words[5] == 0xFFFF)):
        return ("::ffff:" if best_len == 5 else "::") + _v4_text(value & 0xFFFFFFFF)
    if best_base < 0:
        return ":".join("%x" % w for w in words)
    head = ":".join("%x" % w for w in words[:best_base])
    tail = ":".join("%x" % w for w in words[best_base + best_len:])
    return head + "::" + tail


def _read_options(options, kwargs):
    """``new SocketAddress(options)``'s ``options``: ``None`` is ``{}``; a
    Mapping, or any other object read by attribute as Node reads properties;
    ``kwargs`` win. Node's ``validateObject``: no primitive, list or function."""
    check_keywords(kwargs, _KEYS, "SocketAddress")
    if options is None:
        options = {}
    elif isinstance(options, (list, tuple)) or not _is_object(options):
        raise errors.ERR_INVALID_ARG_TYPE("options", "object", options)
    if isinstance(options, Mapping):
        read = {key: options.get(key) for key in _KEYS}
    else:
        read = {key: getattr(options, key, None) for key in _KEYS}
    read.update(kwargs or {})
    return read


@_names.alias_class
class SocketAddress:
    """Node's ``net.SocketAddress``: https://nodejs.org/docs/latest-v20.x/api/net.html#class-netsocketaddress

    ``SocketAddress(options)`` or keyword arguments: ``address`` (default
    ``'127.0.0.1'`` for ``'ipv4'``, ``'::'`` otherwise), ``port`` (default 0),
    ``family`` (``'ipv4'`` or ``'ipv6'``, any case; default ``'ipv4'``),
    ``flowlabel`` (default 0; kept for IPv6 only). The properties are
    read-only. An address that is not one of ``family`` raises
    ERR_INVALID_ADDRESS.

    Differs from Node: where Node v20 aborts the process (a ``port`` given as
    a numeric string, an IPv6 ``flowlabel`` above 2**20 - 1), gnet takes the
    port's number and raises ERR_OUT_OF_RANGE for the flow label.
    """

    def __init__(self, options=None, **kwargs):
        read = _read_options(options, kwargs)
        given_family = read["family"]
        family = "ipv4" if given_family is None else given_family
        # Node picks the default address before lowercasing the family, so
        # {family: 'IPv4'} defaults to '::' and is an invalid address.
        address = read["address"]
        if address is None:
            address = "127.0.0.1" if family == "ipv4" else "::"
        port = 0 if read["port"] is None else read["port"]
        flowlabel = 0 if read["flowlabel"] is None else read["flowlabel"]
        if isinstance(family, str):
            family = family.lower()
        if family == "ipv4":
            number = 4
        elif family == "ipv6":
            number = 6
        else:
            raise errors.ERR_INVALID_ARG_VALUE("options.family", given_family)
        validate_string(address, "options.address")
        port = validate_port(port, "options.port")
        validate_integer(flowlabel, "options.flowlabel", 0, 2 ** 32 - 1)
        ip = _parse(address, number)
        if ip is None:
            raise errors.ERR_INVALID_ADDRESS()
        if number == 6 and flowlabel > _FLOWLABEL_MAX:
            raise errors.ERR_OUT_OF_RANGE("options.flowlabel", ">= 0 && <= %d" % _FLOWLABEL_MAX, flowlabel)
        self._family = number
        self._ip = ip
        self._port = port
        self._flowlabel = int(flowlabel) if number == 6 else 0
        self._address = _v4_text(ip) if number == 4 else _v6_text(ip)

    @staticmethod
    def isSocketAddress(value=None):
        """``True`` for a ``SocketAddress``, ``False`` for anything else (a dict with the same keys too)."""
        return isinstance(value, SocketAddress)

    @property
    def address(self):
        """The address, as ``inet_ntop`` writes it (``'::ffff:1.2.3.4'``, ``'2001:db8::1'``)."""
        return self._address

    @property
    def port(self):
        return self._port

    @property
    def family(self):
        """``'ipv4'`` or ``'ipv6'``."""
        return "ipv4" if self._family == 4 else "ipv6"

    @property
    def flowlabel(self):
        return self._flowlabel

    def toJSON(self):
        """``{'address', 'port', 'family', 'flowlabel'}``, as Node's ``toJSON()``."""
        return {"address": self.address, "port": self.port, "family": self.family, "flowlabel": self.flowlabel}

    def _v6(self):
        """The address as a 128-bit number, an IPv4 one mapped (``::ffff:a.b.c.d``)."""
        return self._ip if self._family == 6 else _MAPPED | self._ip

    def _v4(self):
        """The address as a 32-bit number: an IPv4 one, or the IPv4 tail of a mapped IPv6 one; else None."""
        if self._family == 4:
            return self._ip
        return self._ip & 0xFFFFFFFF if self._ip >> 32 == 0xFFFF else None

    def __repr__(self):
        return "SocketAddress(address=%r, port=%r, family=%r, flowlabel=%r)" % (
            self.address, self.port, self.family, self.flowlabel)

    def _js_inspect(self):
        """What Node's ``util.inspect`` prints (in error messages): on one line
        while it fits in 80 columns, as util.inspect breaks an object."""
        entries = ["%s: %s" % (key, errors.js_inspect(value)) for key, value in self.toJSON().items()]
        if len(entries) + 15 + sum(len(e) for e in entries) <= 80:
            return "SocketAddress { %s }" % ", ".join(entries)
        return "SocketAddress {\n  %s\n}" % ",\n  ".join(entries)
