from compat.trace import show
from gnet.js.encodings import StringDecoder, encode


def units(s):
    b = s.encode("utf-16-le", "surrogatepass")
    return ".".join("%x" % int.from_bytes(b[i:i + 2], "little") for i in range(0, len(b), 2))


data = encode("a\u00e9\u20ac\U0001f600z\u4e2d\u07ff\U00010000", "utf8")
show("bytes", data)
for i in range(len(data) + 1):
    for j in range(i, len(data) + 1):
        d = StringDecoder("utf8")
        show(i, j, [units(d.write(data[:i])), units(d.write(data[i:j])), units(d.write(data[j:])),
                    units(d.end())])
