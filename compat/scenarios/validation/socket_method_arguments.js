// covers: socket.setTimeout, socket.setKeepAlive, socket.setNoDelay, socket.setEncoding, socket.write, socket.end, ERR_OUT_OF_RANGE, ERR_INVALID_ARG_TYPE, ERR_STREAM_NULL_VALUES, ERR_UNKNOWN_ENCODING
'use strict';
// Bad arguments to a connected socket's methods. The server counts the
// bytes that the accepted calls wrote.
const net = require('net');
const { show } = require('../../trace');

function kind(err) {
  return err instanceof RangeError ? 'RangeError' : err instanceof TypeError ? 'TypeError' : 'Error';
}
function attempt(label, fn) {
  try {
    fn();
    show(label, 'ok');
  } catch (err) {
    show(label, err.code, err.message, kind(err));
  }
}

const server = net.createServer((conn) => {
  let got = '';
  conn.setEncoding('latin1');
  conn.on('data', (d) => { got += d; });
  conn.on('end', () => {
    show('server got', got);
    server.close();
  });
});
server.listen(0, '127.0.0.1', () => {
  const sock = net.connect(server.address().port, '127.0.0.1', () => {
    attempt('setTimeout -1', () => sock.setTimeout(-1));
    attempt('setTimeout string', () => sock.setTimeout('x'));
    attempt('setTimeout numeric string', () => sock.setTimeout('10'));
    attempt('setTimeout Infinity', () => sock.setTimeout(Infinity));
    attempt('setTimeout NaN', () => sock.setTimeout(NaN));
    attempt('setTimeout true', () => sock.setTimeout(true));
    attempt('setTimeout undefined', () => sock.setTimeout());
    attempt('setTimeout 2**31', () => sock.setTimeout(2 ** 31));
    attempt('setTimeout 1.5', () => sock.setTimeout(1.5));
    attempt('setTimeout callback string', () => sock.setTimeout(1000, 'x'));
    attempt('setTimeout callback object', () => sock.setTimeout(1000, {}));
    attempt('setTimeout 0 callback string', () => sock.setTimeout(0, 'x'));
    attempt('setTimeout callback undefined', () => sock.setTimeout(0, undefined));
    show('timeout', sock.timeout);
    attempt('setKeepAlive string', () => sock.setKeepAlive('x'));
    attempt('setKeepAlive delay string', () => sock.setKeepAlive(true, 'x'));
    attempt('setKeepAlive delay -1', () => sock.setKeepAlive(true, -1));
    attempt('setKeepAlive no args', () => sock.setKeepAlive());
    attempt('setNoDelay string', () => sock.setNoDelay('x'));
    attempt('setNoDelay no args', () => sock.setNoDelay());
    attempt('setEncoding bogus', () => sock.setEncoding('bogus'));
    attempt('setEncoding number', () => sock.setEncoding(5));
    attempt('write null', () => sock.write(null));
    attempt('write undefined', () => sock.write(undefined));
    attempt('write number', () => sock.write(1));
    attempt('write object', () => sock.write({}));
    attempt('write array', () => sock.write([1, 2]));
    attempt('write true', () => sock.write(true));
    attempt('write bogus encoding', () => sock.write('x', 'bogus-encoding'));
    attempt('write buffer bogus encoding', () => sock.write(Buffer.from('y'), 'bogus-encoding'));
    attempt('write null bogus encoding', () => sock.write(null, 'bogus-encoding'));
    attempt('write number bogus encoding', () => sock.write(1, 'bogus-encoding'));
    attempt('write callback string', () => sock.write('A', 'utf8', 'x'));
    attempt('write empty string', () => sock.write(''));
    attempt('write hex', () => sock.write('4243', 'hex'));
    attempt('end number', () => sock.end(1));
    attempt('end object', () => sock.end({}));
    attempt('end bogus encoding', () => sock.end('x', 'bogus-encoding'));
    show('writableEnded', sock.writableEnded);
    attempt('end null', () => sock.end(null));
    show('writableEnded', sock.writableEnded);
  });
});
