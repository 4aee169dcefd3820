"""Node's camelCase names and their PEP 8 twins (API.md section 1).

Every Node method, property and option key keeps its Node name; each also
answers to its PEP 8 spelling. The alias is the same object, added here and
nowhere else, so there is one implementation and two names.
"""

import re

__all__ = ["snake_case", "add_aliases", "alias_class", "node_key"]

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


def alias_class(cls):
    """Class decorator: alias every public camelCase attribute defined on ``cls``."""
    for name, value in list(vars(cls).items()):
        if _is_camel(name):
            alias = snake_case(name)
            existing = vars(cls).get(alias)
            if existing is not None and existing is not value:
                raise AssertionError("%s.%s would overwrite a different %s" % (cls.__name__, alias, name))
            setattr(cls, alias, value)
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
