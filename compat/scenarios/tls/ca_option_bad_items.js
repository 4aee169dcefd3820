// covers: createSecureContext ca, addCACert, ERR_INVALID_ARG_TYPE, UNABLE_TO_VERIFY_LEAF_SIGNATURE
// What each `ca` makes a client trust, the server's certificate being issued
// by ca.pem: an item is read for PEM certificates up to the first block that
// does not decode; text holding none, DER included, is no error and trusts
// nothing; items of an array are read apart; a falsy ca keeps the default
// roots (which do not hold the test CA); an item of another type throws.
const tls = require('tls');
const crypto = require('crypto');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const ca = cert('ca.pem').toString('latin1');
const lines = ca.trim().split('\n');
const body = lines.slice(1, -1);
const block = (label, rows) => `-----BEGIN ${label}-----\n${rows.join('\n')}\n-----END ${label}-----\n`;
const truncated = block('CERTIFICATE', body.slice(0, 5));
const corrupt = block('CERTIFICATE', body.map((l, i) => (i === 3 ? '!'.repeat(l.length) : l)));
const der = new crypto.X509Certificate(ca).raw;

const cases = [
  ['garbage string', 'bad'],
  ['empty string', ''],
  ['zero bytes', Buffer.alloc(16)],
  ['empty buffer', Buffer.alloc(0)],
  ['garbage around a good certificate', 'garbage\n' + ca + 'more garbage\n'],
  ['truncated certificate', truncated],
  ['corrupt certificate', corrupt],
  ['no END line', lines.slice(0, -1).join('\n') + '\n'],
  ['corrupt then good', corrupt + ca],
  ['truncated then good', truncated + ca],
  ['good then corrupt', ca + corrupt],
  ['other CA then good', cert('other-ca.pem').toString('latin1') + ca],
  ['a key then good', cert('server-key.pem').toString('latin1') + ca],
  ['CRLF line ends', ca.replace(/\n/g, '\r\n')],
  ['TRUSTED CERTIFICATE block', block('TRUSTED CERTIFICATE', body)],
  ['X509 CERTIFICATE block', Buffer.from(block('X509 CERTIFICATE', body))],
  ['array good, garbage', [ca, 'bad']],
  ['array garbage, good', ['bad', ca]],
  ['array corrupt, good', [corrupt, ca]],
  ['empty array', []],
  ['DER', der],
  ['DER in an array', [der, 'x']],
  ['Uint8Array', new Uint8Array(Buffer.from(ca))],
  ['false', false],
  ['zero', 0],
  ['number', 5],
  ['object', {}],
  ['array with a number', [ca, 5]],
  ['array with undefined', [ca, undefined]],
  ['array with a boolean', ['bad', true]],
];

const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem') }, (sock) => sock.end());
const next = (i) => {
  if (i === cases.length) return server.close();
  const [name, value] = cases[i];
  let secureContext;
  try {
    secureContext = tls.createSecureContext({ ca: value });
  } catch (e) {
    show(name, 'throws', e, e.message);
    return next(i + 1);
  }
  const sock = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'localhost',
                             secureContext, rejectUnauthorized: false });
  sock.on('secureConnect', () => show(name, 'secureConnect', sock.authorized, sock.authorizationError));
  sock.on('error', (e) => show(name, 'error', e, e.message));
  sock.on('close', () => next(i + 1));
  sock.resume();
};
server.listen(0, '127.0.0.1', () => next(0));
