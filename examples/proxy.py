"""A TCP proxy: each connection it accepts is relayed to an upstream server.

Shows backpressure both ways, by hand: when ``write()`` returns ``False`` the
other side is paused until ``'drain'`` (what ``src.pipe(dst)`` does for you);
half-close passed through (``allowHalfOpen``); an idle timeout with
``setTimeout`` and ``'timeout'``; and both sides torn down when either one
fails, so no socket is left behind.

    python examples/echo.py &                     # something to proxy to, on 8124
    python examples/proxy.py [port] [upstream]    # 8125 to 127.0.0.1:8124 by default
    nc 127.0.0.1 8125

``PROXY_UPSTREAM`` (``host:port``) and ``PROXY_IDLE_MS`` (default 60000) set
the same from the environment, which is how to configure it under gunicorn:

    PROXY_UPSTREAM=127.0.0.1:6379 gunicorn -k gnet.gunicorn.Worker -w 4 -b 127.0.0.1:8125 \\
        --chdir examples proxy:server
"""

from __future__ import annotations

import os
import sys

import gnet

IDLE_MS = int(os.environ.get('PROXY_IDLE_MS', '60000'))


def parse_address(text: str) -> tuple[str, int]:
    """``'host:port'`` (or a port alone) as ``(host, port)``."""
    host, _, port = text.rpartition(':')
    return host.strip('[]') or '127.0.0.1', int(port)


def relay(src: gnet.Socket, dst: gnet.Socket) -> None:
    """Copy everything ``src`` reads to ``dst``, with backpressure, and pass on
    its 'end'. The same as ``src.pipe(dst)``, written out."""

    def on_data(chunk: bytes) -> None:
        if not dst.write(chunk):
            src.pause()                 # dst has a full buffer: stop reading src ...

    def on_drain() -> None:
        src.resume()                    # ... until dst has written it out

    src.on('data', on_data)
    dst.on('drain', on_drain)
    src.on('end', dst.end)              # half-close: dst's peer sees our FIN too


def create_proxy(upstream_port: int, upstream_host: str = '127.0.0.1', idle_ms: int = IDLE_MS) -> gnet.Server:
    """A server relaying each connection to ``upstream_host:upstream_port``."""

    def on_connection(client: gnet.Socket) -> None:
        peer = f'{client.remoteAddress}:{client.remotePort}'
        upstream = gnet.connect({'port': upstream_port, 'host': upstream_host,
                                 'allowHalfOpen': True, 'noDelay': True})
        relay(client, upstream)
        relay(upstream, client)

        def on_client_error(err: Exception) -> None:
            print(f'{peer}: {err}', file=sys.stderr, flush=True)
            upstream.destroy()

        def on_upstream_error(err: Exception) -> None:
            print(f'{peer}: upstream: {err}', file=sys.stderr, flush=True)
            client.destroy()

        def on_timeout() -> None:
            print(f'{peer}: idle for {idle_ms} ms, closing', flush=True)
            client.destroy()
            upstream.destroy()

        client.on('error', on_client_error)
        upstream.on('error', on_upstream_error)
        # Every byte either way is read on one socket and written on the other,
        # so both see the same activity; a timer on each also covers a side
        # left flushing to a peer that stopped reading after the other closed.
        # A clean 'close' needs nothing: it comes once both directions have ended.
        for sock in (client, upstream):
            sock.setTimeout(idle_ms)
            sock.on('timeout', on_timeout)

    return gnet.createServer({'allowHalfOpen': True, 'noDelay': True}, on_connection)


def on_listening() -> None:
    address = server.address()
    print(f"listening on {address['port'] if isinstance(address, dict) else address}", flush=True)


UPSTREAM_HOST, UPSTREAM_PORT = parse_address(os.environ.get('PROXY_UPSTREAM', '127.0.0.1:8124'))
server = create_proxy(UPSTREAM_PORT, UPSTREAM_HOST)
server.on('listening', on_listening)


def main(argv: list[str]) -> None:
    global server
    port = int(argv[1]) if len(argv) > 1 else 8125
    if len(argv) > 2:
        host, upstream_port = parse_address(argv[2])
        server = create_proxy(upstream_port, host)
        server.on('listening', on_listening)
    server.listen(port)
    gnet.run()


if __name__ == '__main__':
    main(sys.argv)
