"""gnet's answers for very long strings, built from the specs in inputs.json ("long")."""
import json
import os

import gnet
from compat.trace import show

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "inputs.json"), encoding="utf-8") as f:
    inputs = json.load(f)
for spec in inputs["long"]:
    s = spec.get("prefix", "") + spec["repeat"] * spec["times"] + spec.get("suffix", "")
    show(json.dumps(spec, separators=(",", ":")), len(s),
         gnet.isIP(s), gnet.isIPv4(s), gnet.isIPv6(s))
