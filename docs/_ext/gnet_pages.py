"""Two small directives for gnet's docs pages.

- ``mermaid``: a Mermaid diagram (docs/lifecycle.md, drawn from the state
  tables) shown as its text: the build needs no Mermaid renderer, and the
  text reads (``A --> B: trigger``).
- ``gnet-newest-bench``: the chart of the newest benchmark report in
  docs/bench/ (``bench-DATE.svg``, written by ``python -m gnet bench``) with a
  link to that report, so the site always shows the latest run.

And one rewrite: a Markdown link from a page to a file of the repository
outside docs/ (``[examples/README.md](../examples/README.md)``) becomes a
download of that file, since the site has no page for it; a link to a file
that does not exist is left alone, so the build still reports it.
"""

import glob
import os
import re

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


_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\((\.\./[^)\s#]+)\)")


def link_repository_files(text, docname, srcdir=DOCS):
    """``text`` with each link to an existing file outside ``srcdir`` as a ``{download}`` role."""
    here = os.path.dirname(os.path.join(srcdir, docname))

    def replace(m):
        label, target = m.group(1), m.group(2)
        path = os.path.normpath(os.path.join(here, target))
        if os.path.relpath(path, srcdir).startswith("..") and os.path.isfile(path):
            return "{download}`%s <%s>`" % (label.replace("`", ""), target)
        return m.group(0)

    return _LINK.sub(replace, text)


def _source_read(app, docname, source):
    if app.env.doc2path(docname).suffix == ".md":
        source[0] = link_repository_files(source[0], docname, app.srcdir)


def setup(app):
    app.connect("source-read", _source_read)
    app.add_directive("mermaid", Mermaid)
    app.add_directive("gnet-newest-bench", NewestBench)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
