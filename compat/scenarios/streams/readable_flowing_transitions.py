import gnet
from compat.trace import show

sock = gnet.Socket()
sock.on('pause', lambda: show('event pause', sock.readableFlowing))
sock.on('resume', lambda: show('event resume', sock.readableFlowing))
show('new', sock.readableFlowing, sock.isPaused())
sock.on('data', lambda d: show('data'))
show('after data listener', sock.readableFlowing, sock.isPaused())
show('pause returns socket', sock.pause() is sock)
show('after pause', sock.readableFlowing, sock.isPaused())
show('pause again returns socket', sock.pause() is sock)
show('resume returns socket', sock.resume() is sock)
show('after resume', sock.readableFlowing, sock.isPaused())


def later():
    show('removing data listener', sock.readableFlowing)
    sock.removeAllListeners('data')
    show('after removing', sock.readableFlowing, sock.isPaused())
    sock.destroy()


def tick():
    show('next tick', sock.readableFlowing)
    sock.pause()
    sock.resume()
    sock.pause()
    show('pause resume pause', sock.readableFlowing, sock.isPaused())
    gnet.setImmediate(later)


gnet.nextTick(tick)
gnet.run()
