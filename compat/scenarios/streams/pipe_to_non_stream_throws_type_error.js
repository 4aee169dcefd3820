'use strict';
// pipe() into something that is not a stream throws the engine's TypeError
// (no code) when it first calls dest.on, after the source registered its 'end'
// listener (counted as a difference: a new Socket's own count differs).
const net = require('net');
const { show } = require('../../trace');

const s = new net.Socket();
for (const dest of [123, 'x', {}, undefined]) {
  const before = s.listenerCount('end');
  try {
    s.pipe(dest);
    show('piped');
  } catch (err) {
    show('threw', err, err instanceof TypeError, err.message, s.listenerCount('end') - before);
  }
}
try {
  s.pipe();
} catch (err) {
  show('no argument', err, err.message);
}
s.destroy();
