"""Write docs/lifecycle.md from the tables in gnet/net/lifecycle.py (run: python docs/make_lifecycle.py).

tests/test_docs.py checks that the committed page matches the tables.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from gnet.net.lifecycle import SERVER_TABLE, SOCKET_FLAGS, SOCKET_TABLE  # noqa: E402

PAGE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lifecycle.md")


def mermaid(table):
    lines = ["```mermaid", "stateDiagram-v2"]
    for (state, trigger), target in table.items():
        lines.append("    %s --> %s: %s" % (state.name, target.name, trigger))
    lines.append("```")
    return lines


def render():
    lines = ["# Lifecycles", "",
             "Drawn from the tables in `gnet/net/lifecycle.py` by `docs/make_lifecycle.py`;",
             "a transition not drawn here is a gnet bug (`AssertionError`).", "",
             "## Socket", ""]
    lines += mermaid(SOCKET_TABLE)
    lines += ["", "| state | `connecting` | has a connection (not `pending`) | `destroyed` |",
              "| --- | --- | --- | --- |"]
    for state, (connecting, connected, destroyed) in SOCKET_FLAGS.items():
        lines.append("| %s | %s | %s | %s |" % (state.name, connecting, connected, destroyed))
    lines += ["", "## Server", ""]
    lines += mermaid(SERVER_TABLE)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    with open(PAGE, "w", encoding="utf-8") as f:
        f.write(render())
