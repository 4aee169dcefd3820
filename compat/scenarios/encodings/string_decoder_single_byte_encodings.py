from compat.trace import show
from gnet.js.encodings import StringDecoder


def units(s):
    b = s.encode("utf-16-le", "surrogatepass")
    return ".".join("%x" % int.from_bytes(b[i:i + 2], "little") for i in range(0, len(b), 2))


every_byte = bytes(range(256))
data = bytes.fromhex("00417f80c3a9e9ff")
for encoding in ["hex", "latin1", "binary", "ascii"]:
    show(encoding, "all", units(StringDecoder(encoding).write(every_byte)))
    for i in range(len(data) + 1):
        d = StringDecoder(encoding)
        show(encoding, i, [units(d.write(data[:i])), units(d.write(data[i:])), units(d.end()),
                           d.lastNeed, d.lastTotal])
