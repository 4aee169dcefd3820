"""The plainest gnet echo server as a gunicorn app (``bench/scale.py``)::

    gunicorn -k gnet.gunicorn.Worker -w 2 -b 127.0.0.1:8000 gnet_app:server
"""
import gnet

server = gnet.createServer(lambda c: c.on('data', c.write))
