from compat.trace import show
from gnet.js.encodings import StringDecoder, encode


def units(s):
    b = s.encode("utf-16-le", "surrogatepass")
    return ".".join("%x" % int.from_bytes(b[i:i + 2], "little") for i in range(0, len(b), 2))


for text in ["A\U0001f600\u00e9\ud83dB\ude00\U00010000", "x\ud83d"]:
    for extra in [b"", b"\x41"]:
        data = encode(text, "utf16le") + extra
        show("bytes", data)
        for i in range(len(data) + 1):
            for j in range(i, len(data) + 1):
                d = StringDecoder("ucs2")
                show(i, j, [units(d.write(data[:i])), units(d.write(data[i:j])), units(d.write(data[j:])),
                            units(d.end())])
