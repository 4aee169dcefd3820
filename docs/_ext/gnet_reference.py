"""gnet's API reference, written from gnet itself when the docs are built.

``pages()`` walks what ``import gnet`` exports (``gnet.__all__``) and the
classes behind it, and returns the reST text of each reference page: every
Node name, its PEP 8 alias (found as ``gnet/js/names.py`` makes them: the
same object, or an ``Alias`` of the Node name), the link to Node v20's page
for it (from ``node-v20.json``, see ``node_docs.py``), and autodoc directives
that pull in the docstrings. A class's events come from
``compat/api_surface.txt`` (Server and Socket: the names Node's ``net``
emits) and ``EXTRA_EVENTS`` (the stream, emitter, process and signal events
gnet also emits); their arguments are Node's (from Node's own documentation)
in Python's types, with ``EVENT_ARGS`` where gnet passes something Node's
documentation does not list.

Nothing here needs Sphinx: ``tests/test_docs.py`` checks the pages without
building them. ``setup(app)`` (called from ``docs/conf.py``) writes them into
``docs/reference/`` before Sphinx reads its sources, rewriting only the files
whose text changed.
"""

import importlib
import importlib.util
import inspect
import os
import re
import types

import gnet
from gnet.js import errors as _errors
from gnet.js.names import Alias, snake_case

import node_docs

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.dirname(HERE)
ROOT = os.path.dirname(DOCS)
OUT = os.path.join(DOCS, "reference")
SURFACE = os.path.join(ROOT, "compat", "api_surface.txt")

# ---------------------------------------------------------------------------
# Where each of gnet's names is documented.

#: Reference pages, in order: slug -> (title, introduction).
PAGES = {
    "net": ("net: createServer, connect, isIP",
            "``import gnet`` stands for ``require('net')``: these are its functions. "
            "The classes have pages of their own: :doc:`server`, :doc:`socket`, :doc:`blocklist`."),
    "server": ("net.Server", ""),
    "socket": ("net.Socket", ""),
    "blocklist": ("net.BlockList and net.SocketAddress", ""),
    "events": ("events: EventEmitter and once",
               "Node's ``events`` module. ``gnet.Socket``, ``gnet.Server`` and ``gnet.process`` are "
               "``EventEmitter``\\ s. Event names are Node's strings, in one spelling: ``'newListener'``, "
               "never ``'new_listener'``."),
    "timers": ("timers: setTimeout, setInterval, setImmediate",
               "Node's timers, in milliseconds, on gevent's loop. A callback may block (gevent): it holds "
               "up only the callbacks queued behind it."),
    "process": ("process and the loop",
                "``gnet.process`` stands for the part of Node's ``process`` that a ``net`` program uses; "
                "``gnet.run()`` is the event loop."),
    "abort": ("AbortController and AbortSignal", ""),
    "errors": ("Errors",
               "Where Node throws, gnet raises; where Node emits ``'error'``, gnet emits it. Node's own errors "
               "are ``gnet.NodeError``\\ s that also subclass the matching built-in; system errors are the "
               "matching ``OSError`` subclass. See :doc:`../api` for the rules."),
    "monitoring": ("monitoring: zope.event notifications", ""),
}

#: A module-level name's page, by the module that defines it (the rest of a
#: dotted name is tried too: ``gnet.net.x`` falls back to ``gnet.net``).
MODULE_PAGE = {
    "gnet.net": "net",
    "gnet.net.server": "server",
    "gnet.net.socket": "socket",
    "gnet.net.blocklist": "blocklist",
    "gnet.net.socketaddress": "blocklist",
    "gnet.eventloop.events": "events",
    "gnet.eventloop.timers": "timers",
    "gnet.eventloop.loop": "timers",
    "gnet.eventloop.process": "process",
    "gnet.eventloop.abort": "abort",
    "gnet.js.errors": "errors",
    "gnet.monitoring": "monitoring",
}
#: Names whose page is not their module's.
NAME_PAGE = {
    "nextTick": "process", "run": "process", "process": "process",
    "setUncaughtExceptionCaptureCallback": "process", "hasUncaughtExceptionCaptureCallback": "process",
    "errorMonitor": "events", "AbortError": "abort", "DOMException": "abort",
    "MaxListenersExceededWarning": "events", "TimeoutOverflowWarning": "timers",
}
#: Where Node documents a module-level name of a page: owners of ``node_docs.OWNERS``.
PAGE_OWNERS = {"net": ["net"], "timers": ["timers", "process"], "process": ["process"],
               "events": ["events"]}
#: Node's page for names that are not a member heading of their own.
NAME_HEADING = {
    "MaxListenersExceededWarning": ("events", "`events.defaultMaxListeners`"),
    "TimeoutOverflowWarning": ("timers", "`setTimeout(callback[, delay[, ...args]])`"),
    "AbortError": ("errors", "`ABORT_ERR`"),
    "DOMException": ("globals", "`DOMException`"),
    "NodeError": ("errors", "Node.js error codes"),
    "NodeOSError": ("errors", "Class: `SystemError`"),
    "process": ("process", "Process"),
}

#: Classes with Node counterparts: class -> (owner in node_docs.OWNERS, Node's
#: name, (page, class heading)).
CLASSES = {
    gnet.Server: ("Server", "net.Server", ("net", "Class: `net.Server`")),
    gnet.Socket: ("Socket", "net.Socket", ("net", "Class: `net.Socket`")),
    gnet.BlockList: ("BlockList", "net.BlockList", ("net", "Class: `net.BlockList`")),
    gnet.SocketAddress: ("SocketAddress", "net.SocketAddress", ("net", "Class: `net.SocketAddress`")),
    gnet.EventEmitter: ("EventEmitter", "EventEmitter", ("events", "Class: `EventEmitter`")),
    gnet.AbortController: ("AbortController", "AbortController", ("globals", "Class: `AbortController`")),
    gnet.AbortSignal: ("AbortSignal", "AbortSignal", ("globals", "Class: `AbortSignal`")),
}
#: Classes a page documents beside the exported names (``gnet.setTimeout``
#: returns a ``Timeout``; ``gnet.process`` is a ``Process``).
EXTRA_CLASSES = {
    "timers": ["gnet.eventloop.timers.Timeout", "gnet.eventloop.loop.Immediate"],
}
EXTRA_CLASS_NODE = {
    "Timeout": ("Timeout", "Timeout", ("timers", "Class: `Timeout`")),
    "Immediate": ("Immediate", "Immediate", ("timers", "Class: `Immediate`")),
}

#: Owners' groups of members, by the Node page and heading prefix that
#: documents them (``node_docs.OWNERS``): the section title in the reference.
GROUP_TITLES = {
    ("net", "server"): "net.Server", ("net", "socket"): "net.Socket",
    ("stream", "readable"): "stream.Readable (net.Socket is a Duplex stream)",
    ("stream", "writable"): "stream.Writable (net.Socket is a Duplex stream)",
    ("events", "emitter"): "EventEmitter", ("events", "events"): "events",
    ("process", "process"): "process",
    ("net", "blockList"): "net.BlockList", ("net", "socketaddress"): "net.SocketAddress",
    ("globals", "abortController"): "AbortController", ("globals", "abortSignal"): "AbortSignal",
    ("globals", "AbortSignal"): "AbortSignal's static methods",
    ("events", "eventTarget"): "EventTarget (an AbortSignal is one)",
    ("timers", "timeout"): "Timeout", ("timers", "immediate"): "Immediate",
}

# ---------------------------------------------------------------------------
# Events.

#: Events gnet emits beyond compat/api_surface.txt's (which lists Node's net
#: events of Server and Socket): owner -> names, documented on Node's pages
#: that ``node_docs.OWNERS`` gives for the owner.
EXTRA_EVENTS = {
    "Socket": ["finish", "pause", "resume", "readable", "pipe", "unpipe"],
    "EventEmitter": ["newListener", "removeListener"],
    "process": ["exit", "uncaughtException", "SIGTERM, SIGINT, SIGHUP, ..."],
    "AbortSignal": ["abort"],
}

#: Node's documented types in Python.
PY_TYPES = {
    "boolean": ":class:`bool`", "number": ":class:`int`", "integer": ":class:`int`", "string": ":class:`str`",
    "Error": "an exception", "Buffer|string": ":class:`bytes`, or :class:`str` after ``setEncoding()``",
    "net.Socket": ":class:`gnet.Socket`", "stream.Readable": "the source stream (a :class:`gnet.Socket`)",
    "Function": "the listener (a callable)", "string|symbol": ":class:`str` or a symbol",
    "Object": ":class:`dict`", "null": ":data:`None`",
}

#: The name of an argument Node's documentation gives a type but no name.
UNNAMED = {"net.Socket": "socket", "Error": "err", "Buffer|string": "data"}

#: An event's arguments where gnet passes what Node's documentation does not
#: list as parameters: (owner, event) -> [(name, Python type, note)].
EVENT_ARGS = {
    ("Socket", "close"): [("hadError", ":class:`bool`",
                           "``True`` if the socket was closed by a transmission error; ``None`` for a "
                           "socket that never had a connection (Node passes nothing then)")],
    ("Socket", "data"): [("data", ":class:`bytes`, or :class:`str` after ``setEncoding()``", "")],
    ("Socket", "lookup"): [("err", "an exception or :data:`None`", ""),
                           ("address", ":class:`str`", "the IP address"),
                           ("family", ":class:`int` or :data:`None`", "4 or 6"),
                           ("host", ":class:`str`", "the host name looked up")],
    ("Socket", "unpipe"): [("src", "the source stream (a :class:`gnet.Socket`)", ""),
                           ("unpipeInfo", ":class:`dict`", "``{'hasUnpiped': False}``, as Node passes it")],
    ("Server", "drop"): [("data", ":class:`dict` or :data:`None`",
                          "``localAddress``, ``localPort``, ``localFamily``, ``remoteAddress``, "
                          "``remotePort``, ``remoteFamily`` of the dropped connection; ``None`` for a "
                          "Unix socket, as Node passes nothing then")],
    ("process", "SIGTERM, SIGINT, SIGHUP, ..."): [
        ("signal", ":class:`str`", "the signal's name (``'SIGTERM'``)"),
        ("number", ":class:`int`", "the signal's number")],
    ("AbortSignal", "abort"): [("event", "an ``Event``", "``event.type == 'abort'``; a listener that takes "
                                "no parameter gets nothing")],
}
#: Node's heading for events not documented as ``Event: 'name'``.
EVENT_HEADING = {("process", "SIGTERM, SIGINT, SIGHUP, ..."): ("process", "Signal events")}


def surface_events():
    """``{owner: [event names]}`` from compat/api_surface.txt."""
    found = {}
    with open(SURFACE, encoding="utf-8") as f:
        for line in f:
            if line.startswith("event "):
                _, owner, name, _, _ = line.split()
                found.setdefault(owner, []).append(name)
    return found


def surface_names():
    """``[(kind, owner, name)]`` of compat/api_surface.txt, events left out."""
    found = []
    with open(SURFACE, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#") and not line.startswith("event "):
                kind, owner, name, _, _ = line.split()
                found.append((kind, owner, name))
    return found


def events_of(owner, index):
    """``[(name, url, [(arg, type, note)])]`` of the events ``owner`` emits."""
    names = list(surface_events().get(owner, [])) + EXTRA_EVENTS.get(owner, [])
    out = []
    for name in names:
        url, params = None, []
        if (owner, name) in EVENT_HEADING:
            url = index.heading(*EVENT_HEADING[(owner, name)])
        else:
            found = index.event(owner, name)
            if found is not None:
                url, params = found
        args = EVENT_ARGS.get((owner, name))
        if args is None:
            args = [(p[0] or UNNAMED.get(p[1], "arg"), PY_TYPES.get(p[1], "``%s``" % p[1]) if p[1] else "", _md_to_rst(p[2]))
                    for p in params]
        out.append((name, url, args))
    return out


def _md_to_rst(text):
    """Node's Markdown in a parameter's description, as reST."""
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)         # [`--flag`][] -> `--flag`
    return re.sub(r"(?<!`)`([^`]+)`(?!`)", r"``\1``", text)


# ---------------------------------------------------------------------------
# Names and their PEP 8 aliases.

def alias_of(namespace, name, get=inspect.getattr_static):
    """The PEP 8 alias of ``name`` in ``namespace`` (a class or module), or ``None``."""
    alias = snake_case(name)
    if alias == name:
        return None
    try:
        mine, twin = get(namespace, name), get(namespace, alias)
    except AttributeError:
        return None
    if twin is mine or (type(twin) is Alias and twin.name == name):
        return alias
    return None


def _module_get(module, name):
    return getattr(module, name)


def module_names():
    """``[(name, alias or None)]`` of ``gnet.__all__``, aliases folded into their Node names."""
    exported = list(gnet.__all__)
    aliases = {}
    for name in exported:
        alias = alias_of(gnet, name, _module_get)
        if alias is not None and alias in exported:
            aliases[name] = alias
    folded = set(aliases.values())
    return [(name, aliases.get(name)) for name in exported if name not in folded]


def page_of(name, obj):
    if name in NAME_PAGE:
        return NAME_PAGE[name]
    module = obj.__name__ if isinstance(obj, types.ModuleType) else getattr(obj, "__module__", None)
    if not isinstance(module, str):
        module = type(obj).__module__
    if module.startswith("gnet.net.") and not inspect.isclass(obj):
        return "net"                    # net's functions, wherever they are defined
    parts = module.split(".")
    while parts:
        page = MODULE_PAGE.get(".".join(parts))
        if page:
            return page
        parts.pop()
    # A module of gnet the table does not know (a new package): a page of its own.
    return module.split(".")[1] if module.startswith("gnet.") else "other"


def class_members(cls):
    """``[(name, alias or None, defining class)]`` of a class's public names, aliases folded."""
    names = [n for n in dir(cls) if not n.startswith("_")]
    aliases = {}
    for name in names:
        alias = alias_of(cls, name)
        if alias is not None:
            aliases[name] = alias
    folded = set(aliases.values())
    out = []
    for name in names:
        if name in folded:
            continue
        owner = next(k for k in cls.__mro__ if name in vars(k))
        out.append((name, aliases.get(name), owner))
    return out


def _is_gevent(owner):
    return owner.__module__.split(".")[0] == "gevent"


def _is_builtin(owner):
    return owner.__module__ == "builtins"


# ---------------------------------------------------------------------------
# reST.

def _link(text, url):
    return "`%s <%s>`__" % (text.replace("<", "\\<").replace("`", "\\`"), url) if url else "—"


def _summary(obj):
    if not (callable(obj) or isinstance(obj, (property, types.ModuleType))):
        return ""                       # a plain value: its type's docstring says nothing of it
    doc = inspect.getdoc(obj) or ""
    first = doc.strip().split("\n\n")[0].replace("\n", " ").strip()
    first = re.sub(r"\s*https://nodejs\.org/\S+", "", first).rstrip(":").strip()
    return first


def _node_text(heading):
    return heading.replace("`", "").replace("Static method: ", "")


def _table(header, rows, widths=None):
    lines = [".. list-table::", "   :header-rows: 1"]
    if widths:
        lines.append("   :widths: " + " ".join(str(w) for w in widths))
    lines.append("")
    for row in [header] + rows:
        for i, cell in enumerate(row):
            lines.append(("   * - " if i == 0 else "     - ") + (cell or "\\ "))
    lines.append("")
    return lines


def _directive(kind, target, content=(), options=()):
    lines = [".. %s:: %s" % (kind, target)]
    lines += ["   :%s:" % opt for opt in options]
    lines.append("")
    lines += ["   " + c if c else "" for c in content]
    lines.append("")
    return lines


def _member_kind(cls, name):
    static = inspect.getattr_static(cls, name)
    if isinstance(static, (staticmethod, classmethod)) or inspect.isfunction(static):
        return "method"
    if isinstance(static, property):
        return "property"
    if inspect.isclass(static):
        return "class"
    return "attribute"


def _events_section(owner, index, heading_char="-"):
    events = events_of(owner, index)
    if not events:
        return []
    lines = ["Events", heading_char * 6, "",
             "Listeners get Node's arguments, in Python's types; a listener that takes fewer parameters "
             "gets the leading ones (see :doc:`../api`).", ""]
    rows = []
    for name, url, args in events:
        shown = "``'%s'``" % name if "," not in name else ", ".join("``'%s'``" % n.strip()
                                                                    for n in name.split(",") if n.strip() != "...") + ", ..."
        arg_text = "; ".join("``%s``: %s%s" % (a, t, " (%s)" % note if note else "") for a, t, note in args) or "none"
        rows.append([shown, arg_text, _link("Node", url)])
    return lines + _table(["Event", "Arguments", "Node"], rows, [18, 70, 12])


def _class_section(cls, target, node, index, title=None, preface=()):
    """The reST of one class: summary table, events, then each member's docstring."""
    owner, node_name, class_heading = node if node else (None, None, None)
    url = index.heading(*class_heading) if class_heading else None
    title = title or cls.__name__
    lines = [".. _ref-%s:" % cls.__name__.lower(), "", title, "=" * len(title), ""] + list(preface)
    content = ["Node's documentation: %s" % _link(node_name, url), ""] if url else []
    lines += _directive("autoclass", target, content, ["no-members"])
    members = class_members(cls)
    groups = {}
    gevent_names, gnet_own = [], []
    for name, alias, defined_in in members:
        if _is_builtin(defined_in):
            continue
        static = inspect.getattr_static(cls, name)
        if inspect.isclass(static):
            continue                    # a class attribute naming a class (EventEmitter.EventEmitter)
        found = _node_member(owner, name, index) if owner else None
        if found is not None:
            group, murl, heading = found
            groups.setdefault(group, []).append((name, alias, murl, heading))
        elif _is_gevent(defined_in) or any(name in vars(k) for k in cls.__mro__ if _is_gevent(k)):
            gevent_names.append((name, alias))
        else:
            gnet_own.append((name, alias))
    rows = []
    order = [g for g in GROUP_TITLES if g in groups] + [g for g in groups if g not in GROUP_TITLES]
    for group in order:
        for name, alias, murl, heading in groups[group]:
            rows.append(["``%s``" % name, "``%s``" % alias if alias else "(same)",
                         _link(_node_text(heading), murl), _summary(getattr(cls, name, None))])
    for name, alias in gnet_own:
        rows.append(["``%s``" % name, "``%s``" % alias if alias else "(same)", "gnet's own",
                     _summary(getattr(cls, name, None))])
    if rows:
        lines += ["Members", "-" * 7, ""]
        lines += _table(["Node name", "PEP 8 name", "Node's documentation", "Summary"], rows, [18, 18, 30, 34])
    if owner:
        lines += _events_section(owner, index)
    for group in order:
        title = GROUP_TITLES.get(group, "%s.%s" % group)
        lines += [title, "-" * len(title), ""]
        for name, alias, murl, heading in groups[group]:
            lines += _member(cls, target, name, alias, murl, heading)
    if gnet_own:
        lines += ["gnet's own", "-" * 10, ""]
        for name, alias in gnet_own:
            lines += _member(cls, target, name, alias, None, None)
    if gevent_names:
        title = "gevent's StreamServer API"
        lines += [title, "-" * len(title), "",
                  "``gnet.Server`` subclasses ``gevent.server.StreamServer``; where a name clashes, Node's wins. "
                  "These are gevent's, kept for code that expects a ``StreamServer``:", ""]
        for name, alias in gevent_names:
            if name in vars(cls):       # gnet's own version of it
                lines += _member(cls, target, name, alias, None, None, gevent=True)
        plain = [n for n, _ in gevent_names if n not in vars(cls)]
        if plain:
            lines += ["Inherited from gevent unchanged: %s." % ", ".join("``%s``" % n for n in plain), ""]
    missing = _missing_node_names(cls, owner)
    if missing:
        lines += ["Node names gnet does not have", "-" * 30, "",
                  "Listed in ``compat/api_surface.txt`` (Node v20's own list), not in gnet; "
                  "see :doc:`../differences`: %s." % ", ".join("``%s``" % n for n in missing), ""]
    return lines


def _missing_node_names(cls, owner):
    return sorted(name for kind, o, name in surface_names() if o == owner and kind != "class"
                  and not hasattr(cls, name))


#: Node's constructor heading of a class, where the options that become
#: properties (``allowHalfOpen``, ``pauseOnConnect``...) are documented.
CONSTRUCTORS = {"Server": ("net", "`net.createServer([options][, connectionListener])`"),
                "Socket": ("net", "`new net.Socket([options])`")}


def _node_member(owner, name, index):
    """``(group, url, heading)`` of Node's documentation of ``owner.name``, or ``None``.
    A name of compat/api_surface.txt without a heading of its own (an option
    Node keeps as a property) links to the constructor that takes it."""
    for page, prefix, _ in node_docs.OWNERS[owner]:
        head = re.escape(prefix + "." if prefix else "")
        pattern = re.compile(r"`(new )?%s%s([(`\[])" % (head, re.escape(name)))
        for entry in index.pages[page]:
            if pattern.match(entry["text"].replace("Static method: `", "`")):
                return (page, prefix), index.base + page + ".html#" + entry["id"], entry["text"]
    if (owner, name) in {(o, n) for _, o, n in surface_names()}:
        page, prefix, section = node_docs.OWNERS[owner][0]
        if owner in CONSTRUCTORS:
            text = CONSTRUCTORS[owner][1]
            return (page, prefix), index.heading(page, text), text.replace("`", "") + " (option %s)" % name
        # In Node v20 (compat/api_surface.txt has it from node itself), not in its docs.
        return (page, prefix), index.heading(page, section), "%s (in Node v20, not in its docs)" % section
    return None


def _member(cls, target, name, alias, url, heading, gevent=False):
    kind = _member_kind(cls, name)
    directive = {"method": "automethod", "property": "autoproperty", "attribute": "autoattribute"}[kind]
    notes = []
    if alias:
        notes.append("PEP 8 name: ``%s`` (the same %s)." % (alias, "attribute" if kind != "method" else "method"))
    if url:
        notes.append("Node: %s." % _link(_node_text(heading), url))
    elif gevent:
        notes.append("gevent's ``StreamServer.%s``." % name)
    return _directive(directive, "%s.%s" % (target, name), [" ".join(notes)] if notes else [])


# ---------------------------------------------------------------------------
# The pages.

def _entry_url(name, obj, page, index):
    if name in NAME_HEADING:
        return index.heading(*NAME_HEADING[name]), _node_text(NAME_HEADING[name][1])
    for owner in PAGE_OWNERS.get(page, []):
        found = index.member(owner, name)
        if found is not None:
            return found[0], _node_text(found[1])
    links = re.findall(r"https://nodejs\.org/docs/latest-v20\.x/api/\S+", inspect.getdoc(obj) or "")
    if links and index.has_anchor(links[0].rstrip(".,)")):
        return links[0].rstrip(".,)"), name
    return None, None


#: Submodules that stand for a Node module of their own (``import gnet.tls``
#: is ``require('tls')``), documented when gnet has them: name -> page title.
SUBMODULES = {"tls": "tls: TLSSocket, createServer, connect"}


def model():
    """``{page: [(name, alias, obj, also)]}``: every exported name on its page.
    ``also`` lists other exported names for the same class (``Stream``); a
    function exported twice (``connect``, ``createConnection``) has two entries."""
    pages = {slug: [] for slug in PAGES}
    seen = {}
    for name, alias in module_names():
        obj = getattr(gnet, name)
        key = id(obj)
        if key in seen and inspect.isclass(obj):
            seen[key][3].append(name)
            continue
        entry = (name, alias, obj, [])
        seen[key] = entry
        pages.setdefault(page_of(name, obj), []).append(entry)
    for name in SUBMODULES:
        if name not in pages and importlib.util.find_spec("gnet." + name) is not None:
            pages[name] = [(name, None, importlib.import_module("gnet." + name), [])]
    return pages


def _import(path):
    module, _, attr = path.rpartition(".")
    return getattr(__import__(module, fromlist=[attr]), attr)


def render_page(slug, entries, index):
    title, intro = PAGES.get(slug, (SUBMODULES.get(slug, "gnet." + slug), ""))
    lines = [".. This page is written by docs/_ext/gnet_reference.py when the docs are built; edit that.", "",
             title, "#" * len(title), ""]
    if intro:
        lines += [intro, ""]
    lines += [".. currentmodule:: gnet", ""]
    functions = [e for e in entries if not inspect.isclass(e[2]) and not isinstance(e[2], types.ModuleType)]
    classes = [e for e in entries if inspect.isclass(e[2])]
    modules = [e for e in entries if isinstance(e[2], types.ModuleType)]
    if functions:
        rows = []
        for name, alias, obj, also in functions:
            url, text = _entry_url(name, obj, slug, index)
            shown = ", ".join("``gnet.%s``" % n for n in [name] + also)
            rows.append([shown, "``gnet.%s``" % alias if alias else "(same)", _link(text or name, url),
                         _summary(obj) if callable(obj) else ""])
        lines += _table(["Node name", "PEP 8 name", "Node's documentation", "Summary"], rows, [22, 22, 26, 30])
        for name, alias, obj, also in functions:
            lines += _function(name, alias, obj, also, slug, index)
    for name, alias, obj, also in classes:
        node = CLASSES.get(obj)
        if node is None and name in NAME_HEADING:
            url = index.heading(*NAME_HEADING[name])
            lines += [".. _ref-%s:" % name.lower(), "", name, "=" * len(name), ""]
            lines += _directive("autoexception" if issubclass(obj, BaseException) else "autoclass",
                                "gnet." + name, ["Node: %s." % _link(_node_text(NAME_HEADING[name][1]), url)]
                                + (["", "Also exported as %s." % ", ".join("``gnet.%s``" % a for a in also)]
                                   if also else []), ["no-members"])
            continue
        lines += _class_section(obj, "gnet." + name, node, index)
        if also:
            lines += ["``%s`` is the same class, as in Node." % ", ".join("gnet." + a for a in also), ""]
    for path in EXTRA_CLASSES.get(slug, []):
        cls = _import(path)
        lines += _class_section(cls, path, EXTRA_CLASS_NODE.get(cls.__name__), index)
    if slug == "process":
        lines += _process_section(index)
    if slug == "errors":
        lines += _codes_section(index)
    for name, alias, obj, also in modules:
        lines += _module_section(name, obj, index)
    return "\n".join(lines).rstrip("\n") + "\n"


def _function(name, alias, obj, also, slug, index):
    url, text = _entry_url(name, obj, slug, index)
    notes = []
    if alias:
        notes.append("PEP 8 name: ``gnet.%s`` (the same function)." % alias)
    if also:
        notes.append("Also ``%s`` (the same object)." % ", ".join("gnet." + a for a in also))
    if url:
        notes.append("Node: %s." % _link(text, url))
    if callable(obj) and not inspect.isclass(obj):
        return _directive("autofunction", "gnet." + name, [" ".join(notes)] if notes else [])
    # A value (errorMonitor): described, not imported by autodoc.
    return _directive("py:data", name, [_summary(type(obj)) or repr(obj), "", " ".join(notes)])


def _process_section(index):
    cls = type(gnet.process)
    target = "%s.%s" % (cls.__module__, cls.__name__)
    return [""] + _class_section(
        cls, target, ("process", "process", ("process", "Process")), index, title="gnet.process",
        preface=["``gnet.process`` is the one instance of this class; read ``Process.exit`` as "
                 "``gnet.process.exit``.", ""])


def _codes_section(index):
    lines = ["Node's error codes", "=" * 18, "",
             "Each code is a class, a subclass of ``gnet.NodeError`` and of the Python built-in that stands "
             "for the JavaScript class (``TypeError``; ``ValueError`` for ``RangeError``): catch "
             "``gnet.NodeError`` and read ``err.code``, or catch the built-in. The classes are in "
             "``gnet.js.errors.codes``.", ""]
    rows = []
    for code in sorted(vars(_errors.codes)):
        cls = getattr(_errors.codes, code)
        bases = [b.__name__ for b in cls.__bases__ if b is not _errors.NodeError]
        js = {"TypeError": "TypeError", "ValueError": "RangeError"}.get(bases[0] if bases else "", "Error")
        url = index.heading("errors", "`%s`" % code)
        rows.append(["``%s``" % code, ":exc:`%s`" % bases[0] if bases else ":exc:`gnet.NodeError`", js,
                     _link(code, url)])
    lines += _table(["code", "Python base", "JavaScript class", "Node"], rows, [40, 20, 15, 25])
    return lines


def _module_section(name, module, index):
    title = "gnet.%s" % name
    lines = [title, "=" * len(title), ""]
    lines += _directive("automodule", module.__name__, [], ["no-members"])
    exported = getattr(module, "__all__", [n for n in dir(module) if not n.startswith("_")])
    rows = []
    for attr in exported:
        obj = getattr(module, attr)
        if isinstance(obj, types.ModuleType):
            continue
        alias = alias_of(module, attr, _module_get)
        rows.append(["``%s.%s``" % (title, attr), "``%s``" % alias if alias else "(same)", _summary(obj)])
        kind = "autoexception" if inspect.isclass(obj) and issubclass(obj, BaseException) else (
            "autoclass" if inspect.isclass(obj) else "autofunction" if callable(obj) else None)
        if kind:
            lines += _directive(kind, "%s.%s" % (module.__name__, attr), [],
                                ["members", "inherited-members: " + _inherited_stops(obj)]
                                if kind == "autoclass" else [])
    return lines[:3] + _table(["name", "PEP 8 name", "Summary"], rows, [35, 25, 40]) + lines[3:]


def _inherited_stops(cls):
    """autodoc's ``inherited-members`` for a submodule's class: what it inherits
    from a class ``gnet`` exports (``TLSSocket`` from ``Socket``) is on that
    class's page; what it gets from a mixin of its own (``TLSSocket``'s
    certificate methods, gnet/tls/certificate.py) is its own member."""
    exported = {getattr(gnet, name) for name in gnet.__all__ if inspect.isclass(getattr(gnet, name))}
    stops = {"object"}
    for base in cls.__mro__[1:]:
        if base in exported:
            stops.update(k.__name__ for k in base.__mro__)
    return ", ".join(sorted(stops))


def render_index(pages_model, index):
    lines = [".. This page is written by docs/_ext/gnet_reference.py when the docs are built; edit that.", "",
             "API reference", "#############", "",
             "Generated from gnet itself: every name ``import gnet`` exports, its PEP 8 name (the same object, "
             "see :doc:`../api`), and the page of Node v20's documentation that describes it "
             "(Node %s)." % index.node, "",
             ".. toctree::", "   :maxdepth: 2", ""]
    slugs = [s for s in list(PAGES) + sorted(set(pages_model) - set(PAGES)) if _has_content(s, pages_model)]
    lines += ["   " + s for s in slugs] + [""]
    lines += ["Every name", "==========", ""]
    rows = []
    for slug in slugs:
        for name, alias, obj, also in pages_model.get(slug, []):
            url, text = (_entry_url(name, obj, slug, index) if not inspect.isclass(obj)
                         else (index.heading(*CLASSES[obj][2]) if obj in CLASSES else
                               _entry_url(name, obj, slug, index)[0], name))
            for shown in [name] + also:
                rows.append(["``gnet.%s``" % shown, "``gnet.%s``" % alias if alias else "(same)",
                             ":doc:`%s`" % slug, _link(_node_text(text or name), url)])
    lines += _table(["Node name", "PEP 8 name", "page", "Node's documentation"], rows, [30, 30, 15, 25])
    return "\n".join(lines) + "\n"


def _has_content(slug, pages_model):
    return bool(pages_model.get(slug)) or slug in EXTRA_CLASSES


def pages(index=None):
    """``{file name: reST text}`` of the reference, ``index.rst`` included."""
    index = index or node_docs.Index()
    found = model()
    out = {"index.rst": render_index(found, index)}
    for slug, entries in found.items():
        if _has_content(slug, found):
            out[slug + ".rst"] = render_page(slug, entries, index)
    return out


def write(out_dir=OUT):
    """Write the pages; a file whose text is unchanged is left alone, and a
    page no longer generated is removed."""
    os.makedirs(out_dir, exist_ok=True)
    written = pages()
    for name, text in written.items():
        path = os.path.join(out_dir, name)
        try:
            with open(path, encoding="utf-8") as f:
                if f.read() == text:
                    continue
        except FileNotFoundError:
            pass
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    for name in os.listdir(out_dir):
        if name.endswith(".rst") and name not in written:
            os.remove(os.path.join(out_dir, name))
    return written


def _purge_first(app, env, docnames):
    """Forget every reference page about to be read before reading any: a name
    that moved from one page to another is then not described twice (Sphinx
    forgets each page only as it reads it)."""
    for docname in docnames:
        if docname.startswith("reference/"):
            app.events.emit("env-purge-doc", env, docname)
            env.clear_doc(docname)


def setup(app):
    app.connect("builder-inited", lambda app: write())
    app.connect("env-before-read-docs", _purge_first)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
