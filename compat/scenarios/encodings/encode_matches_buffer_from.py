import json
import os

from compat.trace import show
from gnet.js.encodings import encode

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "tricky_strings.json")) as f:
    strings = json.load(f)

names = ["utf8", "UTF-8", "utf16le", "utf-16le", "ucs2", "UCS-2", "latin1", "binary",
         "ascii", "hex", "HEX", "base64", "base64url", "Base64URL"]
for name in names:
    for i, s in enumerate(strings):
        show(name, i, encode(s, name))
