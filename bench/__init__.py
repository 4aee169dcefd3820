"""gnet's benchmark harness: echo servers under one C load generator, ratios to Node.

Run it with ``python -m gnet bench`` (or ``python -m bench`` from the
repository root); see bench/README.md.
"""
