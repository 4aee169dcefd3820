// covers: socket.readableFlowing, socket.isPaused, socket.pause, socket.resume, 'pause', 'resume'
'use strict';
// readableFlowing goes null -> true (a 'data' listener) -> false (pause) ->
// true (resume). 'pause' is emitted inside pause(); 'resume' on the next tick.
// pause() and resume() return the socket. No connection is needed.
const net = require('net');
const { show } = require('../../trace');

const sock = new net.Socket();
sock.on('pause', () => show('event pause', sock.readableFlowing));
sock.on('resume', () => show('event resume', sock.readableFlowing));
show('new', sock.readableFlowing, sock.isPaused());
sock.on('data', () => show('data'));
show('after data listener', sock.readableFlowing, sock.isPaused());
show('pause returns socket', sock.pause() === sock);
show('after pause', sock.readableFlowing, sock.isPaused());
show('pause again returns socket', sock.pause() === sock);
show('resume returns socket', sock.resume() === sock);
show('after resume', sock.readableFlowing, sock.isPaused());
process.nextTick(() => {
  show('next tick', sock.readableFlowing);
  sock.pause();
  sock.resume();
  sock.pause();
  show('pause resume pause', sock.readableFlowing, sock.isPaused());
  setImmediate(() => {
    show('removing data listener', sock.readableFlowing);
    sock.removeAllListeners('data');
    show('after removing', sock.readableFlowing, sock.isPaused());
    sock.destroy();
  });
});
