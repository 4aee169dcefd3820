import json
import os

from compat.trace import show
from gnet.js.encodings import StringDecoder, decode

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "utf8_sequences.json")) as f:
    sequences = json.load(f)


def units(s):
    b = s.encode("utf-16-le", "surrogatepass")
    return ".".join("%x" % int.from_bytes(b[i:i + 2], "little") for i in range(0, len(b), 2))


for hex_ in sequences:
    data = bytes.fromhex(hex_)
    show(hex_, "toString", units(decode(data, "utf8")))
    d = StringDecoder("utf8")
    show(hex_, "whole", [units(d.write(data)), units(d.end())])
    for i in range(len(data) + 1):
        d = StringDecoder("utf8")
        show(hex_, "split", i, [units(d.write(data[:i])), units(d.write(data[i:])), units(d.end())])
    d = StringDecoder("utf8")
    pieces = [units(d.write(data[i:i + 1])) for i in range(len(data))]
    pieces.append(units(d.end()))
    show(hex_, "bytewise", pieces)
