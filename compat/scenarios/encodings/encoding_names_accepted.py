import json

from compat.trace import show
from gnet.js.encodings import StringDecoder, is_encoding, write_encoding

names = ["utf8", "utf-8", "UTF-8", "Utf-8", "UTF8", "uTf8", "latin1", "LATIN1", "binary",
         "Binary", "ascii", "ASCII", "Ascii", "hex", "HEX", "hEx", "base64", "BASE64", "Base64",
         "base64url", "BASE64URL", "base64Url", "utf16le", "UTF16LE", "Utf16le", "utf-16le", "UTF-16LE",
         "ucs2", "UCS2", "Ucs2", "ucs-2", "UCS-2", "uCs-2", "buffer", "BUFFER", "", "utf16", "utf-16",
         "utf-16be", "latin-1", "iso-8859-1", "us-ascii", "base-64", "b64", "ucs-4", "utf32", " utf8",
         "utf8 ", "utf_8", "UTF\u2010\u0038", "\u212Aascii", None, 5, 0, True, False, [], {}]
for name in names:
    try:
        decoder = StringDecoder(name).encoding
    except Exception as err:
        decoder = [err, str(err)]
    write = "ok"
    try:
        write_encoding(name)
    except Exception as err:
        write = [err, str(err)]
    show(json.dumps(name, ensure_ascii=False), is_encoding(name), decoder, write)
