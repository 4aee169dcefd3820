"""Node's ``ClientHelloParser``: the session id of a ClientHello, read before OpenSSL sees it.

A server with 'resumeSession' or 'newSession' listeners reads the client's
first record itself (Node's src/crypto/crypto_clienthello.cc), so that the
'resumeSession' listener can give the session back before OpenSSL looks the
id up. ``parse`` reads as Node's parser does, leniently: what it cannot make
sense of is OpenSSL's to refuse.
"""

__all__ = ["parse", "MORE", "END"]

#: Not enough bytes yet.
MORE = "more"
#: Not a ClientHello Node reads: the parser ends without a hello.
END = "end"

_CHANGE_CIPHER_SPEC, _ALERT, _HANDSHAKE, _APPLICATION_DATA = 20, 21, 22, 23
_CLIENT_HELLO = 1
_SERVER_NAME, _SESSION_TICKET = 0, 35
#: Node's ``kMaxTLSFrameLen``.
_MAX_FRAME = 16 * 1024 + 5


def parse(data):
    """``MORE``, ``END``, or the hello: ``{'sessionId': bytes, 'servername': str,
    'tlsTicket': bool}`` (Node's ``onclienthello`` argument)."""
    if len(data) < 5:
        return MORE
    if data[0] not in (_CHANGE_CIPHER_SPEC, _ALERT, _HANDSHAKE, _APPLICATION_DATA):
        return END
    frame_len = (data[3] << 8) + data[4]
    if frame_len >= _MAX_FRAME:
        return END
    body = 5
    avail = len(data)
    if body + frame_len > avail:
        return MORE
    if avail < body + 6 or data[body + 4] != 3 or not 1 <= data[body + 5] <= 3:
        return END
    session_id, ticket, servername = b"", False, b""
    if data[body] == _CLIENT_HELLO:
        parsed = _parse_client_hello(data, body, avail)
        if parsed is None:
            return END
        session_id, ticket, servername = parsed
    return {"sessionId": session_id, "servername": servername.decode("latin-1"), "tlsTicket": ticket}


def _parse_client_hello(data, body, avail):
    # Frame header, hello header, protocol version and random, as Node skips them.
    offset = body + 4 + 2 + 32
    if offset + 1 >= avail:
        return None
    size = data[offset]
    if size > 32 or offset + 1 + size > avail:
        return None
    session_id = bytes(data[offset + 1:offset + 1 + size])
    cipher = offset + 1 + size
    if cipher + 1 >= avail:
        return None
    comp = cipher + 2 + ((data[cipher] << 8) + data[cipher + 1])
    if comp >= avail:
        return None
    ext = comp + 1 + data[comp]
    if ext > avail:
        return None
    ticket, servername = False, b""
    if ext == avail:
        return session_id, ticket, servername
    ext += 2
    while ext < avail:
        if ext + 4 > avail:
            return None
        ext_type = (data[ext] << 8) + data[ext + 1]
        ext_len = (data[ext + 2] << 8) + data[ext + 3]
        ext += 4
        if ext + ext_len > avail:
            return None
        if ext_type == _SESSION_TICKET:
            ticket = ext_len != 0
        elif ext_type == _SERVER_NAME:
            servername = _servername(data[ext:ext + ext_len]) or servername
        ext += ext_len
    return session_id, ticket, servername


def _servername(ext):
    if len(ext) < 2:
        return None
    names_len = (ext[0] << 8) + ext[1]
    if names_len + 2 > len(ext):
        return None
    name = None
    offset = 2
    while offset < 2 + names_len:
        if offset + 3 > len(ext) or ext[offset] != 0:
            return name
        name_len = (ext[offset + 1] << 8) + ext[offset + 2]
        offset += 3
        if offset + name_len > len(ext):
            return name
        name = bytes(ext[offset:offset + name_len])
        offset += name_len
    return name
