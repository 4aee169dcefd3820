// covers: net.Socket, net.connect, 'error', 'close'
'use strict';
const net = require('net');
const { show } = require('../../trace');

// Node destroys a socket made with an aborted signal from its constructor:
// 'error' (AbortError, cause the reason) then 'close' come before the ticks
// queued after it. A connect() started meanwhile still runs and ends in a
// second 'close' (docs/differences.md: gnet's `destroyed` differs here).
const ac = new AbortController();
ac.abort('R');
const sock = new net.Socket({ signal: ac.signal });
sock.on('error', (err) => show('error', err, err.name, err.message, err.cause));
sock.on('close', (...args) => show('close', args.length));
process.nextTick(() => show('tick after constructor'));

const pre = AbortSignal.abort();
const client = net.connect({ port: 1, host: '127.0.0.1', signal: pre });
client.on('error', (err) => show('client error', err, err.cause.name, client.connecting));
client.on('close', (...args) => show('client close', args.length, args[0]));
client.on('connect', () => show('client connect'));
