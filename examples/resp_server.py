"""A key-value server speaking a subset of Redis's protocol (RESP2), enough for
``redis-cli`` and the ``redis`` Python client: PING, ECHO, SET (with EX, PX,
NX, XX), GET, DEL, EXISTS, QUIT.

Shows a binary protocol read incrementally from ``'data'`` chunks (several
commands may come in one read, one command may be split over several), the
replies to a pipeline sent in one ``write()``, a client that sends faster than
it reads paused until ``'drain'``, protocol errors answered as Redis answers
them, and key expiry with ``gnet.setTimeout`` timers that are ``unref()``'d so
they never keep the process alive.

    python examples/resp_server.py [port]        # 6380 by default, 0 for any free one
    redis-cli -p 6380 set greeting hello
    redis-cli -p 6380 get greeting
    python -c "import redis; print(redis.Redis(port=6380).ping())"

MULTI/EXEC are not implemented, so use ``r.pipeline(transaction=False)`` with
the ``redis`` client (its default pipeline is a transaction). Under gunicorn
each worker process has its own keys; see examples/README.md.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import gnet
from gnet.eventloop.timers import Timeout

CRLF = b'\r\n'
#: Redis's limits: the longest inline command and the largest bulk string.
MAX_INLINE = 64 * 1024
MAX_BULK = 512 * 1024 * 1024

#: The keys, and the expiry timer of each key that has one.
store: dict[bytes, bytes] = {}
expiries: dict[bytes, Timeout] = {}


class ProtocolError(Exception):
    """The client sent something that is not RESP; the connection is closed."""


class CommandError(Exception):
    """A command that cannot run; the client gets ``-ERR <message>``."""


# ----------------------------------------------------------------------
# Reading: RESP arrays of bulk strings (what clients send), and inline
# commands (what you type into nc or telnet).

class Parser:
    """Commands out of a byte stream: ``feed()`` each 'data' chunk, then take
    the commands it completed with ``next_command()`` until it returns None;
    an incomplete one waits for the next chunk."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.pos = 0                    # where the next command starts

    def feed(self, data: bytes) -> None:
        del self.buffer[:self.pos]
        self.pos = 0
        self.buffer += data

    def next_command(self) -> list[bytes] | None:
        """The next complete command, or None; ProtocolError if what comes is not RESP."""
        while self.pos < len(self.buffer):
            parsed = self._command(self.pos)
            if parsed is None:
                return None
            command, self.pos = parsed
            if command:                 # empty lines and *0 get no reply, as in Redis
                return command
        return None

    def _line(self, pos: int, limit: int) -> tuple[bytes, int] | None:
        end = self.buffer.find(b'\n', pos)
        if end < 0:
            if len(self.buffer) - pos > limit:
                raise ProtocolError('too big inline request' if limit == MAX_INLINE else 'too big count')
            return None
        return bytes(self.buffer[pos:end]).rstrip(b'\r'), end + 1

    def _command(self, pos: int) -> tuple[list[bytes], int] | None:
        if self.buffer[pos] != ord('*'):
            line = self._line(pos, MAX_INLINE)
            if line is None:
                return None
            return line[0].split(), line[1]
        header = self._line(pos, 64)
        if header is None:
            return None
        count = _integer(header[0][1:], 'invalid multibulk length')
        pos = header[1]
        command = []
        for _ in range(count):
            bulk_header = self._line(pos, 64)
            if bulk_header is None:
                return None
            text, pos = bulk_header
            if not text.startswith(b'$'):
                raise ProtocolError(f"expected '$', got '{text[:1].decode('latin1')}'")
            size = _integer(text[1:], 'invalid bulk length')
            if not 0 <= size <= MAX_BULK:
                raise ProtocolError('invalid bulk length')
            if len(self.buffer) < pos + size + 2:
                return None
            command.append(bytes(self.buffer[pos:pos + size]))
            pos += size + 2
        return command, pos


def _integer(text: bytes, problem: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ProtocolError(problem) from None


# ----------------------------------------------------------------------
# Writing

def simple(text: str) -> bytes:
    return b'+' + text.encode() + CRLF


def error(message: str) -> bytes:
    return b'-' + message.encode() + CRLF


def integer(n: int) -> bytes:
    return b':%d\r\n' % n


def bulk(value: bytes | None) -> bytes:
    return b'$-1\r\n' if value is None else b'$%d\r\n%s\r\n' % (len(value), value)


# ----------------------------------------------------------------------
# The commands: each takes the arguments after the name and returns its reply.

def set_expiry(key: bytes, ms: int | None) -> None:
    timer = expiries.pop(key, None)
    if timer is not None:
        gnet.clearTimeout(timer)
    if ms is not None:
        def expire() -> None:
            del expiries[key]
            del store[key]
        expiries[key] = gnet.setTimeout(expire, ms).unref()


def delete(key: bytes) -> bool:
    set_expiry(key, None)
    return store.pop(key, None) is not None


def cmd_ping(args: list[bytes]) -> bytes:
    return simple('PONG') if not args else bulk(args[0])


def cmd_echo(args: list[bytes]) -> bytes:
    return bulk(args[0])


def cmd_get(args: list[bytes]) -> bytes:
    return bulk(store.get(args[0]))


def cmd_set(args: list[bytes]) -> bytes:
    key, value, options = args[0], args[1], [a.upper() for a in args[2:]]
    ms: int | None = None
    condition = None
    i = 0
    while i < len(options):
        option = options[i]
        if option in (b'EX', b'PX') and ms is None and i + 1 < len(options):
            try:
                amount = int(options[i + 1])
            except ValueError:
                raise CommandError('value is not an integer or out of range') from None
            if amount <= 0:
                raise CommandError("invalid expire time in 'set' command")
            ms = amount * 1000 if option == b'EX' else amount
            i += 2
        elif option in (b'NX', b'XX') and condition is None:
            condition = option
            i += 1
        else:
            raise CommandError('syntax error')
    if (condition == b'NX' and key in store) or (condition == b'XX' and key not in store):
        return bulk(None)
    store[key] = value
    set_expiry(key, ms)
    return simple('OK')


def cmd_del(args: list[bytes]) -> bytes:
    return integer(sum(delete(key) for key in args))


def cmd_exists(args: list[bytes]) -> bytes:
    return integer(sum(key in store for key in args))


#: name: (function, fewest arguments, most arguments or None for any)
COMMANDS: dict[bytes, tuple[Callable[[list[bytes]], bytes], int, int | None]] = {
    b'PING': (cmd_ping, 0, 1),
    b'ECHO': (cmd_echo, 1, 1),
    b'GET': (cmd_get, 1, 1),
    b'SET': (cmd_set, 2, None),
    b'DEL': (cmd_del, 1, None),
    b'EXISTS': (cmd_exists, 1, None),
}


def execute(command: list[bytes]) -> bytes:
    """The reply to one command, errors included."""
    name, args = command[0], command[1:]
    entry = COMMANDS.get(name.upper())
    if entry is None:
        shown = ' '.join(f"'{a.decode('utf-8', 'replace')}'" for a in args[:3])
        return error(f"ERR unknown command '{name.decode('utf-8', 'replace')}', "
                     f"with args beginning with: {shown}{' ' if shown else ''}")
    function, fewest, most = entry
    if len(args) < fewest or (most is not None and len(args) > most):
        return error(f"ERR wrong number of arguments for '{name.decode().lower()}' command")
    try:
        return function(args)
    except CommandError as err:
        return error(f'ERR {err}')


# ----------------------------------------------------------------------
# The server

def on_connection(sock: gnet.Socket) -> None:
    parser = Parser()

    def on_data(data: bytes) -> None:
        if sock.writableEnded:          # after QUIT or a protocol error
            return
        parser.feed(data)
        replies: list[bytes] = []
        try:
            while (command := parser.next_command()) is not None:
                if command[0].upper() == b'QUIT':
                    sock.end(b''.join(replies) + simple('OK'))
                    return
                replies.append(execute(command))
        except ProtocolError as err:
            sock.end(b''.join(replies) + error(f'ERR Protocol error: {err}'))
            return
        # A whole pipeline's replies in one write; if the client is not reading
        # them, stop reading its commands until they have gone out.
        if replies and not sock.write(b''.join(replies)):
            sock.pause()
            sock.once('drain', sock.resume)

    def on_error(err: Exception) -> None:
        print(f'client error: {err}', file=sys.stderr, flush=True)

    sock.on('data', on_data)
    sock.on('error', on_error)


def on_listening() -> None:
    address = server.address()
    print(f"listening on {address['port'] if isinstance(address, dict) else address}", flush=True)


server = gnet.createServer(on_connection)
server.on('listening', on_listening)


def main(argv: list[str]) -> None:
    port = int(argv[1]) if len(argv) > 1 else 6380
    server.listen(port)
    gnet.run()


if __name__ == '__main__':
    main(sys.argv)
