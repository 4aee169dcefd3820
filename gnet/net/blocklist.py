"""``gnet.BlockList``: Node's ``net.BlockList``, rules that match IP addresses.

https://nodejs.org/docs/latest-v20.x/api/net.html#class-netblocklist

Each ``add*`` call puts a rule first; ``check`` asks the rules in that order
and ``rules`` lists them so, newest first, as Node's C++ list does. An
address given as a string becomes a ``SocketAddress`` of the given type
(gnet/net/socketaddress.py), so it is checked, and read, as Node reads it.

IPv4 and IPv6 meet through IPv4-mapped addresses (``::ffff:a.b.c.d``), as in
Node's ``SocketAddress::is_match``, ``compare`` and ``is_in_network``:

- an address rule matches the same address, and an IPv4 address matches its
  mapped IPv6 form both ways;
- a range holds the addresses between its ends; an IPv4 address and an IPv6
  one are ordered only when the IPv6 one is mapped (then by the IPv4 tail),
  so a range whose ends are of different families holds only what compares
  with both;
- an IPv4 subnet holds IPv4 addresses and mapped IPv6 ones whose IPv4 tail is
  in it; an IPv6 subnet holds IPv6 addresses and the mapped form of IPv4 ones.

compat/scenarios/blocklist/ pins each of these against Node.
"""

from gnet.js import errors
from gnet.js import names as _names
from gnet.js.values import validate_int32, validate_string
from gnet.net.socketaddress import SocketAddress

__all__ = ["BlockList"]


def _socket_address(value, family, name):
    """Node's ``new SocketAddress({address, family})`` for a string argument;
    a ``SocketAddress`` as it is (its own family wins over ``family``)."""
    if isinstance(value, SocketAddress):
        return value
    validate_string(value, name)
    family = "ipv4" if family is None else family
    validate_string(family, "family")
    return SocketAddress({"address": value, "family": family})


def _compare(one, two):
    """-1, 0 or 1 as ``one`` is below, equal to or above ``two``; None if the two
    are of different families and the IPv6 one is not IPv4-mapped."""
    if one._family != two._family and (one if one._family == 6 else two)._v4() is None:
        return None
    a, b = one._v6(), two._v6()
    return (a > b) - (a < b)


def _prefix_mask(prefix, bits):
    return ((1 << prefix) - 1) << (bits - prefix)


class _Address:
    def __init__(self, address):
        self.address = address

    def applies(self, address):
        return address._v6() == self.address._v6()

    def __str__(self):
        return "Address: %s %s" % (_family_text(self.address), self.address.address)


class _Range:
    def __init__(self, start, end):
        self.start = start
        self.end = end

    def applies(self, address):
        return _compare(address, self.start) in (0, 1) and _compare(address, self.end) in (-1, 0)

    def __str__(self):
        return "Range: %s %s-%s" % (_family_text(self.start), self.start.address, self.end.address)


class _Subnet:
    def __init__(self, network, prefix):
        self.network = network
        self.prefix = prefix

    def applies(self, address):
        if self.network._family == 4:
            value, bits = address._v4(), 32
        else:
            value, bits = address._v6(), 128
        if value is None:
            return False
        mask = _prefix_mask(self.prefix, bits)
        return value & mask == self.network._ip & mask

    def __str__(self):
        return "Subnet: %s %s/%d" % (_family_text(self.network), self.network.address, self.prefix)


def _family_text(address):
    return "IPv4" if address._family == 4 else "IPv6"


@_names.alias_class
class BlockList:
    """Node's ``net.BlockList``: https://nodejs.org/docs/latest-v20.x/api/net.html#class-netblocklist

    ``addAddress(address[, type])``, ``addRange(start, end[, type])``,
    ``addSubnet(net, prefix[, type])``, ``check(address[, type])`` and the
    ``rules`` property. An address is a ``str`` (read as ``type``, ``'ipv4'`` by
    default, ``'ipv6'``, in any case) or a ``gnet.SocketAddress`` (whose own
    family counts). ``check`` answers ``False`` for a string that is no
    address of ``type``; the ``add*`` methods raise Node's errors.

    Differs from Node: a ``prefix`` of ``-0.0`` is 0 (Node v20 aborts the process).
    """

    def __init__(self):
        self._rules = []

    def addAddress(self, address=None, type=None):  # noqa: A002 (Node's names)
        """Block ``address``."""
        self._rules.insert(0, _Address(_socket_address(address, type, "address")))

    def addRange(self, start=None, end=None, type=None):  # noqa: A002
        """Block the addresses from ``start`` to ``end``, both included;
        ERR_INVALID_ARG_VALUE if ``start`` comes after ``end``."""
        start = _socket_address(start, type, "start")
        end = _socket_address(end, type, "end")
        if _compare(start, end) == 1:
            raise errors.ERR_INVALID_ARG_VALUE("start", start, "must come before end")
        self._rules.insert(0, _Range(start, end))

    def addSubnet(self, net=None, prefix=None, type=None):  # noqa: A002
        """Block the subnet ``net/prefix``: ``prefix`` an integer, at most 32
        for an IPv4 ``net``, 128 for an IPv6 one."""
        network = _socket_address(net, type, "network")
        validate_int32(prefix, "prefix", 0, 32 if network._family == 4 else 128)
        self._rules.insert(0, _Subnet(network, int(prefix)))

    def check(self, address=None, type=None):  # noqa: A002
        """``True`` if a rule matches ``address``."""
        if not isinstance(address, SocketAddress):
            validate_string(address, "address")
            family = "ipv4" if type is None else type
            validate_string(family, "family")
            try:
                address = SocketAddress({"address": address, "family": family})
            except errors.NodeError:
                return False            # not an address of that type: Node answers false
        return any(rule.applies(address) for rule in self._rules)

    @property
    def rules(self):
        """The rules, newest first, as Node writes them
        (``'Address: IPv4 1.2.3.4'``, ``'Range: IPv4 10.0.0.1-10.0.0.10'``,
        ``'Subnet: IPv6 8592:757c:efae:4e45::/64'``); a new list each time."""
        return [str(rule) for rule in self._rules]

    def __repr__(self):
        return "<BlockList rules=%r>" % self.rules
