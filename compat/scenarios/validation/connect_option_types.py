import math

import gnet
from compat.trace import show


def kind(err):
    if isinstance(err, ValueError):
        return 'RangeError'
    if isinstance(err, TypeError):
        return 'TypeError'
    return 'Error'


def attempt(label, options):
    try:
        sock = gnet.connect(options)
    except Exception as err:
        show(label, getattr(err, 'code', None), str(err), kind(err))
        return
    show(label, 'ok')
    sock.destroy()


P = 9  # never reached: every accepted socket is destroyed at once


def cb(nread, buf):
    pass


attempt('host number', {'port': P, 'host': 1})
attempt('host true', {'port': P, 'host': True})
attempt('host object', {'port': P, 'host': {}})
attempt('host empty string', {'port': P, 'host': ''})
attempt('path number', {'path': 1})
attempt('path true', {'path': True})
attempt('path object', {'path': {}})
attempt('path empty with port', {'path': '', 'port': P, 'host': '127.0.0.1'})
attempt('localAddress number', {'port': P, 'host': '127.0.0.1', 'localAddress': 1})
attempt('localAddress not an ip', {'port': P, 'host': '127.0.0.1', 'localAddress': 'abc'})
attempt('localAddress hostname', {'port': P, 'host': '127.0.0.1', 'localAddress': 'localhost'})
attempt('localAddress empty', {'port': P, 'host': '127.0.0.1', 'localAddress': ''})
attempt('localPort string', {'port': P, 'host': '127.0.0.1', 'localPort': 'x'})
attempt('localPort numeric string', {'port': P, 'host': '127.0.0.1', 'localPort': '80'})
attempt('localPort true', {'port': P, 'host': '127.0.0.1', 'localPort': True})
attempt('localPort zero', {'port': P, 'host': '127.0.0.1', 'localPort': 0})
attempt('family 5', {'port': P, 'host': 'localhost', 'family': 5})
attempt('family string', {'port': P, 'host': 'localhost', 'family': 'x'})
attempt('family IPv4 name', {'port': P, 'host': 'localhost', 'family': 'IPv4'})
attempt('family 6', {'port': P, 'host': 'localhost', 'family': 6})
attempt('family 5 with ip host', {'port': P, 'host': '127.0.0.1', 'family': 5})
attempt('hints string', {'port': P, 'host': 'localhost', 'hints': 'x'})
attempt('hints bad flags', {'port': P, 'host': 'localhost', 'hints': 12345})
attempt('hints true', {'port': P, 'host': 'localhost', 'hints': True})
attempt('lookup string', {'port': P, 'host': 'localhost', 'lookup': 'x'})
attempt('lookup object', {'port': P, 'host': 'localhost', 'lookup': {}})
attempt('lookup number with ip host', {'port': P, 'host': '127.0.0.1', 'lookup': 1})
attempt('timeout string', {'port': P, 'host': '127.0.0.1', 'timeout': 'x'})
attempt('timeout negative', {'port': P, 'host': '127.0.0.1', 'timeout': -1})
attempt('timeout true', {'port': P, 'host': '127.0.0.1', 'timeout': True})
attempt('timeout Infinity', {'port': P, 'host': '127.0.0.1', 'timeout': math.inf})
attempt('onread string', {'port': P, 'host': '127.0.0.1', 'onread': 'x'})
attempt('onread without callback', {'port': P, 'host': '127.0.0.1', 'onread': {'buffer': bytearray(4)}})
attempt('onread bad buffer', {'port': P, 'host': '127.0.0.1', 'onread': {'buffer': 'x', 'callback': cb}})
attempt('onread bad callback', {'port': P, 'host': '127.0.0.1', 'onread': {'buffer': bytearray(4), 'callback': 'x'}})
attempt('autoSelectFamily string', {'port': P, 'host': 'localhost', 'autoSelectFamily': 'x'})
attempt('autoSelectFamilyAttemptTimeout 0', {'port': P, 'host': 'localhost', 'autoSelectFamilyAttemptTimeout': 0})
attempt('autoSelectFamilyAttemptTimeout string', {'port': P, 'host': 'localhost', 'autoSelectFamilyAttemptTimeout': 'x'})
attempt('noDelay string', {'port': P, 'host': '127.0.0.1', 'noDelay': 'x'})
attempt('keepAlive number', {'port': P, 'host': '127.0.0.1', 'keepAlive': 1, 'keepAliveInitialDelay': 'x'})
gnet.run()
