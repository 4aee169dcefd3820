"""Node's encodings: names, ``str`` to ``bytes`` as ``Buffer.from`` does, and ``string_decoder``.

Node has seven encodings, each with a canonical name: ``utf8``, ``utf16le``,
``latin1``, ``ascii``, ``hex``, ``base64``, ``base64url``. ``normalize`` maps
every spelling Node accepts to one of them; ``encode`` turns a ``str`` into
the bytes ``Buffer.from(str, encoding)`` gives; ``to_bytes`` is the check and
conversion ``socket.write``/``socket.end`` apply to their data;
``StringDecoder`` is Node's ``string_decoder`` (``socket.setEncoding``).

A JavaScript string is a sequence of UTF-16 code units and may hold lone
surrogates. A Python ``str`` stands for the JavaScript string with the same
UTF-16 code units: ``'\\U0001f600'`` and ``'\\ud83d\\ude00'`` are the same
JavaScript string, and ``'\\ud800'`` is a lone surrogate. Encoders read a
``str`` that way; decoders return astral characters joined (``'\\U0001f600'``)
and unpaired surrogates as lone code points.

Differs from Node: a surrogate pair that Node's decoder hands out split over
two pieces (utf16le only, see ``StringDecoder``) stays two code points when the
Python pieces are concatenated, where JavaScript's ``+`` would pair them.
"""

import binascii
import re

from gnet.js import errors

__all__ = ["ENCODINGS", "normalize", "is_encoding", "write_encoding", "encode", "decode",
           "to_bytes", "shown", "StringDecoder", "os_path"]

#: Node's canonical encoding names.
ENCODINGS = ("utf8", "utf16le", "latin1", "ascii", "hex", "base64", "base64url")

# Every lower-cased spelling Node's normalizeEncoding (lib/internal/util.js)
# accepts. Node lower-cases the name before comparing, so 'Utf-8' and 'BaSe64'
# are valid too; nothing else is ('utf16', 'latin-1', ' utf8' are not).
_ALIASES = {
    "utf8": "utf8", "utf-8": "utf8",
    "utf16le": "utf16le", "utf-16le": "utf16le", "ucs2": "utf16le", "ucs-2": "utf16le",
    "latin1": "latin1", "binary": "latin1",
    "ascii": "ascii",
    "hex": "hex",
    "base64": "base64",
    "base64url": "base64url",
}


def normalize(name):
    """Node's canonical name for an encoding name, or ``None`` when Node knows no such encoding.

    As Node's internal ``normalizeEncoding``, ``None`` (``undefined``/``null``)
    and ``''`` mean ``'utf8'``; a name that is not a ``str`` is unknown.
    """
    if name is None:
        return "utf8"
    if not isinstance(name, str):
        return None
    canonical = _ALIASES.get(name)
    if canonical is None:
        if name == "":
            return "utf8"
        canonical = _ALIASES.get(name.lower())
    return canonical


def is_encoding(name):
    """``Buffer.isEncoding(name)``: a non-empty ``str`` that Node knows as an encoding."""
    return isinstance(name, str) and name != "" and normalize(name) is not None


def _js_falsy(value):
    # JavaScript's falsy values as gnet spells them: undefined/null, false, 0, NaN, ''.
    if value is None or value is False or value == "":
        return True
    if isinstance(value, (int, float)):
        return value == 0 or value != value
    return False


def shown(name):
    """An encoding name as ERR_UNKNOWN_ENCODING prints it, with util.format's
    '%s': a string as it is, anything else as Node prints the JavaScript value."""
    return name if isinstance(name, str) else errors.js_inspect(name)


def write_encoding(encoding, default="utf8"):
    """The encoding ``Writable.write(chunk, encoding)`` uses, or raise as it does.

    A falsy ``encoding`` (``None``, ``''``, ``0``, ``False``, NaN) is the
    stream's default; ``'buffer'`` is accepted as it is; any other name must be
    one Node knows (``ERR_UNKNOWN_ENCODING`` otherwise). Returns the canonical
    name, or ``'buffer'``.
    """
    if _js_falsy(encoding):
        return default
    if encoding == "buffer":
        return "buffer"
    canonical = normalize(encoding) if isinstance(encoding, str) else None
    if canonical is None:
        raise errors.ERR_UNKNOWN_ENCODING(shown(encoding))
    return canonical


def to_bytes(data, encoding=None, default="utf8"):
    """``socket.write(data, encoding)``'s data as bytes, checked in Node's order.

    ``None`` is Node's ``null`` (``ERR_STREAM_NULL_VALUES``); then the encoding
    is checked as ``write_encoding`` does, even for bytes; then ``bytes`` come
    back as they are (no copy), a ``str`` encoded with ``encode``, and any
    other object with the buffer protocol (``bytearray``, ``memoryview``, an
    ``array.array``: Node's Uint8Array, TypedArray or DataView) as a ``bytes``
    copy of its memory, in the machine's byte order, as Node sends a
    TypedArray's. Anything else is ``ERR_INVALID_ARG_TYPE``.

    Differs from Node: a ``str`` with the encoding ``'buffer'`` raises
    ``ERR_INVALID_ARG_TYPE`` with gnet's message, where Node's C++ layer
    says "Second argument must be a buffer".
    """
    if encoding is None and type(data) is bytes:
        return data
    if data is None:
        raise errors.ERR_STREAM_NULL_VALUES()
    encoding = write_encoding(encoding, default)
    if isinstance(data, str):
        if encoding == "buffer":
            raise errors.ERR_INVALID_ARG_TYPE("chunk", "Buffer", data)
        return encode(data, encoding)
    if type(data) is bytes:
        return data
    try:
        return bytes(memoryview(data))
    except TypeError:
        raise errors.ERR_INVALID_ARG_TYPE(
            "chunk", ["string", "Buffer", "TypedArray", "DataView"], data) from None


# ---------------------------------------------------------------------------
# str -> bytes, as Buffer.from(string, encoding)

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_HEX_PAIRS = re.compile(b"(?:[0-9a-fA-F]{2})*")
# Node's base64 decoder takes both alphabets ('+' or '-' is 62, '/' or '_' is
# 63) and skips every other character; '=' ends the input (see _encode_base64).
_BASE64_KEEP = bytes(range(256)).translate(
    None, b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_")
_BASE64_URL_TO_STD = bytes.maketrans(b"-_", b"+/")


def _code_unit_bytes(text):
    """Each UTF-16 code unit of ``text`` cut to its low byte.

    Node reads a string that way for 'latin1', 'ascii' (``WriteOneByte``) and,
    through a ``uint8_t`` cast of each unit, for 'hex' and 'base64': '\\u0141'
    is 'A' to Node's base64 decoder.
    """
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return text.encode("utf-16-le", "surrogatepass")[::2]


def _encode_utf8(text):
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        pass
    # Pair surrogates that stand next to each other (one JavaScript character),
    # then every surrogate left alone is U+FFFD, as in V8's UTF-8 writer.
    paired = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return _LONE_SURROGATE.sub("\ufffd", paired).encode("utf-8")


def os_path(text):
    """A path (a Unix socket's) as the bytes Node hands the OS: UTF-8, a lone
    surrogate as U+FFFD. Python's own encoding of a ``str`` path refuses
    '\ud800', where Node listens or connects."""
    return _encode_utf8(text)


def _encode_utf16le(text):
    return text.encode("utf-16-le", "surrogatepass")


def _encode_hex(text):
    # Node decodes pairs of hex digits until the first pair that is not one,
    # and drops a lone trailing digit: 'abz' is b'\xab', 'zz12' is b''.
    raw = _code_unit_bytes(text)
    end = _HEX_PAIRS.match(raw).end()
    return bytes.fromhex(raw[:end].decode("ascii"))


def _encode_base64(text):
    # Node's decoder (src/base64-inl.h, v20) is lenient: it stops at the first
    # '=', skips characters outside both alphabets (whitespace included), and
    # drops a last group of one character and any bits past the last byte.
    raw = _code_unit_bytes(text)
    stop = raw.find(b"=")
    if stop >= 0:
        raw = raw[:stop]
    raw = raw.translate(_BASE64_URL_TO_STD, _BASE64_KEEP)
    extra = len(raw) % 4
    if extra == 1:
        raw = raw[:-1]
    elif extra:
        raw += b"=" * (4 - extra)
    return binascii.a2b_base64(raw)


_ENCODERS = {
    "utf8": _encode_utf8,
    "utf16le": _encode_utf16le,
    "latin1": _code_unit_bytes,
    # Node writes 'ascii' exactly as 'latin1': each code unit's low byte.
    "ascii": _code_unit_bytes,
    "hex": _encode_hex,
    "base64": _encode_base64,
    "base64url": _encode_base64,
}


def encode(text, encoding="utf8"):
    """``Buffer.from(text, encoding)``: the bytes Node makes of a string.

    ``encoding`` is any name ``normalize`` knows (``ERR_UNKNOWN_ENCODING``
    otherwise); as in ``Buffer.from``, one that is not a non-empty ``str``
    (``None`` included) means ``'utf8'``.
    """
    if not isinstance(text, str):
        raise errors.ERR_INVALID_ARG_TYPE(
            "first argument", ["string", "Buffer", "ArrayBuffer", "Array", "Array-like Object"], text)
    if encoding == "utf8":
        return _encode_utf8(text)
    if not isinstance(encoding, str) or encoding == "":
        canonical = "utf8"
    else:
        canonical = normalize(encoding)
        if canonical is None:
            raise errors.ERR_UNKNOWN_ENCODING(encoding)
    return _ENCODERS[canonical](text)


# ---------------------------------------------------------------------------
# bytes -> str, as buf.toString(encoding)

# Node's 'ascii' decoding clears the high bit of each byte instead of failing.
_ASCII_MASK = bytes(b & 0x7F for b in range(256))


def _decode_utf8(data):
    # V8 replaces each maximal invalid subpart with one U+FFFD (the WHATWG
    # rule), as CPython's 'replace' handler does; compat/scenarios/encodings/
    # utf8_invalid_sequences pins the two together.
    return str(data, "utf-8", "replace")


def _decode_utf16le(data):
    if len(data) % 2:
        data = data[:-1]
    return str(data, "utf-16-le", "surrogatepass")


def _decode_latin1(data):
    return str(data, "latin-1")


def _decode_ascii(data):
    return bytes(data).translate(_ASCII_MASK).decode("ascii")


def _decode_hex(data):
    return bytes(data).hex()


def _decode_base64(data):
    return binascii.b2a_base64(data, newline=False).decode("ascii")


def _decode_base64url(data):
    # Node's base64url output has no '=' padding.
    return binascii.b2a_base64(data, newline=False).decode("ascii").rstrip("=").translate(_URL_SAFE)


_URL_SAFE = str.maketrans("+/", "-_")

_DECODERS = {
    "utf8": _decode_utf8,
    "utf16le": _decode_utf16le,
    "latin1": _decode_latin1,
    "ascii": _decode_ascii,
    "hex": _decode_hex,
    "base64": _decode_base64,
    "base64url": _decode_base64url,
}


def decode(data, encoding="utf8"):
    """``buf.toString(encoding)``: the string Node makes of bytes, in one piece.

    A trailing odd byte is dropped in 'utf16le'; invalid UTF-8 becomes U+FFFD.
    An unknown name is ``ERR_UNKNOWN_ENCODING``; ``None`` means ``'utf8'``.
    """
    canonical = normalize(encoding)
    if canonical is None:
        raise errors.ERR_UNKNOWN_ENCODING(shown(encoding))
    return _DECODERS[canonical](data)


# ---------------------------------------------------------------------------
# string_decoder

class StringDecoder:
    """Node's ``string_decoder.StringDecoder``: bytes to text, chunk by chunk.

    https://nodejs.org/docs/latest-v20.x/api/string_decoder.html

    ``write(buf)`` returns the text of ``buf`` and keeps back the bytes of a
    character it cuts (utf8, a utf16le code unit or surrogate pair, a base64
    group of three bytes); ``end(buf=None)`` writes ``buf`` and flushes what
    is kept back, an incomplete UTF-8 character as U+FFFD. ``buf`` is
    ``bytes``, ``bytearray`` or ``memoryview``; a ``str`` is returned as it is.

    The rules are those of Node's C++ decoder (src/string_decoder.cc), quirks
    included: a UTF-8 character cut by a byte that cannot continue it is
    replaced at once; a utf16le chunk of odd length hands out a high surrogate
    without its pair.

    Differs from Node: of the legacy, undocumented properties only
    ``lastNeed`` and ``lastTotal`` exist (no ``lastChar``, no ``text()``).
    """

    def __init__(self, encoding=None):
        canonical = normalize(encoding)
        if canonical is None:
            raise errors.ERR_UNKNOWN_ENCODING(shown(encoding))
        #: The canonical name of the encoding, as ``decoder.encoding`` in Node.
        self.encoding = canonical
        self._make_string = _DECODERS[canonical]
        # The cut character's bytes seen so far, and how many more it needs
        # (Node's kBufferedBytes and kMissingBytes).
        self._kept = b""
        self._missing = 0
        self._write = {
            "utf8": self._write_utf8,
            "utf16le": self._write_utf16le,
            "base64": self._write_base64,
            "base64url": self._write_base64,
        }.get(canonical, self._make_string)

    def write(self, buf):
        """Text for ``buf``, without a character cut at its end (held for the next call)."""
        if type(buf) is not bytes:
            if isinstance(buf, str):
                return buf
            if isinstance(buf, memoryview):
                buf = buf.tobytes()
            elif not isinstance(buf, (bytes, bytearray)):
                raise errors.ERR_INVALID_ARG_TYPE("buf", ["Buffer", "TypedArray", "DataView"], buf)
        return self._write(buf)

    def end(self, buf=None):
        """``write(buf)`` (when given), then the held bytes as text; the decoder can be reused."""
        text = "" if buf is None else self.write(buf)
        if self._kept:
            text += self._flush()
        return text

    # Node's legacy, undocumented views of the held character.
    @property
    def lastNeed(self):
        return self._missing

    @property
    def lastTotal(self):
        return len(self._kept) + self._missing

    def _complete_kept(self, buf):
        """Feed the held character from ``buf``'s start.

        Returns its bytes once complete (else ``None``) and where the rest of ``buf`` begins.
        """
        take = min(len(buf), self._missing)
        self._kept += buf[:take]
        self._missing -= take
        if self._missing:
            return None, take
        kept, self._kept = self._kept, b""
        return kept, take

    def _write_utf8(self, buf):
        n = len(buf)
        if not self._missing:
            if not n or buf[-1] < 0x80:
                return str(buf, "utf-8", "replace")
            start, head = 0, ""
        else:
            # A byte that cannot continue the held character ends it early
            # (it is replaced, as V8 would); that byte starts the rest.
            for i in range(min(n, self._missing)):
                if buf[i] & 0xC0 != 0x80:
                    self._kept += buf[:i]
                    self._missing = 0
                    start = i
                    break
            else:
                start = min(n, self._missing)
                self._kept += buf[:start]
                self._missing -= start
                if self._missing:
                    return ""
            head = str(self._kept, "utf-8", "replace")
            self._kept = b""
            if start == n:
                return head
        end = n
        if buf[-1] & 0x80:
            # Walk back over continuation bytes to the lead byte of the last
            # character; keep it back if the chunk has fewer bytes than the
            # lead byte announces. Four continuation bytes in a row, or only
            # continuation bytes back to the start of the rest, cut nothing.
            count = 0
            i = n - 1
            while True:
                count += 1
                byte = buf[i]
                if byte & 0xC0 == 0x80:
                    if count >= 4 or i == start:
                        break
                    i -= 1
                    continue
                if byte & 0xE0 == 0xC0:
                    need = 2
                elif byte & 0xF0 == 0xE0:
                    need = 3
                elif byte & 0xF8 == 0xF0:
                    need = 4
                else:
                    break
                if count < need:
                    self._missing = need - count
                    end = n - count
                    self._kept = buf[end:]
                break
        if end == n and not start:
            return head + str(buf, "utf-8", "replace")
        if end > start:
            return head + str(buf[start:end], "utf-8", "replace")
        return head

    def _write_utf16le(self, buf):
        start, head = 0, b""
        if self._missing:
            head, start = self._complete_kept(buf)
            if head is None:
                return ""
        end = n = len(buf)
        if end > start:
            if (n - start) % 2:
                keep = 1
            elif buf[-1] & 0xFC == 0xD8:
                # The last code unit is a high surrogate: wait for its pair.
                keep = 2
            else:
                keep = 0
            if keep:
                self._missing = keep
                end = n - keep
                self._kept = buf[end:]
        # One decode for the held unit and the rest, so a surrogate pair split
        # over them comes out as one character, as JavaScript's '+' pairs them.
        return str(head + buf[start:end], "utf-16-le", "surrogatepass")

    def _write_base64(self, buf):
        start, head = 0, ""
        if self._missing:
            kept, start = self._complete_kept(buf)
            if kept is None:
                return ""
            head = self._make_string(kept)
        end = n = len(buf)
        keep = (n - start) % 3
        if keep:
            self._missing = 3 - keep
            end = n - keep
            self._kept = buf[end:]
        if end > start:
            return head + self._make_string(buf[start:end])
        return head

    def _flush(self):
        kept, self._kept, self._missing = self._kept, b"", 0
        if self.encoding == "utf16le" and len(kept) % 2:
            # Node ignores a lone trailing byte.
            kept = kept[:-1]
        return self._make_string(kept) if kept else ""
