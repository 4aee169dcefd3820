"""A chat server: a client's first line is its name, every later line goes to
everyone else in the room.

Shows line framing over ``setEncoding('utf8')``, a broadcast to the other
connections that cuts off a member who stops reading (``writableLength``)
rather than buffering for them without end, ``server.maxConnections`` with
the ``'drop'`` event, ``server.getConnections()``, and leaving announced on
the socket's ``'close'``.

    python examples/chat.py [port]        # port 8124 by default, 0 for any free one
    nc 127.0.0.1 8124                     # in two or more terminals

``/who`` lists the room. ``CHAT_MAX_CONNECTIONS`` (default 100) caps it;
connections past the cap are closed at once and the server logs the 'drop'.
Ctrl-C or a TERM (``gnet.process``'s signal events) tells everyone goodbye.
Under gunicorn run one worker: each worker process has a room of its own.

    gunicorn -k gnet.gunicorn.Worker -w 1 -b 127.0.0.1:8124 --chdir examples chat:server
"""

from __future__ import annotations

import os
import sys
from typing import Any

import gnet

MAX_CONNECTIONS = int(os.environ.get('CHAT_MAX_CONNECTIONS', '100'))
#: Longest line a client may send, in characters.
MAX_LINE = 4096
#: Bytes queued for a client that does not read before it is cut off,
#: so that one stalled reader cannot make the server buffer without end.
MAX_BACKLOG = 1 << 20

#: The room: every client that has given a name.
members: dict[gnet.Socket, str] = {}
#: Every connected client, named or not.
clients: set[gnet.Socket] = set()


def broadcast(text: str, sender: gnet.Socket | None = None) -> None:
    """Send ``text`` to every member but ``sender``."""
    for sock in list(members):
        if sock is sender or sock.writableEnded:
            continue
        sock.write(text)
        if sock.writableLength > MAX_BACKLOG:
            sock.destroy()


def on_connection(sock: gnet.Socket) -> None:
    name: str | None = None
    pending = ''

    def on_line(line: str) -> None:
        nonlocal name
        if name is None:
            if not line or line in members.values():
                sock.write('That name is empty or taken. Your name?\n')
                return
            name = line
            others = sorted(members.values())
            members[sock] = name
            sock.write(f"Hi {name}! Here: {', '.join(others) or 'nobody yet'}.\n")
            broadcast(f'* {name} joined\n', sock)
        elif line == '/who':
            def reply(err: Exception | None, count: int) -> None:
                if not sock.writableEnded:          # it may have left meanwhile
                    names = ', '.join(sorted(members.values()))
                    sock.write(f'{count} connected, in the room: {names}\n')
            server.getConnections(reply)
        else:
            broadcast(f'{name}: {line}\n', sock)

    def on_data(chunk: str) -> None:
        nonlocal pending
        if sock.writableEnded:                      # we are saying goodbye
            return
        pending += chunk
        *lines, pending = pending.split('\n')
        for line in lines:
            on_line(line.rstrip('\r'))
        if len(pending) > MAX_LINE:
            sock.end('Line too long, bye.\n')

    def on_close() -> None:
        clients.discard(sock)
        left = members.pop(sock, None)
        if left is not None:
            broadcast(f'* {left} left\n')

    def on_error(err: Exception) -> None:
        # A client that vanishes (ECONNRESET) must not bring the server down;
        # 'close' follows and announces it.
        print(f'client error: {err}', file=sys.stderr, flush=True)

    clients.add(sock)
    sock.setEncoding('utf8')
    sock.on('data', on_data)
    sock.on('close', on_close)
    sock.on('error', on_error)
    sock.write('Welcome! Your name?\n')


def on_drop(data: dict[str, Any] | None = None) -> None:
    peer = f"{data['remoteAddress']}:{data['remotePort']}" if data else 'a client'
    print(f'room full: dropped {peer}', flush=True)


def on_listening() -> None:
    address = server.address()
    print(f"listening on {address['port'] if isinstance(address, dict) else address}", flush=True)
    # Installed once the server is up rather than at import; under gunicorn
    # this runs in each worker, and its TERM (a stop or a reload) reaches
    # this listener as well as the worker's own handler.
    gnet.process.on('SIGTERM', say_goodbye)


server = gnet.createServer(on_connection)
server.maxConnections = MAX_CONNECTIONS
server.on('drop', on_drop)
server.on('listening', on_listening)


def say_goodbye() -> None:
    """Stop accepting and tell everyone; the loop ends once they have gone."""
    if server.listening:
        server.close()
    for sock in list(clients):
        sock.end('* server shutting down\n')


def on_sigint() -> None:
    """Ctrl-C says goodbye; a second one exits at once."""
    if not server.listening:
        gnet.process.exit(130)
    say_goodbye()


def main(argv: list[str]) -> None:
    port = int(argv[1]) if len(argv) > 1 else 8124
    gnet.process.on('SIGINT', on_sigint)
    server.listen(port)
    gnet.run()


if __name__ == '__main__':
    main(sys.argv)
