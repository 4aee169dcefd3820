// covers: AbortController, AbortController.abort, AbortSignal.aborted, AbortSignal.reason, AbortSignal.addEventListener, AbortSignal.removeEventListener, AbortSignal.onabort, AbortSignal.throwIfAborted, 'abort'
'use strict';
const { show } = require('../../trace');

const ac = new AbortController();
const signal = ac.signal;
show('before', signal.aborted, signal.reason);
signal.addEventListener('abort', (ev) => show('once listener', ev.type, ev.target === signal), { once: true });
signal.onabort = () => show('onabort', signal.aborted);
const removed = () => show('removed listener ran');
signal.addEventListener('abort', removed);
signal.removeEventListener('abort', removed);
const twice = () => show('added twice, runs once');
signal.addEventListener('abort', twice);
signal.addEventListener('abort', twice);
signal.throwIfAborted();
show('not thrown');
ac.abort();
const reason = signal.reason;
show('after', signal.aborted, reason.name, reason.code, reason.message);
ac.abort('second');
show('second abort ignored', signal.reason === reason);
try {
  signal.throwIfAborted();
} catch (err) {
  show('thrown is reason', err === reason);
}
const custom = new AbortController();
custom.signal.addEventListener('abort', () => show('custom reason', custom.signal.reason));
custom.abort('why');
