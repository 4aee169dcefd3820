import gnet
from compat.trace import show

n = 0


def tick(tag):
    global n
    n += 1
    show('interval', tag, n)
    if n == 3:
        gnet.clearInterval(iv)
        show('cleared')


iv = gnet.setInterval(tick, 2, 'x')
gnet.run()
