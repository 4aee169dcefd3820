"""Values that are not strings answer 0/False (tokens in inputs.json, "non_strings")."""
import json
import os

import gnet
from compat.trace import show

#: JavaScript values with no JSON spelling; json.loads reads NaN and the infinities itself.
SPECIAL = {"undefined": None}

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "inputs.json"), encoding="utf-8") as f:
    inputs = json.load(f)
for token in inputs["non_strings"]:
    if token == "(no argument)":
        args = ()
    elif token in SPECIAL:
        args = (SPECIAL[token],)
    else:
        args = (json.loads(token),)
    show(token, gnet.isIP(*args), gnet.isIPv4(*args), gnet.isIPv6(*args))
