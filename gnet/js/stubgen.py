"""Write the PEP 8 twins into gnet's type stubs (``gnet/**/*.pyi``).

The stubs are written by hand in Node's spelling: ``setNoDelay``, ``bytesRead``,
``allowHalfOpen``. Each class body (and module) that has camelCase names ends
with a block between two marker comments; this tool fills it with the PEP 8
twins, taken from the same place as the runtime's: ``snake_case`` of
gnet/js/names.py, and only where the runtime object really has the twin
(``alias_class``, ``add_aliases``), so the stubs claim no name gnet lacks::

    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    set_no_delay = setNoDelay
    allow_half_open: bool
    # end of PEP 8 twins

A method, property or assigned name gets ``twin = name``; an annotated
attribute (``maxConnections: int | None``, a TypedDict key) gets the same
annotation under the twin's name. A class that exists only in the stubs (the
options TypedDicts of gnet/_typing.pyi) gets a twin for each camelCase name, as
``gnet.net.options`` accepts every option key in both spellings.

    python -m gnet.js.stubgen           # rewrite the blocks
    python -m gnet.js.stubgen --check   # exit 1 if a block is out of date

tests/test_types.py runs the check. This module is a development tool: gnet
never imports it.
"""

import ast
import importlib
import inspect
import os
import sys

from gnet.js.names import Alias, snake_case

BEGIN = "# PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)"
END = "# end of PEP 8 twins"

PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_ABSENT = object()


def stub_files():
    """Every ``.pyi`` file of the gnet package, sorted."""
    found = []
    for folder, _, files in os.walk(PACKAGE):
        found.extend(os.path.join(folder, name) for name in files if name.endswith(".pyi"))
    return sorted(found)


def module_name(path):
    """``gnet/net/socket.pyi`` -> ``gnet.net.socket``."""
    relative = os.path.relpath(path, os.path.dirname(PACKAGE))[:-len(".pyi")]
    parts = relative.split(os.sep)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def runtime_module(name):
    """The runtime module a stub describes, or ``None`` for a stub-only module."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def is_camel(name):
    """A Node name with a different PEP 8 twin (``setNoDelay``; not ``on``, not ``Socket``)."""
    return not name.startswith("_") and name[:1].islower() and snake_case(name) != name


def _ignore_comment(lines, node):
    """The ``# type: ignore[...]`` on the line of ``node``, if any: a twin
    of an overriding alias (``addListener = on``) needs the same one."""
    line = lines[node.lineno - 1]
    at = line.find("# type: ignore[")
    if at < 0:
        return ""
    # Whether mypy needs it on the twin too depends on how the base class
    # spelled the name; unused-ignore keeps --strict quiet where it does not.
    codes = line[at + len("# type: ignore["):line.index("]", at)]
    return "  # type: ignore[%s, unused-ignore]" % codes


def defined_names(body, source, skip):
    """``[(name, annotation source or None, ignore comment)]`` defined in
    ``body``, in order, leaving out statements on the lines in ``skip``."""
    lines = source.split("\n")
    found = {}
    for node in body:
        if node.lineno in skip:
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.setdefault(node.name, (None, ""))
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, (None, _ignore_comment(lines, node)))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            found.setdefault(node.target.id, (ast.get_source_segment(source, node.annotation), ""))
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.asname is not None and alias.asname == alias.name:
                    found.setdefault(alias.name, (None, ""))
    return [(name, annotation, ignore) for name, (annotation, ignore) in found.items()]


def has_twin(owner, name):
    """Whether the runtime ``owner`` (module or class) has ``name``'s PEP 8 twin as
    one attribute with it; ``owner`` ``None`` (stub only) has every twin."""
    if owner is None:
        return True
    twin_name = snake_case(name)
    if inspect.ismodule(owner):
        value = getattr(owner, name, _ABSENT)
        twin = getattr(owner, twin_name, _ABSENT)
        if value is _ABSENT or twin is _ABSENT:
            return False
        if twin is value:
            return True
        # A name the module makes on each read, in its __getattr__ (gnet.tls's
        # rootCertificates, a new list each time): the twin is one when the
        # module makes both there and they read the same.
        made = name not in vars(owner) and twin_name not in vars(owner)
        return made and twin == value
    value = inspect.getattr_static(owner, name, _ABSENT)
    twin = inspect.getattr_static(owner, twin_name, _ABSENT)
    if value is _ABSENT or twin is _ABSENT:
        return False
    return twin is value or (type(twin) is Alias and twin.name == name)


def twin_lines(names, owner, indent):
    lines = []
    for name, annotation, ignore in names:
        if is_camel(name) and has_twin(owner, name):
            twin = snake_case(name)
            lines.append("%s%s: %s" % (indent, twin, annotation) if annotation is not None
                         else "%s%s = %s%s" % (indent, twin, name, ignore))
    return lines


def _blocks(lines):
    """``[(begin index, end index, indent)]`` of the marker pairs in ``lines``."""
    blocks = []
    begin = None
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped == BEGIN:
            begin = index
        elif stripped == END and begin is not None:
            indent = lines[begin][:len(lines[begin]) - len(lines[begin].lstrip())]
            blocks.append((begin, index, indent))
            begin = None
    return blocks


def render(path):
    """The stub at ``path`` with its twin blocks written afresh."""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    lines = source.split("\n")
    blocks = _blocks(lines)
    if not blocks:
        return source
    skip = set()
    for begin, end, _ in blocks:
        skip.update(range(begin + 1, end + 2))     # ast line numbers start at 1
    tree = ast.parse(source)
    module = runtime_module(module_name(path))
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    # Fill from the last block up, so earlier indices stay valid.
    for begin, end, indent in reversed(blocks):
        # A block inside a class belongs to the nearest class above it.
        owner_node = None
        if indent:
            for node in classes:
                if node.lineno <= begin + 1:
                    owner_node = node
        if owner_node is None:
            body, owner = tree.body, module
        else:
            body = owner_node.body
            owner = getattr(module, owner_node.name, None) if module is not None else None
        lines[begin + 1:end] = twin_lines(defined_names(body, source, skip), owner, indent)
    return "\n".join(lines)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    check = "--check" in argv
    stale = []
    for path in stub_files():
        with open(path, encoding="utf-8") as f:
            before = f.read()
        after = render(path)
        if after != before:
            stale.append(os.path.relpath(path))
            if not check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(after)
    if check and stale:
        print("PEP 8 twins out of date in %s: run python -m gnet.js.stubgen" % ", ".join(stale))
        return 1
    for path in stale if not check else ():
        print("wrote", path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
