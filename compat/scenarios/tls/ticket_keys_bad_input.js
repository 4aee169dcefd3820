// covers: createSecureContext ticketKeys, createServer ticketKeys, server.getTicketKeys, server.setTicketKeys, server.ticketKeys
// ticketKeys is a Buffer of exactly 48 bytes (ERR_INVALID_ARG_TYPE,
// ERR_INVALID_ARG_VALUE); a server keeps a truthy one as server.ticketKeys.
// getTicketKeys() gives 48 bytes, random for each server without ticketKeys.
// setTicketKeys() checks its argument as "buffer", and a wrong length is an
// internal assertion (ERR_INTERNAL_ASSERTION).
const tls = require('tls');
const { show } = require('../../trace');

const values = [['47 bytes', Buffer.alloc(47)], ['49 bytes', Buffer.alloc(49)], ['string', 'x'.repeat(48)],
  ['number', 42], ['true', true], ['{}', {}], ['null', null], ['undefined', undefined], ['0', 0], ['""', ''],
  ['48 bytes', Buffer.alloc(48, 1)], ['Uint8Array', new Uint8Array(48)]];
for (const [name, value] of values) {
  try {
    tls.createSecureContext({ ticketKeys: value });
    show('createSecureContext', name, 'ok');
  } catch (e) {
    show('createSecureContext', name, e, e.name, e.message);
  }
  try {
    const server = tls.createServer({ ticketKeys: value });
    show('createServer', name, 'ok', server.ticketKeys === undefined ? 'unset' : server.ticketKeys === value,
      server.getTicketKeys().length);
  } catch (e) {
    show('createServer', name, e, e.name, e.message);
  }
}
const keys = Buffer.alloc(48, 7);
const server = tls.createServer({ ticketKeys: keys });
show('getTicketKeys', Buffer.isBuffer(server.getTicketKeys()), server.getTicketKeys().equals(keys),
  server.getTicketKeys() !== server.getTicketKeys());
const a = tls.createServer({});
const b = tls.createServer({});
show('random keys', a.getTicketKeys().length, a.getTicketKeys().equals(a.getTicketKeys()),
  a.getTicketKeys().equals(b.getTicketKeys()), a.ticketKeys);
for (const [name, value] of [['47 bytes', Buffer.alloc(47)], ['string', 'x'.repeat(48)], ['number', 42],
  ['undefined', undefined], ['48 bytes', Buffer.alloc(48, 2)], ['Uint8Array', new Uint8Array(48).fill(3)]]) {
  try {
    show('setTicketKeys', name, a.setTicketKeys(value), a.getTicketKeys());
  } catch (e) {
    show('setTicketKeys', name, e, e.name, e.message);
  }
}
show('ticketKeys after setTicketKeys', a.ticketKeys);
server.setSecureContext({});
show('setSecureContext keeps ticketKeys', server.getTicketKeys().equals(keys), server.ticketKeys.equals(keys));
a.setSecureContext({});
show('setSecureContext drops setTicketKeys', a.getTicketKeys().equals(Buffer.alloc(48, 3)));
