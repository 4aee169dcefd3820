"""Node v20's documentation, as an index of headings: where each Node name is
documented (its page and anchor) and, for an event, the arguments Node passes.

``python docs/_ext/node_docs.py [API_DIR]`` writes ``node-v20.json`` beside
this file from the documentation the installed ``node`` ships (by default
``/usr/share/doc/nodejs/api``): each page's headings from its ``.html`` (the
anchors exactly as nodejs.org has them) and each event's parameters from its
``.json.gz``. The docs build reads the committed file, so it needs neither
Node's documentation nor the network; ``tests/test_docs.py`` checks the file
against the installed documentation when that is the same Node version.

The reference (``gnet_reference.py``) asks this index for a name's link with
``Index.url(owner, name)`` and for an event's parameters with
``Index.event(owner, name)``; an owner is one of ``OWNERS``' keys.
"""

import gzip
import html
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
INDEX = os.path.join(HERE, "node-v20.json")
DEFAULT_API_DIR = "/usr/share/doc/nodejs/api"
BASE_URL = "https://nodejs.org/docs/latest-v20.x/api/"

#: The pages of Node's documentation that gnet's names come from.
PAGES = ("net", "events", "timers", "process", "globals", "stream", "errors")

#: An owner of names -> where Node documents its members, nearest first:
#: ``(page, heading prefix, section)``: a member ``name`` is the heading
#: ```prefix.name...``` on ``page``; its events are the ``Event:`` headings
#: under the heading ``section``.
OWNERS = {
    "net": [("net", "net", None)],
    "Server": [("net", "server", "Class: `net.Server`"), ("events", "emitter", "Class: `EventEmitter`"),
               ("events", "events", None)],
    "Socket": [("net", "socket", "Class: `net.Socket`"),
               ("stream", "readable", "Class: `stream.Readable`"),
               ("stream", "writable", "Class: `stream.Writable`"),
               ("events", "emitter", "Class: `EventEmitter`"), ("events", "events", None)],
    "BlockList": [("net", "blockList", "Class: `net.BlockList`")],
    "SocketAddress": [("net", "socketaddress", "Class: `net.SocketAddress`")],
    "EventEmitter": [("events", "emitter", "Class: `EventEmitter`"), ("events", "events", None)],
    "events": [("events", "events", None)],
    "timers": [("timers", "", None)],
    "Timeout": [("timers", "timeout", "Class: `Timeout`")],
    "Immediate": [("timers", "immediate", "Class: `Immediate`")],
    "process": [("process", "process", "Process events"), ("events", "emitter", "Class: `EventEmitter`"),
                ("events", "events", None)],
    "AbortController": [("globals", "abortController", "Class: `AbortController`")],
    "AbortSignal": [("globals", "abortSignal", "Class: `AbortSignal`"),
                    ("globals", "AbortSignal", "Class: `AbortSignal`"),
                    ("events", "eventTarget", "Class: `EventTarget`")],
}

_HEADING = re.compile(r"<h([1-6])>([^\n]*?)<span><a class=\"mark\" href=\"#([^\"]+)\" id=\"\3\">#</a></span>")
_TAG = re.compile(r"<[^>]+>")


def _text(fragment):
    """A heading's text as Node's Markdown has it: ``<code>x</code>`` is ```x```."""
    fragment = re.sub(r"</?code>", "`", fragment)
    return html.unescape(_TAG.sub("", fragment)).strip()


def _headings(api_dir, page):
    """``[(level, text, anchor)]`` of one page, in order."""
    with open(os.path.join(api_dir, page + ".html"), encoding="utf-8") as f:
        source = f.read()
    return [(int(level), _text(body), anchor) for level, body, anchor in _HEADING.findall(source)]


def _event_params(api_dir, page):
    """``{(parent heading, event name): [[name, type, description], ...]}`` from the page's JSON."""
    with gzip.open(os.path.join(api_dir, page + ".json.gz"), "rt", encoding="utf-8") as f:
        tree = json.load(f)
    found = {}

    def walk(node, parent):
        if isinstance(node, dict):
            if node.get("type") == "event" and parent is not None:
                found[(parent, node["name"])] = [
                    [p.get("name", ""), p.get("type", ""), (p.get("desc") or "").strip()]
                    for p in node.get("params", [])]
            for value in node.values():
                if isinstance(value, list):
                    for child in value:
                        walk(child, node.get("textRaw", parent))
    walk(tree, None)
    return found


def build(api_dir=DEFAULT_API_DIR):
    """The index as a JSON-ready dict."""
    version = _doc_version(api_dir)
    pages = {}
    for page in PAGES:
        params = _event_params(api_dir, page)
        entries = []
        parents = []                    # the enclosing heading at each level
        for level, text, anchor in _headings(api_dir, page):
            parents = [p for p in parents if p[0] < level]
            parent = parents[-1][1] if parents else None
            entry = {"text": text, "id": anchor}
            if parent is not None:
                entry["in"] = parent
            event = re.match(r"Event: `'(\w+)'`$", text)
            if event and (parent, event.group(1)) in params:
                entry["params"] = params[(parent, event.group(1))]
            entries.append(entry)
            parents.append((level, text))
        pages[page] = entries
    return {"node": version, "base": BASE_URL, "pages": pages}


def _doc_version(api_dir):
    with open(os.path.join(api_dir, "net.html"), encoding="utf-8") as f:
        m = re.search(r"Node\.js (v\d+\.\d+\.\d+) documentation", f.read())
    return m.group(1) if m else subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()


def render(index):
    """The file's text: one heading a line, so that a diff reads."""
    lines = ['{"node": %s, "base": %s, "pages": {' % (json.dumps(index["node"]), json.dumps(index["base"]))]
    pages = list(index["pages"].items())
    for i, (page, entries) in enumerate(pages):
        lines.append("%s: [" % json.dumps(page))
        lines.append(",\n".join(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in entries))
        lines.append("]" + ("," if i < len(pages) - 1 else ""))
    lines.append("}}")
    return "\n".join(lines) + "\n"


class Index:
    """Look-ups in the committed index."""

    def __init__(self, path=INDEX):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        self.node = data["node"]
        self.base = data["base"]
        self.pages = data["pages"]
        self.anchors = {page: {e["id"] for e in entries} for page, entries in self.pages.items()}

    def _find(self, owner, test):
        for page, prefix, section in OWNERS[owner]:
            for entry in self.pages[page]:
                if test(entry, page, prefix, section):
                    return page, entry
        return None

    def member(self, owner, name):
        """``(url, heading text)`` of ``owner``'s member ``name``, or ``None``."""
        def test(entry, page, prefix, section):
            head = re.escape(prefix + "." if prefix else "")
            return re.match(r"`(new )?(Static method: )?%s%s([(`\[])" % (head, re.escape(name)),
                            entry["text"].replace("Static method: `", "`")) is not None
        found = self._find(owner, test)
        return (self.base + found[0] + ".html#" + found[1]["id"], found[1]["text"]) if found else None

    def url(self, owner, name):
        found = self.member(owner, name)
        return found[0] if found else None

    def event(self, owner, name):
        """``(url, params)`` of the event ``name`` of ``owner``, or ``None``;
        ``params`` is ``[[name, type, description], ...]``."""
        def test(entry, page, prefix, section):
            return entry["text"] == "Event: `'%s'`" % name and (section is None or entry.get("in") == section)
        found = self._find(owner, test)
        if found is None:
            return None
        page, entry = found
        return self.base + page + ".html#" + entry["id"], entry.get("params", [])

    def heading(self, page, text):
        """The URL of the heading ``text`` on ``page`` (exact text), or ``None``."""
        for entry in self.pages[page]:
            if entry["text"] == text:
                return self.base + page + ".html#" + entry["id"]
        return None

    def has_anchor(self, url):
        """Whether a nodejs.org v20 URL names a page and anchor this index knows."""
        m = re.match(re.escape(self.base) + r"(\w+)\.html(?:#(.+))?$", url)
        if not m or m.group(1) not in self.pages:
            return None                 # a page outside the index: not judged
        return m.group(2) is None or m.group(2) in self.anchors[m.group(1)]


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    api_dir = argv[0] if argv else DEFAULT_API_DIR
    text = render(build(api_dir))
    with open(INDEX, "w", encoding="utf-8") as f:
        f.write(text)
    print("%s: %d headings" % (os.path.relpath(INDEX), text.count('"id"')))


if __name__ == "__main__":
    main()
