// covers: addContext (Server)
// addContext's bad arguments, each thrown at once and nothing added: a
// falsy name is ERR_TLS_REQUIRED_SERVER_NAME, a name that is no string the
// engine's TypeError, a group that does not close the RegExp's SyntaxError
// (checked before the context), and options that are no object
// ERR_INVALID_ARG_TYPE. No context, null or {} are createSecureContext's
// defaults.
const tls = require('tls');
const { show } = require('../../trace');

const server = tls.createServer({});
const calls = [
  ['', undefined], [undefined, undefined], [null, undefined], [0, undefined], [false, undefined], [NaN, undefined],
  [5, undefined], [true, undefined], [{}, undefined], [[], undefined], [Buffer.from('a'), undefined],
  ['(', undefined], [')', undefined], ['a)(', undefined], ['x*(', undefined], ['((a)', undefined], ['a.(b', undefined],
  ['(', 5], ['', 5], [5, 5],
  ['x', 5], ['x', 'str'], ['x', []], ['x', true],
  ['ok1', undefined], ['ok2', null], ['ok3', {}], ['ok4', tls.createSecureContext()], ['(ok5)|x', undefined],
];
for (const [name, context] of calls) {
  try {
    server.addContext(name, context);
    show(name, 'added');
  } catch (err) {
    show(name, err.code === undefined ? err.constructor.name : err.code, err.message);
  }
}
show('contexts', server._contexts.length);
