"""gevent's hub as Node's event loop: the loop itself (nextTick, immediates, the
service that serves handles, uncaught errors, ``run()``), timers, and Node's
``events`` module (``EventEmitter``, ``once``). Uses ``gnet.js``.
"""
