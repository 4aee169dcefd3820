"""The signatures ``help()`` and ``inspect.signature`` show for Node's call forms.

``createServer``, ``createConnection``/``connect``, ``new Server``,
``server.listen`` and ``socket.connect`` take ``*args, **kwargs`` at runtime,
because Node's forms put different things in the same place (a port, a path,
an options object or a callback first). Each gets a ``__signature__`` here
that names Node's positional parameters, all optional and positional-only,
then the options as keywords: ``listen(port=None, host=None, backlog=None,
listeningListener=None, /, *args, **options)``. The stubs (``*.pyi``) hold
each form as an overload; a signature can hold one.

The signature tells the truth about the positional parameters, because
gnet/js/arity.py reads it when one of these is a listener or a callback
(``sock.on('close', sock.connect)``), as JavaScript would call Node's
function: ``net.createServer(options, connectionListener)`` and ``new
Server(options, connectionListener)`` declare two parameters, and a third
argument is dropped; ``connect(...args)`` and ``listen(...args)`` take every
argument, their callback being the last one if it is a function, so their
signatures end in ``*args`` (an emit with an extra argument after the
callback leaves it unused there, as in Node).

Applied once, by ``gnet/__init__.py``; building the few objects costs
microseconds.
"""

from inspect import Parameter, Signature

__all__ = ["SIGNATURES", "TLS_SIGNATURES", "apply"]

_P = Parameter.POSITIONAL_ONLY


def _signature(method, positional, variadic, keywords):
    params = [Parameter("self", _P)] if method else []
    params += [Parameter(name, _P, default=None) for name in positional]
    if variadic:
        params.append(Parameter("args", Parameter.VAR_POSITIONAL))
    params.append(Parameter(keywords, Parameter.VAR_KEYWORD))
    return Signature(params)


#: ``dotted name in gnet's namespace`` -> (is a method, Node's positional
#: parameters, whether Node's takes ``...args``, the keywords' name).
SIGNATURES = {
    "createServer": (False, ("options", "connectionListener"), False, "kwargs"),
    "Server.__init__": (True, ("options", "connectionListener"), False, "kwargs"),
    "Server.listen": (True, ("port", "host", "backlog", "listeningListener"), True, "options"),
    "createConnection": (False, ("port", "host", "connectListener"), True, "options"),
    "Socket.connect": (True, ("port", "host", "connectListener"), True, "options"),
}


#: The same for gnet.tls (Node's ``tls.connect(...args)``, ``tls.createServer(options,
#: secureConnectionListener)``), applied by gnet/tls/__init__.py.
TLS_SIGNATURES = {
    "connect": (False, ("port", "host", "options", "secureConnectListener"), True, "kwargs"),
    "createServer": (False, ("options", "secureConnectionListener"), False, "kwargs"),
}


def apply(namespace, table=SIGNATURES):
    """Give each callable of ``table`` found in ``namespace`` (gnet's) its signature."""
    for dotted, (method, positional, variadic, keywords) in table.items():
        owner, _, name = dotted.rpartition(".")
        target = getattr(namespace[owner], name) if owner else namespace[name]
        target.__signature__ = _signature(method, positional, variadic, keywords)
