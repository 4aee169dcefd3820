"""The echo servers compared: each the plainest idiomatic one of its kind.

Every server program in ``bench/servers/`` takes ``--port P`` (0: any free
port) or ``--path UNIX_PATH``, listens on 127.0.0.1 (or the path) and prints
one line, ``ready port=N`` or ``ready path=P``, once it accepts connections.
"""

import contextlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
SERVERS = os.path.join(HERE, "servers")
REPO = os.path.dirname(HERE)


@dataclass(frozen=True)
class Peer:
    name: str                 #: what --peers takes
    label: str                #: what the table prints
    program: str              #: file in bench/servers/ (or a built binary's name)
    kind: str                 #: "python", "node" or "binary"
    needs: tuple = ()         #: Python modules that must import
    env: dict = field(default_factory=dict)
    args: tuple = ()          #: more arguments for the program (``--pipe``)
    #: The peer this one's ratios are taken against: Node's echo, or for a
    #: ``pipe()`` echo, Node's ``pipe()`` echo.
    reference: str = "node"

    def available(self):
        """(True, "") or (False, why not)."""
        if self.kind == "node" and not shutil.which("node"):
            return False, "node is not on PATH"
        if self.name == PURE and not compiled_here():
            return False, "gnet's hot modules are not compiled in this tree (pip install -e .): it would be gnet again"
        for module in self.needs:
            if importlib.util.find_spec(module) is None:
                return False, "%s is not installed (pip install -e '.[bench]')" % module
        return True, ""

    def argv(self, binaries):
        if self.kind == "python":
            return [sys.executable, os.path.join(SERVERS, self.program), *self.args]
        if self.kind == "node":
            return [shutil.which("node"), os.path.join(SERVERS, self.program), *self.args]
        return [binaries[self.program], *self.args]

    def environ(self):
        env = dict(os.environ)
        for key, value in self.env.items():
            if key == "PYTHONPATH":  # put this peer's gnet (the work tree's, or REF's) first
                value = os.pathsep.join(p for p in (value, env.get("PYTHONPATH")) if p)
            env[key] = value
        return env


#: In table order. Node is the reference ratios are taken against (a
#: ``pipe()`` echo: Node's ``pipe()`` echo; ``Peer.reference``).
PEERS = [
    Peer("gnet", "gnet", "gnet_echo.py", "python", ("gevent",), {"PYTHONPATH": REPO, "GNET_PURE_PYTHON": ""}),
    # The same gnet with its compiled modules set aside (gnet/_build.py): the
    # pure-Python build beside the compiled one, in one run.
    Peer("gnet-pure", "gnet (pure Python)", "gnet_echo.py", "python", ("gevent",),
         {"PYTHONPATH": REPO, "GNET_PURE_PYTHON": "1"}),
    Peer("node", "Node net", "node_net.js", "node"),
    # The same two servers echoing with ``c.pipe(c)``: each connection sets
    # up and tears down Node's pipe() (its listeners, its backpressure).
    # gnet's is measured against Node's pipe() echo.
    Peer("gnet-pipe", "gnet pipe()", "gnet_echo.py", "python", ("gevent",),
         {"PYTHONPATH": REPO, "GNET_PURE_PYTHON": ""}, ("--pipe",), "node-pipe"),
    Peer("node-pipe", "Node pipe()", "node_net.js", "node", (), {}, ("--pipe",), "node-pipe"),
    Peer("gevent", "gevent StreamServer", "gevent_streamserver.py", "python", ("gevent",)),
    Peer("asyncio-streams", "asyncio streams", "asyncio_streams.py", "python"),
    Peer("asyncio-protocol", "asyncio Protocol", "asyncio_protocol.py", "python"),
    Peer("uvloop", "uvloop Protocol", "uvloop_protocol.py", "python", ("uvloop",)),
    # Not a peer a user would pick: echo from io-watcher callbacks in gevent's
    # hub, nothing may block. What CPython and gevent's loop cost per message
    # with nothing on top: the floor under any Python server here.
    Peer("pyfloor", "Python floor", "gevent_callbacks.py", "python", ("gevent",)),
    Peer("c", "C epoll (floor)", "c_epoll", "binary"),
]
BY_NAME = {p.name: p for p in PEERS}
REFERENCE = "node"
FLOOR = "c"

#: The peer that runs this tree's gnet as pure Python (GNET_PURE_PYTHON=1).
PURE = "gnet-pure"


def compiled_here():
    """Whether this tree's gnet has its hot modules compiled (an extension beside each .py)."""
    import ast
    import importlib.machinery
    with open(os.path.join(REPO, "gnet", "_build.py"), encoding="utf-8") as f:
        tree = ast.parse(f.read())
    hot = next(ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign)
               and any(getattr(t, "id", None) == "HOT" for t in n.targets))
    return all(any(os.path.exists(os.path.join(REPO, *name.split(".")) + suffix)
                   for suffix in importlib.machinery.EXTENSION_SUFFIXES) for name in hot)


#: The --peers name and the label of the peer --baseline REF adds: gnet as of REF.
BASELINE = "gnet-base"
BASELINE_LABEL = "gnet@%s"


def baseline(ref, tree):
    """The gnet peer again (this tree's gnet_echo.py), importing the gnet/ of ``ref``
    extracted into ``tree``: before and after a change, in one run."""
    return Peer(BASELINE, BASELINE_LABEL % ref, "gnet_echo.py", "python", ("gevent",),
                {"PYTHONPATH": tree})


def resolve(ref):
    """The commit ``ref`` names in this repository, if that commit has a gnet/; else None."""
    if ref.startswith("-"):  # git would take it for an option
        return None
    try:
        sha = _git("rev-parse", "--verify", "--quiet", ref + "^{commit}").stdout.strip()
        if sha and _git("cat-file", "-e", sha + ":gnet/__init__.py").returncode == 0:
            return sha
    except (OSError, subprocess.SubprocessError):  # no git, or it hung
        pass
    return None


@contextlib.contextmanager
def baseline_tree(commit):
    """A temporary folder holding ``commit``'s gnet/, removed on leaving. git archive
    rather than git worktree: nothing is registered in the repository to clean up."""
    tree = tempfile.mkdtemp(prefix="gnet-bench-base-")
    try:
        archive = subprocess.run(["git", "-C", REPO, "archive", commit, "gnet"],
                                 capture_output=True, check=True, timeout=60).stdout
        subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True, timeout=60)
        yield tree
    finally:
        shutil.rmtree(tree, ignore_errors=True)


def _git(*args):
    return subprocess.run(["git", "-C", REPO, *args], capture_output=True, text=True,
                          timeout=20)
