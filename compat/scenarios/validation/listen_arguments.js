// covers: server.listen, options.port, options.host, options.path, options.backlog, ERR_SOCKET_BAD_PORT, ERR_INVALID_ARG_VALUE, ERR_INVALID_ARG_TYPE, ERR_SERVER_ALREADY_LISTEN
'use strict';
// Bad arguments to server.listen(), each on a fresh server. A call Node
// accepts prints `ok` and whether the server is bound already (it is when no
// host is given); the server is then closed at once.
const net = require('net');
const { show } = require('../../trace');

function kind(err) {
  return err instanceof RangeError ? 'RangeError' : err instanceof TypeError ? 'TypeError' : 'Error';
}
function attempt(label, fn) {
  const server = net.createServer();
  try {
    fn(server);
    show(label, 'ok', server.listening);
  } catch (err) {
    show(label, err.code, err.message, kind(err));
  }
  server.close();
}

attempt('port -1', (s) => s.listen(-1));
attempt('port 65536', (s) => s.listen(65536));
attempt('port 1.5', (s) => s.listen(1.5));
attempt('port NaN', (s) => s.listen(NaN));
attempt('port Infinity', (s) => s.listen(Infinity));
attempt('port true', (s) => s.listen(true));
attempt('port empty string', (s) => s.listen(''));
attempt('port blank string', (s) => s.listen(' '));
attempt('port numeric string', (s) => s.listen('0'));
attempt('options port -1', (s) => s.listen({ port: -1 }));
attempt('options port 65536', (s) => s.listen({ port: 65536 }));
attempt('options port true', (s) => s.listen({ port: true }));
attempt('options port object', (s) => s.listen({ port: {} }));
attempt('options port array', (s) => s.listen({ port: [] }));
attempt('options port empty string', (s) => s.listen({ port: '' }));
attempt('options port blank string', (s) => s.listen({ port: ' ' }));
attempt('options port 0x', (s) => s.listen({ port: '0x' }));
attempt('options port abc', (s) => s.listen({ port: 'abc' }));
attempt('options port 1.5', (s) => s.listen({ port: 1.5 }));
attempt('options port NaN', (s) => s.listen({ port: NaN }));
attempt('options port hex string', (s) => s.listen({ port: '0x0' }));
attempt('options empty', (s) => s.listen({}));
attempt('options port undefined', (s) => s.listen({ port: undefined }));
attempt('options host only', (s) => s.listen({ host: '127.0.0.1' }));
attempt('options fd -1', (s) => s.listen({ fd: -1 }));
attempt('options path number', (s) => s.listen({ path: 1 }));
attempt('options path true', (s) => s.listen({ path: true }));
attempt('options path empty', (s) => s.listen({ path: '' }));
attempt('options host number', (s) => s.listen({ port: 0, host: 1 }));
attempt('options host object', (s) => s.listen({ port: 0, host: {} }));
attempt('backlog -1', (s) => s.listen(0, '127.0.0.1', -1));
attempt('backlog string', (s) => s.listen(0, '127.0.0.1', 'x'));
attempt('backlog 1.5', (s) => s.listen(0, '127.0.0.1', 1.5));
attempt('options backlog -1', (s) => s.listen({ port: 0, backlog: -1 }));
attempt('options backlog string', (s) => s.listen({ port: 0, backlog: 'x' }));
attempt('options backlog NaN', (s) => s.listen({ port: 0, backlog: NaN }));
attempt('options backlog true', (s) => s.listen({ port: 0, backlog: true }));
attempt('number as host is a backlog', (s) => s.listen(0, 5));
attempt('callback string', (s) => s.listen(0, '127.0.0.1', 511, 'x'));
attempt('exclusive string', (s) => s.listen({ port: 0, exclusive: 'x' }));
attempt('ipv6Only string', (s) => s.listen({ port: 0, ipv6Only: 'x' }));
attempt('no arguments', (s) => s.listen());
attempt('undefined', (s) => s.listen(undefined));
attempt('callback only', (s) => s.listen(() => {}));
attempt('twice', (s) => { s.listen(0); s.listen(0); });
attempt('twice with host', (s) => { s.listen(0, '127.0.0.1'); s.listen(0, '127.0.0.1'); });
