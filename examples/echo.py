"""Node's echo server (the ``net.createServer`` example in Node's docs).

    python examples/echo.py                                       # one process, port 8124
    gunicorn -k gnet.gunicorn.Worker --chdir examples echo:server  # gunicorn's workers, port 8000

Then ``python -m gnet connect 127.0.0.1 8124`` (or 8000), or ``nc``.
"""

import gnet


def on_connection(c: gnet.Socket) -> None:  # 'connection' listener
    print('client connected', flush=True)
    c.on('end', lambda: print('client disconnected', flush=True))
    c.write('hello\r\n')
    c.pipe(c)                               # echo


server = gnet.createServer(on_connection)


def on_error(err: Exception) -> None:
    raise err


server.on('error', on_error)

if __name__ == '__main__':
    server.listen(8124, lambda: print('server bound', flush=True))
    gnet.run()
