"""The generated docs match the code they are drawn from."""
import os
import runpy

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_lifecycle_page_matches_the_tables():
    maker = runpy.run_path(os.path.join(ROOT, "docs", "make_lifecycle.py"))
    with open(os.path.join(ROOT, "docs", "lifecycle.md"), encoding="utf-8") as f:
        assert f.read() == maker["render"](), "run: python docs/make_lifecycle.py"


# ---------------------------------------------------------------------------
# The API reference (docs/_ext/gnet_reference.py), checked without Sphinx: the
# docs build itself runs in .ci/run.

import ast  # noqa: E402
import inspect  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402

import pytest  # noqa: E402

import gnet  # noqa: E402
from gnet.js.names import snake_case  # noqa: E402

sys.path.insert(0, os.path.join(ROOT, "docs", "_ext"))
import gnet_reference  # noqa: E402
import node_docs  # noqa: E402

INDEX = node_docs.Index()
PAGES = gnet_reference.pages(INDEX)
OWNER_PAGE = {"net": "net.rst", "Server": "server.rst", "Socket": "socket.rst",
              "BlockList": "blocklist.rst", "SocketAddress": "blocklist.rst"}
OWNER_CLASS = {"net": gnet, "Server": gnet.Server, "Socket": gnet.Socket,
               "BlockList": gnet.BlockList, "SocketAddress": gnet.SocketAddress}


def _rows(text):
    """The rows of every list-table in ``text``, as lists of cells."""
    rows = []
    for line in text.splitlines():
        if line.startswith("   * - "):
            rows.append([line[7:]])
        elif line.startswith("     - ") and rows:
            rows[-1].append(line[7:])
    return rows


def _row_of(text, name):
    """The table row whose first cell names ``name``, or None."""
    for row in _rows(text):
        if re.search(r"``(gnet\.)?%s``" % re.escape(name), row[0]):
            return row
    return None


def test_every_name_gnet_exports_is_in_the_reference_with_its_pep8_name():
    index = PAGES["index.rst"]
    exported = set(gnet.__all__)
    for name, alias in gnet_reference.module_names():
        row = _row_of(index, name)
        assert row is not None, name
        snake = snake_case(name)
        if snake != name and snake in exported:
            assert row[1] == "``gnet.%s``" % snake, (name, row)
        page = re.match(r":doc:`(\w+)`", row[2]).group(1)
        assert "gnet.%s" % name in PAGES[page + ".rst"], (name, page)
    # Every exported name is covered, PEP 8 names through their Node twins.
    shown = set(re.findall(r"``gnet\.(\w+)``", index))
    assert exported <= shown, exported - shown


@pytest.mark.parametrize("kind, owner, name", [e for e in gnet_reference.surface_names() if e[0] != "class"],
                         ids=lambda v: str(v))
def test_every_node_net_name_gnet_has_is_on_its_page_with_alias_and_node_link(kind, owner, name):
    page = PAGES[OWNER_PAGE[owner]]
    if not hasattr(OWNER_CLASS[owner], name):
        # Listed, with differences.md, as a Node name gnet does not have.
        assert re.search(r"Node names gnet does not have[\s\S]*``%s``" % re.escape(name), page), name
        return
    row = _row_of(page, name)
    assert row is not None, name
    snake = snake_case(name)
    assert row[1] == ("(same)" if snake == name else "``%s``" % snake) or row[1] == "``gnet.%s``" % snake, row
    url = re.search(r"<(https://nodejs\.org/[^>]+)>", row[2])
    assert url and INDEX.has_anchor(url.group(1)), row


@pytest.mark.parametrize("owner", ["Server", "Socket"])
def test_every_event_node_emits_is_in_the_events_table_with_its_arguments(owner):
    page = PAGES[OWNER_PAGE[owner]]
    events = page[page.index("\nEvents\n"):]
    for name in gnet_reference.surface_events()[owner]:
        row = _row_of(events, "'%s'" % name)
        assert row is not None, name
        assert INDEX.has_anchor(re.search(r"<(https://[^>]+)>", row[2]).group(1)), row
        params = INDEX.event(owner, name)[1]
        if params:      # Node lists the arguments: gnet's table names as many
            assert row[1].count("``: ") + row[1].startswith("``") >= len(params), row


def test_the_event_arguments_are_what_gnet_passes():
    args = {name: [a for a, _, _ in found] for name, _, found in gnet_reference.events_of("Socket", INDEX)}
    assert args["close"] == ["hadError"] and args["data"] == ["data"]
    assert args["lookup"] == ["err", "address", "family", "host"]
    assert args["connectionAttemptFailed"] == ["ip", "port", "family", "error"]
    server = {name: [a for a, _, _ in found] for name, _, found in gnet_reference.events_of("Server", INDEX)}
    assert server["connection"] == ["socket"] and server["error"] == ["err"] and server["close"] == []


def _described(text, cls, name):
    """The autodoc block describing ``cls.name`` in ``text``, or None."""
    m = re.search(r"^\.\. auto\w+:: [\w.]*\b%s\.%s\n(\n   .*\n)*" % (cls.__name__, re.escape(name)), text, re.M)
    return m.group(0) if m else None


@pytest.mark.parametrize("cls", [
    gnet.Server, gnet.Socket, gnet.BlockList, gnet.SocketAddress,
    gnet.EventEmitter, type(gnet.process), gnet.AbortController, gnet.AbortSignal,
    gnet_reference._import("gnet.eventloop.timers.Timeout"),
    gnet_reference._import("gnet.eventloop.loop.Immediate")], ids=lambda c: c.__name__)
def test_every_member_of_the_classes_is_described_with_its_pep8_name(cls):
    text = "\n".join(PAGES.values())
    for name, alias, defined_in in gnet_reference.class_members(cls):
        if defined_in.__module__.split(".")[0] in ("builtins", "gevent") or \
                inspect.isclass(inspect.getattr_static(cls, name)):
            continue        # Python's own, and gevent's inherited ones (listed by name)
        block = _described(text, cls, name)
        assert block is not None, name
        if alias:
            assert "PEP 8 name: ``%s``" % alias in block, (name, alias, block)


def test_every_error_code_is_in_the_errors_page():
    from gnet.js import errors
    page = PAGES["errors.rst"]
    for code in vars(errors.codes):
        row = _row_of(page, code)
        assert row is not None and INDEX.has_anchor(re.search(r"<([^>]+)>", row[3]).group(1)), code


def test_every_node_link_in_the_reference_names_a_heading_of_nodes_docs():
    for name, text in PAGES.items():
        for url in re.findall(r"<(https://nodejs\.org/[^>]+)>", text):
            assert INDEX.has_anchor(url), (name, url)


def test_every_node_link_in_gnets_docstrings_names_a_heading_of_nodes_docs():
    broken = []
    for folder, _, files in os.walk(os.path.join(ROOT, "gnet")):
        for filename in files:
            if filename.endswith(".py"):
                path = os.path.join(folder, filename)
                with open(path, encoding="utf-8") as f:
                    for url in re.findall(r"https://nodejs\.org/docs/latest-v20\.x/api/[\w.]+(?:#[\w-]+)?",
                                          f.read()):
                        if INDEX.has_anchor(url) is False:
                            broken.append((os.path.relpath(path, ROOT), url))
    assert not broken


def test_node_index_matches_the_installed_node_docs():
    api = node_docs.DEFAULT_API_DIR
    if not os.path.exists(os.path.join(api, "net.json.gz")):
        pytest.skip("Node's documentation is not installed at %s" % api)
    built = node_docs.build(api)
    if built["node"] != INDEX.node:
        pytest.skip("installed docs are %s, the index is of %s" % (built["node"], INDEX.node))
    with open(node_docs.INDEX, encoding="utf-8") as f:
        assert f.read() == node_docs.render(built), "run: python docs/_ext/node_docs.py"


def test_the_generated_pages_parse_as_python_names():
    """Every autodoc target names an object that exists, so the build finds it."""
    for text in PAGES.values():
        for target in re.findall(r"^\.\. auto\w+:: ([\w.]+)$", text, re.M):
            module, _, rest = target.partition(".")
            obj = __import__(module)
            parts = rest.split(".") if rest else []
            while parts and inspect.ismodule(getattr(obj, parts[0], None)):
                obj = getattr(obj, parts.pop(0))
            for part in parts:
                obj = getattr(obj, part)
