// covers: createSecureContext (tls)
// createSecureContext(options): a falsy value is no options (Node's
// kEmptyObject), a Buffer is an object with none; any other value that is not
// an object is ERR_INVALID_ARG_TYPE, thrown at once.
const tls = require('tls');
const { fmt } = require('../../trace');

const cases = [['null', null], ['undefined', undefined], ['0', 0], ['empty string', ''], ['false', false],
               ['buffer', Buffer.from('x')], ['empty object', {}], ['string', 'x'], ['array', []],
               ['true', true], ['number', 5]];
for (const [name, value] of cases) {
  try {
    tls.createSecureContext(value);
    console.log(name, 'ok');
  } catch (err) {
    console.log(name, fmt(err), err.name, err.message);
  }
}
