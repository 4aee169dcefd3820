"""Node's camelCase names and their PEP 8 twins (API.md section 1).

Every Node method, property and option key keeps its Node name; each also
answers to its PEP 8 spelling, added here and nowhere else, so there is one
implementation and two names:

- a method, a property, any descriptor: the alias is the same object
  (``Socket.set_no_delay is Socket.setNoDelay``);
- a data attribute (``server.maxConnections``, ``EventEmitter.defaultMaxListeners``):
  the class declares it with its default, as a class attribute, and the alias
  is an ``Alias`` that reads and writes the Node name, so
  ``server.max_connections = 3`` is what ``server.maxConnections`` reads. The
  Node name stays a plain attribute, as fast as any. Written on the class
  itself (``EventEmitter.default_max_listeners = 1``), the alias needs the
  class's metaclass to be ``AliasingType``.
"""

import re

__all__ = ["snake_case", "add_aliases", "alias_class", "node_key", "Alias", "AliasingType"]

#: Acronyms kept whole when splitting camelCase (``isIPv4`` -> ``is_ipv4``).
ACRONYMS = ("IPv4", "IPv6", "IP")

_ACRONYM = re.compile("|".join(ACRONYMS))
_HUMP = re.compile(r"(?<=[a-z0-9])([A-Z])")


def snake_case(name):
    """``setNoDelay`` -> ``set_no_delay``; ``isIPv6`` -> ``is_ipv6``."""
    marked = _ACRONYM.sub(lambda m: "_" + m.group(0).lower(), name)
    return _HUMP.sub(r"_\1", marked).lower().lstrip("_") if marked != name or _HUMP.search(name) else name


def _is_camel(name):
    return not name.startswith("_") and name[:1].islower() and snake_case(name) != name


def add_aliases(namespace, names):
    """Give each of ``names`` in ``namespace`` (a dict) its PEP 8 alias."""
    for name in names:
        alias = snake_case(name)
        if alias == name:
            continue
        value = namespace[name]
        if alias in namespace and namespace[alias] is not value:
            raise AssertionError("alias %r would overwrite a different %r" % (alias, name))
        namespace[alias] = value


class Alias:
    """The PEP 8 twin of a Node data attribute: reads, writes and deletes the
    attribute under its Node name, on an instance or on the class."""

    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __get__(self, obj, cls=None):
        return getattr(cls if obj is None else obj, self.name)

    def __set__(self, obj, value):
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        delattr(obj, self.name)

    def __repr__(self):
        return "Alias(%r)" % self.name


class AliasingType(type):
    """Metaclass whose class-level settings answer to both spellings:
    ``EventEmitter.default_max_listeners = 1`` sets ``defaultMaxListeners``.
    (A descriptor on a class sees reads through the class, never writes.)"""

    def __setattr__(cls, name, value):
        alias = _alias_of(cls, name)
        type.__setattr__(cls, alias.name if alias is not None else name, value)

    def __delattr__(cls, name):
        alias = _alias_of(cls, name)
        type.__delattr__(cls, alias.name if alias is not None else name)


def _alias_of(cls, name):
    for klass in cls.__mro__:
        found = vars(klass)
        if name in found:
            value = found[name]
            return value if type(value) is Alias else None
    return None


def _is_data(value):
    """A plain value (``10``, ``None``, a symbol), not a function or descriptor."""
    return not callable(value) and not hasattr(type(value), "__get__")


def alias_class(cls):
    """Class decorator: alias every public camelCase attribute defined on ``cls``.

    A method or descriptor is aliased as itself; a data attribute (a Node
    property declared with its default) through an ``Alias``.
    """
    for name, value in list(vars(cls).items()):
        if _is_camel(name):
            alias = snake_case(name)
            twin = Alias(name) if _is_data(value) else value
            existing = vars(cls).get(alias)
            if existing is not None and existing is not value and not (
                    type(existing) is Alias and existing.name == name):
                raise AssertionError("%s.%s would overwrite a different %s" % (cls.__name__, alias, name))
            type.__setattr__(cls, alias, twin)
    return cls


_key_cache = {}


def node_key(key, known):
    """The Node spelling of an option key given in either spelling.

    ``known`` is the collection of Node keys for the call; a key that is
    neither a Node key nor the PEP 8 spelling of one is returned unchanged.
    """
    if key in known:
        return key
    mapping = _key_cache.get(id(known))
    if mapping is None:
        mapping = {snake_case(k): k for k in known}
        _key_cache[id(known)] = mapping
    return mapping.get(key, key)
