import gnet
from compat.trace import show

# A signal listener replaces dying of the signal and gets the name and the
# number; 'exit' comes last, with the exit code.
server = gnet.createServer().listen(0)
gnet.process.on('exit', lambda code: show('exit', code, gnet.process.exitCode))


def on_signal(name, number):
    show('signal', name, number)
    server.close(lambda: show('closed'))
    gnet.process.exitCode = 0


gnet.process.on('SIGUSR2', on_signal)
for code, text in (('abc', '"abc"'), (1.5, '1.5'), (True, 'true')):
    try:
        gnet.process.exit(code)
    except (TypeError, ValueError) as err:
        show('exit(' + text + ')', err.code)
show('kill', gnet.process.kill(gnet.process.pid, 'SIGUSR2'))
gnet.run()
