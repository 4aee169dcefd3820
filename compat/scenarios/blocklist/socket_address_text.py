import json
import os
import sys

import gnet
from compat.trace import show

sys.stdout.reconfigure(encoding="utf-8")

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "addresses.json"), encoding="utf-8") as f:
    inputs = json.load(f)
for family, groups in inputs.items():
    for group, strings in groups.items():
        show('#', family, group)
        for address in strings:
            try:
                result = gnet.SocketAddress(address=address, family=family).address
            except gnet.NodeError as e:
                result = e.code
            show(json.dumps(address, ensure_ascii=False, separators=(",", ":")), result)
