"""The generated docs match the code they are drawn from."""
import os
import runpy

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_lifecycle_page_matches_the_tables():
    maker = runpy.run_path(os.path.join(ROOT, "docs", "make_lifecycle.py"))
    with open(os.path.join(ROOT, "docs", "lifecycle.md"), encoding="utf-8") as f:
        assert f.read() == maker["render"](), "run: python docs/make_lifecycle.py"
