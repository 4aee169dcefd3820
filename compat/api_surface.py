"""``python -m compat.api_surface [DOC]``: write compat/api_surface.txt, every
public name of Node's ``net``, from Node's own documentation and Node itself.

Two sources, so that neither is taken on trust:

- Node's ``net`` documentation (DOC, by default ``../shared/reference/node-net-v13.md``
  beside the repository): each ``net.x()``, ``server.x``, ``socket.x`` heading and
  each ``Event: 'x'``. A documented name that the installed ``node`` no longer has
  (``server.connections``, removed after v13) is left out, with a comment.
- the installed ``node`` (v20): the public names of ``net``, of
  ``Server.prototype`` and ``Socket.prototype`` and of the prototypes they
  inherit from (``stream.Duplex``, ``stream.Readable``, ``stream.Stream``,
  ``events.EventEmitter``), the own properties of a new server and of
  sockets in a few states, and the members of ``BlockList`` and
  ``SocketAddress`` (their prototypes' and the static ones). Events cannot be listed by introspection: those added
  since v13 are in ``V20_EVENTS`` below, and the script checks that table
  against the names ``net.js`` (the installed node's own source) emits, so an
  event Node adds is an error here, not a silent gap.

Each line is ``kind owner name access origin``: ``kind`` is class, function,
method, property or event; ``owner`` is ``net``, ``Server``, ``Socket``,
``BlockList`` or ``SocketAddress`` (a static member is a function of its class);
``access`` is ``rw`` for a property a program may assign (a data property or
an accessor with a setter), ``r`` for a getter only, ``-`` otherwise;
``origin`` says where the name comes from (``net`` for the v13 docs,
``net-v20`` for a later addition, else the prototype that holds it).
tests/test_names.py reads the file and checks each name on gnet.
"""

import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUTPUT = os.path.join(HERE, "api_surface.txt")
DEFAULT_DOC = os.path.join(ROOT, "..", "shared", "reference", "node-net-v13.md")

#: Events added to ``net`` since v13, with their owner: Node's docs for v20
#: (``'drop'``: v18.6.0; the three ``connectionAttempt*``: v20.12.0).
V20_EVENTS = {
    "drop": "Server",
    "connectionAttempt": "Socket",
    "connectionAttemptFailed": "Socket",
    "connectionAttemptTimeout": "Socket",
}

#: What the installed node says, as JSON.
_PROBE = r"""
'use strict';
const net = require('net');
const pub = (names) => names.filter((n) => !n.startsWith('_') && n !== 'constructor');
function describe(proto) {
  const out = {};
  for (const name of pub(Object.getOwnPropertyNames(proto))) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (typeof d.value === 'function') out[name] = 'method';
    else if (d.get || d.set) out[name] = d.set ? 'rw' : 'r';
    else out[name] = d.writable ? 'rw' : 'r';
  }
  return out;
}
function chain(ctor) {
  const out = [];
  for (let p = ctor.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    out.push([p.constructor.name, describe(p)]);
  }
  return out;
}
const own = (obj) => pub(Object.getOwnPropertyNames(obj));
const result = {
  version: process.version,
  net: Object.fromEntries(pub(Object.keys(net)).map((n) => [n,
    typeof net[n] === 'function' ? (/^[A-Z]/.test(n) ? 'class' : 'function') : 'value'])),
  Server: chain(net.Server),
  Socket: chain(net.Socket),
  classes: Object.fromEntries(['BlockList', 'SocketAddress'].map((c) => [c, {
    proto: describe(net[c].prototype),
    statics: pub(Object.getOwnPropertyNames(net[c])).filter((n) => !['length', 'name', 'prototype'].includes(n)),
  }])),
  serverOwn: own(net.createServer()),
  socketOwn: [],
  emitted: [...new Set([...process.binding('natives').net.matchAll(/emit\(\s*'([A-Za-z]+)'/g)]
    .map((m) => m[1]))],
};
const fresh = new net.Socket();
result.socketOwn.push(...own(fresh));
fresh.setTimeout(1000);
result.socketOwn.push(...own(fresh));
fresh.setTimeout(0);
// autoSelectFamilyAttemptedAddresses exists once a connect tries several addresses.
const multi = net.connect({
  port: 1, host: 'example.invalid', autoSelectFamily: true,
  lookup: (host, opts, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }]),
});
multi.on('error', () => {
  result.socketOwn.push(...own(multi));
  result.socketOwn = [...new Set(result.socketOwn)];
  process.stdout.write(JSON.stringify(result));
});
"""

_OWNERS = {"net": "net", "server": "Server", "socket": "Socket"}
_HEADING = re.compile(r"^#{2,4} (.*)$")
_CLASS = re.compile(r"^Class: `net\.(\w+)`$")
_EVENT = re.compile(r"^Event: `'(\w+)'`$")
_MEMBER = re.compile(r"^`(net|server|socket)\.(\w+)(\()?")


def read_doc(path):
    """``[(kind, owner, name)]`` from the headings of Node's net documentation."""
    names = []
    section = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = _HEADING.match(line.rstrip("\n"))
            if not m:
                continue
            text = m.group(1).strip()
            cls = _CLASS.match(text)
            if cls:
                section = cls.group(1)
                names.append(("class", "net", section))
                continue
            event = _EVENT.match(text)
            if event:
                names.append(("event", section, event.group(1)))
                continue
            member = _MEMBER.match(text)
            if member:
                owner, name, call = member.groups()
                owner = _OWNERS[owner]
                if owner == "net":
                    section = None          # top-level functions end the class sections
                    names.append(("function", "net", name))
                else:
                    names.append(("method" if call else "property", owner, name))
    seen = set()
    return [n for n in names if not (n in seen or seen.add(n))]


def probe():
    """What the installed node reports (see ``_PROBE``)."""
    out = subprocess.run(["node", "-e", _PROBE], check=True, capture_output=True, text=True, timeout=60)
    return json.loads(out.stdout)


_ORIGINS = {"Server": "net", "Socket": "net", "Duplex": "stream.Duplex", "Readable": "stream.Readable",
            "Stream": "stream.Stream", "EventEmitter": "events.EventEmitter"}


def surface(doc_path):
    """``(lines, comments)`` for api_surface.txt."""
    node = probe()
    documented = read_doc(doc_path)
    members = {}                        # (owner, name) -> (kind, access, origin), nearest prototype first
    for owner in ("Server", "Socket"):
        for proto_name, names in node[owner]:
            origin = _ORIGINS[proto_name]
            for name, what in names.items():
                key = (owner, name)
                if key not in members:
                    members[key] = ("method", "-", origin) if what == "method" else ("property", what, origin)
        for name in node[owner.lower() + "Own"]:
            members.setdefault((owner, name), ("property", "rw", "net-v20"))
    for owner, found in node["classes"].items():
        for name, what in found["proto"].items():
            members[(owner, name)] = ("method", "-", "net-v20") if what == "method" else ("property", what, "net-v20")
        for name in found["statics"]:
            members[(owner, name)] = ("function", "-", "net-v20")
    entries = {}
    comments = []
    for kind, owner, name in documented:
        if kind == "event":
            entries[(kind, owner, name)] = ("-", "net")
        elif owner == "net":
            if name not in node["net"]:
                comments.append("# net.%s: documented in v13, gone from node %s" % (name, node["version"]))
                continue
            entries[(kind, owner, name)] = ("-", "net")
        else:
            found = members.get((owner, name))
            if found is None and kind == "property":
                # A property Node sets only when the program does (server.maxConnections):
                # documented, so it belongs, assignable as any own property is.
                if name == "connections" and owner == "Server":
                    comments.append("# Server.connections: documented (deprecated) in v13, gone from node %s"
                                    % node["version"])
                    continue
                found = ("property", "rw", "net")
            if found is None:
                comments.append("# %s.%s: documented in v13, gone from node %s" % (owner, name, node["version"]))
                continue
            entries[(found[0], owner, name)] = (found[1], "net")
    for name, kind in node["net"].items():
        if kind != "value" and not any(k[1] == "net" and k[2] == name for k in entries):
            entries[(kind, "net", name)] = ("-", "net-v20")
    for (owner, name), (kind, access, origin) in members.items():
        if not any(k[1] == owner and k[2] == name for k in entries if k[0] != "event"):
            if origin == "net":
                origin = "net-v20"
            entries[(kind, owner, name)] = (access, origin)
    for name, owner in V20_EVENTS.items():
        if name not in node["emitted"]:
            raise SystemExit("V20_EVENTS names %r, which node %s's net.js never emits" % (name, node["version"]))
        entries.setdefault(("event", owner, name), ("-", "net-v20"))
    known = {k[2] for k in entries if k[0] == "event"}
    unknown = sorted(set(node["emitted"]) - known)
    if unknown:
        raise SystemExit("node %s's net.js emits %s, in neither the docs nor V20_EVENTS" % (node["version"], unknown))
    order = {"class": 0, "function": 1, "method": 2, "property": 3, "event": 4}
    owners = {"net": 0, "Server": 1, "Socket": 2, "BlockList": 3, "SocketAddress": 4}
    lines = ["%s %s %s %s %s" % (kind, owner, name, access, origin)
             for (kind, owner, name), (access, origin) in sorted(
                 entries.items(), key=lambda e: (owners[e[0][1]], order[e[0][0]], e[0][2]))]
    return node["version"], lines, comments


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    doc_path = argv[0] if argv else DEFAULT_DOC
    version, lines, comments = surface(doc_path)
    header = [
        "# Every public name of Node's net: kind owner name access origin (see compat/api_surface.py).",
        "# Generated by `python -m compat.api_surface` from Node's net docs (v13) and node %s;" % version,
        "# do not edit by hand. tests/test_names.py checks each name on gnet, in both spellings.",
    ]
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write("\n".join(header + comments + lines) + "\n")
    print("%s: %d names" % (os.path.relpath(OUTPUT), len(lines)))


if __name__ == "__main__":
    main()
