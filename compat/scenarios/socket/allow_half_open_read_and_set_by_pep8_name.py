import gnet
from compat.trace import show

socket = gnet.Socket()
show('socket', socket.allow_half_open)
socket.allow_half_open = True
show('socket set', socket.allowHalfOpen)
server = gnet.createServer()
show('server', server.allow_half_open, server.pause_on_connect, server.no_delay, server.keep_alive,
     server.keep_alive_initial_delay, server.high_water_mark)
server.allow_half_open = 'yes'
server.pause_on_connect = True
server.no_delay = True
server.keep_alive = True
server.keep_alive_initial_delay = 3
server.high_water_mark = 1024
show('server set', server.allowHalfOpen, server.pauseOnConnect, server.noDelay, server.keepAlive,
     server.keepAliveInitialDelay, server.highWaterMark)
