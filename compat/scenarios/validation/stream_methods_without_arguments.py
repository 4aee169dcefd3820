import gnet
from compat.trace import show

s = gnet.Socket()
show('push()', s.push(), s.readableLength)
show('setEncoding()', s.setEncoding() is s, s.readableEncoding)
for v in ('MISSING', 123, 'nope'):
    try:
        if v == 'MISSING':
            s.setDefaultEncoding()
        else:
            s.setDefaultEncoding(v)
        show('setDefaultEncoding', None if v == 'MISSING' else v, 'ok')
    except gnet.NodeError as e:
        show('setDefaultEncoding', None if v == 'MISSING' else v, e.code, str(e))
show('setDefaultEncoding(latin1)', s.setDefaultEncoding('LATIN1') is s)
s.destroy()
gnet.run()
