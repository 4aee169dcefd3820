from compat.trace import show
from gnet.js.encodings import StringDecoder

data = bytes.fromhex("fbff00fefd41fc4243ff3e3f")
for encoding in ["base64", "base64url"]:
    for n in range(len(data) + 1):
        stream = data[:n]
        for i in range(n + 1):
            for j in range(i, n + 1):
                d = StringDecoder(encoding)
                show(encoding, n, i, j,
                     [d.write(stream[:i]), d.write(stream[i:j]), d.write(stream[j:]), d.end()])
