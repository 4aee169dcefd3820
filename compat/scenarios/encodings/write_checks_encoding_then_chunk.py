from array import array

from compat.trace import show
from gnet.js.encodings import to_bytes

nan = float("nan")
cases = [
    ["x", "bogus"], ["x", 5], ["x", True], ["x", []], ["x", None], ["x", 0], ["x", ""], ["x", False],
    ["x", nan], ["x", "UTF-8"], ["\u00e9\u0141\ud83d", "ascii"], ["\u00e9\u0141\ud83d", "latin1"],
    ["\u00e9\u0141\ud83d", "BINARY"], ["a\ud800b\ud83d\ude00", "utf8"], ["a\ud800\ud83d\ude00", "ucs2"],
    ["QUJ DRA", "BASE64"], ["-_8", "base64url"], ["abz", "hex"], [5, "utf8"], [5, "bogus"], [{}, None],
    [b"b", "bogus"], [bytearray(b"c"), "hex"], [b"d", "buffer"],
    [memoryview(b"\x65\x66"), None], [memoryview(array("H", [0x6867])), "latin1"], [None, "utf8"],
    [None, "bogus"],
]
sent = []
for i, (data, encoding) in enumerate(cases):
    try:
        sent.append(to_bytes(data, encoding))
        show(i, "ok")
    except Exception as err:
        show(i, err, str(err))
show("received", b"".join(sent))
