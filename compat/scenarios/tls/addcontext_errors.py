import gnet.tls as tls
from compat.trace import show

server = tls.createServer({})
calls = [
    ('', None), (None, None), (None, None), (0, None), (False, None), (float('nan'), None),
    (5, None), (True, None), ({}, None), ([], None), (b'a', None),
    ('(', None), (')', None), ('a)(', None), ('x*(', None), ('((a)', None), ('a.(b', None),
    ('(', 5), ('', 5), (5, 5),
    ('x', 5), ('x', 'str'), ('x', []), ('x', True),
    ('ok1', None), ('ok2', None), ('ok3', {}), ('ok4', tls.createSecureContext()), ('(ok5)|x', None),
]
for name, context in calls:
    try:
        server.addContext(name, context)
        show(name, 'added')
    except Exception as err:
        show(name, type(err).__name__ if getattr(err, 'code', None) is None else err.code, str(err))
show('contexts', len(server._contexts))
