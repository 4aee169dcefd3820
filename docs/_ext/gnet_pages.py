"""Two small directives for gnet's docs pages.

- ``mermaid``: a Mermaid diagram (docs/lifecycle.md, drawn from the state
  tables) shown as its text: the build needs no Mermaid renderer, and the
  text reads (``A --> B: trigger``).
- ``gnet-newest-bench``: the chart of the newest benchmark report in
  docs/bench/ (``bench-DATE.svg``, written by ``python -m gnet bench``) with a
  link to that report, so the site always shows the latest run.
"""

import glob
import os

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx import addnodes

DOCS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def newest_bench(docs=DOCS):
    """``(report name without .md, chart file name)`` of the newest report, or ``None``."""
    reports = sorted(glob.glob(os.path.join(docs, "bench", "bench-*.md")))
    for report in reversed(reports):
        chart = report[:-3] + ".svg"
        if os.path.exists(chart):
            return os.path.basename(report)[:-3], os.path.basename(chart)
    return None


class Mermaid(Directive):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self):
        text = "\n".join(self.content)
        block = nodes.literal_block(text, text, classes=["mermaid-source"])
        block["language"] = "text"
        return [block]


class NewestBench(Directive):
    has_content = False

    def run(self):
        found = newest_bench()
        if found is None:
            raise self.error("docs/bench/ has no bench-*.md report with its .svg chart")
        report, chart = found
        env = self.state.document.settings.env
        here = os.path.dirname(env.docname)
        folder = os.path.relpath("bench", here) if here else "bench"
        image = nodes.image(uri=os.path.join(folder, chart).replace(os.sep, "/"),
                            alt="gnet beside Node, gevent, asyncio and uvloop: ratios to Node (%s)" % report)
        ref = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget="/bench/" + report,
                                    refexplicit=True, refwarn=True)
        ref += nodes.inline(report, "the full report (%s)" % report.replace("bench-", ""))
        para = nodes.paragraph("", "Newest run: ")
        para += ref
        para += nodes.Text(", with every figure and how it was measured.")
        return [image, para]


def setup(app):
    app.add_directive("mermaid", Mermaid)
    app.add_directive("gnet-newest-bench", NewestBench)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
