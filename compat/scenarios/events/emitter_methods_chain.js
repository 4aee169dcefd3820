// covers: EventEmitter.on, EventEmitter.addListener, EventEmitter.once, EventEmitter.off, EventEmitter.removeListener, EventEmitter.setMaxListeners, EventEmitter.removeAllListeners
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

const e = new EventEmitter();
function f(v) { show('f', v); }
const r = e.on('x', f).addListener('x', f).once('x', f).prependListener('x', f)
  .prependOnceListener('x', f).setMaxListeners(20).off('x', f).removeListener('x', f);
show('same', r === e, e.listenerCount('x'));
show('emit', e.emit('x', 1), e.emit('y', 1));
show('cleared', e.removeAllListeners('x').removeAllListeners() === e, e.emit('x', 2));
