"""gnet's answers for every string in inputs.json ("strings"), one line each."""
import json
import os
import re
import sys

import gnet
from compat.trace import show

sys.stdout.reconfigure(encoding="utf-8")


def js_stringify(s):
    """``JSON.stringify(s)`` for a str: json.dumps, but lone surrogates escaped as JavaScript does."""
    text = json.dumps(s, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[\ud800-\udfff]", lambda m: "\\u%04x" % ord(m.group()), text)


with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "inputs.json"), encoding="utf-8") as f:
    inputs = json.load(f)
for group, strings in inputs["strings"].items():
    show("#", group)
    for s in strings:
        show(js_stringify(s), gnet.isIP(s), gnet.isIPv4(s), gnet.isIPv6(s))
