"""Sphinx configuration of gnet's docs site.

Build it with the README's command (warnings are errors):
``python -m sphinx -W --keep-going -b html docs docs/_build/html``.
The API reference (docs/reference/) is written from gnet itself when the build
starts (docs/_ext/gnet_reference.py); the build needs no network.
"""

import glob
import os
import sys

DOCS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(DOCS)
sys.path[:0] = [ROOT, os.path.join(DOCS, "_ext")]

import gnet  # noqa: E402

project = "gnet"
author = "The gnet developers"
copyright = "the gnet developers"
release = version = gnet.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "gnet_reference",
    "gnet_pages",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "bench/.*"]

myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
# A mermaid fence (docs/lifecycle.md) is the ``mermaid`` directive of
# gnet_pages: the diagram's text, shown as it is.
myst_fence_as_directive = ["mermaid"]

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_inherit_docstrings = True

html_theme = "furo"
html_title = "gnet %s" % release
html_static_path = ["_static"]
html_css_files = ["gnet.css"]
html_show_sourcelink = False

# Python's objects: links only from a local inventory, so that the build never
# needs the network (a CI machine may not reach docs.python.org). Debian's
# python3-doc ships one; GNET_PYTHON_INVENTORY names another. Without one,
# references to Python's objects are plain text.
_inventories = [os.environ.get("GNET_PYTHON_INVENTORY", "")] + sorted(
    glob.glob("/usr/share/doc/python3*/html/objects.inv"), reverse=True)
_inventory = next((p for p in _inventories if p and os.path.exists(p)), None)
intersphinx_mapping = {"python": ("https://docs.python.org/3", _inventory)} if _inventory else {}
intersphinx_timeout = 5
