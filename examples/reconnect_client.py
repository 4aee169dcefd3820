"""A client that stays connected: when its connection fails or drops, it
connects again, waiting longer after each failure (exponential backoff).

Shows a connect timeout (``createConnection``'s ``timeout`` option, whose
``'timeout'`` fires while connecting), an idle timeout once connected
(``setTimeout`` again), ``setEncoding('utf8')`` with line framing, and an
``EventEmitter`` subclass of your own with events for the program above it.

    python examples/chat.py &                            # something to talk to
    python examples/reconnect_client.py [port] [host]    # 8124 on 127.0.0.1 by default

It sends its name (``$RECONNECT_NAME``, or ``client``) each time it
connects, so it joins the chat, and prints every line it receives. Stop the
chat server and start it again to watch it reconnect.
"""

from __future__ import annotations

import os
import random
import sys

import gnet
from gnet.eventloop.timers import Timeout


class ReconnectingClient(gnet.EventEmitter):
    """A line-oriented connection to ``host:port`` that reconnects by itself.

    Events: ``'connect'``; ``'line'`` (str, without its newline);
    ``'disconnect'`` (the error that ended the connection, or None when it
    ended cleanly); ``'reconnect'`` (retry, delay in ms) when the next try is
    scheduled; ``'close'`` once ``close()`` has ended everything.

    The first retry waits ``min_delay_ms``; each connection that then ends
    before the server has sent a line doubles the delay, up to
    ``max_delay_ms``, minus up to ``jitter`` of it at random so that many
    clients do not come back in step. A line from the server starts the count
    again. So a server that accepts and closes at once (one past its
    ``maxConnections``, say) is backed off from too.
    """

    def __init__(self, port: int, host: str = '127.0.0.1', *, connect_timeout_ms: int = 5000,
                 idle_timeout_ms: int = 60000, min_delay_ms: int = 100, max_delay_ms: int = 30000,
                 jitter: float = 0.2) -> None:
        super().__init__()
        self.port, self.host = port, host
        self.connect_timeout_ms, self.idle_timeout_ms = connect_timeout_ms, idle_timeout_ms
        self.min_delay_ms, self.max_delay_ms, self.jitter = min_delay_ms, max_delay_ms, jitter
        self.socket: gnet.Socket | None = None
        self.connected = False
        #: Connections in a row that ended, counting back to the last one on
        #: which the server spoke (that one included).
        self.failures = 0
        self._timer: Timeout | None = None
        self._closing = False

    def start(self) -> ReconnectingClient:
        self._connect()
        return self

    def send(self, line: str) -> bool:
        """Send one line; False (and nothing sent) while not connected."""
        if self.socket is None or not self.connected:
            return False
        self.socket.write(line + '\n')
        return True

    def close(self) -> None:
        """Stop reconnecting and end the connection; 'close' once it has gone."""
        self._closing = True
        if self._timer is not None:
            gnet.clearTimeout(self._timer)
            self._timer = None
        if self.socket is None:
            gnet.nextTick(self.emit, 'close')
        else:
            self.socket.end()

    # ------------------------------------------------------------------

    def _connect(self) -> None:
        self._timer = None
        sock = gnet.createConnection({'port': self.port, 'host': self.host,
                                      'timeout': self.connect_timeout_ms})
        self.socket = sock
        pending = ''
        spoke = False
        reason: Exception | None = None

        def on_connect() -> None:
            self.connected = True
            sock.setTimeout(self.idle_timeout_ms)       # from now on, an idle timeout
            self.emit('connect')

        def on_data(chunk: str) -> None:
            nonlocal pending, spoke
            spoke = True
            pending += chunk
            *lines, pending = pending.split('\n')
            for line in lines:
                self.emit('line', line.rstrip('\r'))

        def on_timeout() -> None:
            if self.connected:
                sock.destroy(TimeoutError(f'no data for {self.idle_timeout_ms} ms'))
            else:
                sock.destroy(TimeoutError(f'connect to {self.host}:{self.port} '
                                          f'timed out after {self.connect_timeout_ms} ms'))

        def on_error(err: Exception) -> None:
            nonlocal reason
            reason = err

        def on_close() -> None:
            self.socket = None
            self.connected = False
            # Once the server has spoken, backing off starts again from the shortest delay.
            self.failures = 1 if spoke else self.failures + 1
            self.emit('disconnect', reason)
            if self._closing:
                self.emit('close')
            else:
                self._schedule()

        sock.setEncoding('utf8')
        sock.on('connect', on_connect)
        sock.on('data', on_data)
        sock.on('timeout', on_timeout)
        sock.on('error', on_error)
        sock.on('close', on_close)

    def _schedule(self) -> None:
        delay = min(self.max_delay_ms, self.min_delay_ms * 2 ** (self.failures - 1))
        delay = round(delay * (1 - self.jitter * random.random()))
        self.emit('reconnect', self.failures, delay)
        self._timer = gnet.setTimeout(self._connect, delay)


def main(argv: list[str]) -> None:
    port = int(argv[1]) if len(argv) > 1 else 8124
    host = argv[2] if len(argv) > 2 else '127.0.0.1'
    name = os.environ.get('RECONNECT_NAME', 'client')
    client = ReconnectingClient(port, host)

    def on_connect() -> None:
        print(f'connected to {host}:{port}', flush=True)
        client.send(name)

    def on_disconnect(reason: Exception | None) -> None:
        print(f"disconnected{f': {reason}' if reason else ''}", flush=True)

    def on_reconnect(retry: int, delay: int) -> None:
        print(f'reconnecting in {delay} ms', flush=True)

    client.on('connect', on_connect)
    client.on('line', print)
    client.on('disconnect', on_disconnect)
    client.on('reconnect', on_reconnect)
    gnet.process.on('SIGINT', client.close)
    client.start()
    gnet.run()


if __name__ == '__main__':
    main(sys.argv)
