from array import array

from compat.trace import show
from gnet.js.encodings import StringDecoder


def units(s):
    b = s.encode("utf-16-le", "surrogatepass")
    return ".".join("%x" % int.from_bytes(b[i:i + 2], "little") for i in range(0, len(b), 2))


h = bytes.fromhex
d = StringDecoder()
show("default", d.encoding)
show("partial", units(d.write(h("41e282"))), d.lastNeed, d.lastTotal)
show("string", units(d.write("b\u00e9")), d.lastNeed, d.lastTotal)
show("empty", units(d.write(b"")), d.lastNeed, d.lastTotal)
show("end with buf", units(d.end(h("ac42f09f"))), d.lastNeed, d.lastTotal)
show("reused", units(d.write(bytearray(h("c3")))), units(d.end(memoryview(h("a9")))))
show("end empty", units(d.end()), units(d.end(b"")))
show("flush 3 of 4", units(d.write(h("f09f98"))), units(d.end()))
show("uint16", units(d.write(memoryview(array("H", [0x4241, 0xa9c3])))))
show("dataview", units(d.write(memoryview(bytearray(h("e282ac"))))))
for bad in [5, None, {}, [1, 2], True]:
    try:
        d.write(bad)
    except Exception as err:
        show("bad", err, str(err))
for name in ["base64", "base64url"]:
    d = StringDecoder(name)
    show(name, d.write(h("fbff")), d.lastNeed, d.lastTotal, d.end(), d.lastNeed)
    show(name, d.write(h("fb")), d.end(h("ff00fe")))
d = StringDecoder("utf16le")
show("utf16le", units(d.write(h("3dd800"))), d.lastNeed, d.lastTotal, units(d.end()))
show("utf16le", units(d.write(h("3dd8"))), d.lastNeed, d.lastTotal, units(d.end()))
show("utf16le", units(d.write(h("3dd800"))), units(d.write(h("de"))))
show("utf16le", units(d.write(h("3dd8"))), units(d.write(h("00"))), d.lastNeed, d.lastTotal, units(d.end()))
