// covers: EventEmitter (subclass without EventEmitter.init), EventEmitter.emit, EventEmitter.on
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

// An object on EventEmitter's prototype that never ran the constructor.
const e = Object.create(EventEmitter.prototype);
show('names', e.eventNames(), e.listenerCount('x'), e.listeners('x'));
show('emit before', e.emit('x', 1));
show('removeAll', e.removeAllListeners() === e, e.off('x', () => {}) === e);
try { e.emit('error', new Error('bare')); } catch (err) { show('thrown', err.message); }
show('on', e.on('x', (v) => show('got', v)) === e);
show('emit after', e.emit('x', 2));
show('max', e.getMaxListeners());
