"""The signatures ``help()`` and ``inspect.signature`` show for Node's call forms.

``createServer``, ``createConnection``/``connect``, ``new Server``,
``server.listen`` and ``socket.connect`` take ``*args, **kwargs`` at runtime,
because Node's forms put different things in the same place (a port, a path,
an options object or a callback first). Each gets a ``__signature__`` here
that names Node's positional parameters, all optional and positional-only,
then the options as keywords: ``listen(port=None, host=None, backlog=None,
listeningListener=None, /, **options)``. The stubs (``*.pyi``) hold each form
as an overload; a signature can hold one.

The signature tells the truth about the positional parameters, because
gnet/js/arity.py reads it when one of these is a listener or a callback
(``sock.on('close', sock.connect)``): it passes at most that many arguments,
and a parameter left out is left out, as a shorter ``arguments`` is in
JavaScript.

Applied once, by ``gnet/__init__.py``; building the few objects costs
microseconds.
"""

from inspect import Parameter, Signature

__all__ = ["SIGNATURES", "apply"]

_P = Parameter.POSITIONAL_ONLY


def _signature(method, positional, keywords="options"):
    params = [Parameter("self", _P)] if method else []
    params += [Parameter(name, _P, default=None) for name in positional]
    params.append(Parameter(keywords, Parameter.VAR_KEYWORD))
    return Signature(params)


#: ``dotted name in gnet's namespace`` -> (is a method, Node's positional parameters, keywords' name).
SIGNATURES = {
    "createServer": (False, ("options", "connectionListener"), "kwargs"),
    "Server.__init__": (True, ("options", "connectionListener"), "kwargs"),
    "Server.listen": (True, ("port", "host", "backlog", "listeningListener"), "options"),
    "createConnection": (False, ("port", "host", "connectListener"), "options"),
    "Socket.connect": (True, ("port", "host", "connectListener"), "options"),
}


def apply(namespace):
    """Give each callable of ``SIGNATURES`` found in ``namespace`` (gnet's) its signature."""
    for dotted, (method, positional, keywords) in SIGNATURES.items():
        owner, _, name = dotted.rpartition(".")
        target = getattr(namespace[owner], name) if owner else namespace[name]
        target.__signature__ = _signature(method, positional, keywords)
