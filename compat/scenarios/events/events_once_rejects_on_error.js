// covers: events.once, EventEmitter 'error'
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');
const { once } = EventEmitter;

async function main() {
  const e = new EventEmitter();
  const boom = new Error('boom');
  setImmediate(() => show('emit error', e.emit('error', boom)));
  try {
    await once(e, 'x');
    show('resolved');
  } catch (err) {
    show('rejected', err === boom, err.message, e.listenerCount('x'), e.listenerCount('error'));
  }
  setImmediate(() => show('emit error', e.emit('error', boom)));
  const [err] = await once(e, 'error');
  show('once error resolves', err === boom, e.listenerCount('error'));
}
main();
