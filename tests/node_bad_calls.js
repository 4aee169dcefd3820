'use strict';
// Ground truth for gnet/options.py: what Node v20 throws, synchronously, for
// bad or edge-case calls to net's argument-taking entry points.
//
//   node tests/node_bad_calls.js > tests/data/node_bad_calls.json
//
// Each case is described once, as data (the `py_call` of the output), and
// the same description is turned into the JavaScript call here and into the
// Python call by tests/test_options.py. Tagged values stand for what JSON
// cannot carry:
//   null                 JavaScript undefined, Python None
//   {"$": "null"}        JavaScript null, Python None (data: write(None))
//   {"$": "NaN"}, {"$": "Infinity"}, {"$": "-Infinity"}, {"$": "-0"}
//   {"$": "function"}    function noop() {} / def noop(*args)
//   {"$": "bytes", "hex": "..."}       Buffer / bytes
//   {"$": "memoryview", "hex": "..."}  Uint8Array / memoryview
//   {"$": "array", "typecode": "H", "values": [...]}  a TypedArray / array.array
//                        (typecodes in TYPED_ARRAYS)
//   {"$": "AbortSignal"}  new AbortController().signal / an object with .aborted
// Keyword arguments (`kwargs`, Python only) are PEP 8 or Node keys; in
// JavaScript they become the options object: merged over a dict first
// argument, or put first when the call has no arguments or starts with a
// callback. Only calls whose JavaScript and Python forms mean the same thing
// are listed. Every call runs in one tick and the script exits before any
// asynchronous error, so "ok" means "no synchronous throw".
//
//   node tests/node_bad_calls.js --replay
//
// reads generated cases instead (tests/test_bad_input.py), one JSON object
// `{"op": ..., "args": [...]}` a line on stdin, and answers each with one
// line: `{"ok": true}`, `{"code", "name", "message"}`, `{"threw": name,
// "message"}` for an error without a code, or `{"threw_given": true}` when
// the call threw the error object it was given; `warnings` as above. What a
// case made is destroyed, closed or cleared before the next one. Replayed
// cases may also use these tags:
//   {"$": "function", "py": "..."}   any function (`py` says which Python callable)
//   {"$": "dict", "items": [[key, value], ...]}  an object whose keys are not all
//                                     strings in Python (String(key) in JavaScript)
//   {"$": "error", "message": "..."}  new Error(message) / Exception(message)
//   {"$": "bytearray", "hex": "..."}  Buffer / bytearray

const net = require('net');
const fs = require('fs');

const FN = { $: 'function' };
const NULL = { $: 'null' };
const NAN = { $: 'NaN' };
const INF = { $: 'Infinity' };
const NEG_ZERO = { $: '-0' };
const SIGNAL = { $: 'AbortSignal' };
const bytes = (hex) => ({ $: 'bytes', hex });
const memview = (hex) => ({ $: 'memoryview', hex });
const array = (typecode, values) => ({ $: 'array', typecode, values });

// Python's array.array typecodes and the TypedArray each stands for.
const TYPED_ARRAYS = {
  b: Int8Array, B: Uint8Array, h: Int16Array, H: Uint16Array,
  i: Int32Array, I: Uint32Array, f: Float32Array, d: Float64Array,
};

const SOCK1 = '/tmp/gnet-bad-calls-1.sock';
const SOCK2 = '/tmp/gnet-bad-calls-2.sock';

function noop() {}

// [id, op, args, kwargs]
const CASES = [
  // net.connect / createConnection: normalizeArgs, Socket(), setTimeout, connect.
  ['connect-no-arguments', 'net.connect', []],
  ['connect-undefined', 'net.connect', [null]],
  ['connect-empty-options', 'net.connect', [{}]],
  ['connect-port-undefined-is-missing', 'net.connect', [{ port: null }]],
  ['connect-kwarg-port-none-is-missing', 'net.connect', [], { port: null }],
  ['connect-port-true', 'net.connect', [true]],
  ['connect-kwarg-port-true', 'net.connect', [], { port: true }],
  ['connect-port-negative', 'net.connect', [-1]],
  ['connect-port-negative-zero', 'net.connect', [NEG_ZERO]],
  ['connect-port-65536', 'net.connect', [65536]],
  ['connect-port-65535', 'net.connect', [65535]],
  ['connect-port-fraction', 'net.connect', [1.5]],
  ['connect-port-nan', 'net.connect', [NAN]],
  ['connect-port-infinity', 'net.connect', [INF]],
  ['connect-port-string-empty', 'net.connect', ['']],
  ['connect-port-string-space', 'net.connect', [' ']],
  ['connect-port-string-infinity', 'net.connect', ['Infinity']],
  ['connect-port-string-hex', 'net.connect', ['0x1f90']],
  ['connect-port-string-padded', 'net.connect', [' 80 ']],
  ['connect-port-string-exponent', 'net.connect', ['1e3']],
  ['connect-port-string-bare-hex-prefix-is-path', 'net.connect', ['0x']],
  ['connect-port-string-trailing-junk-is-path', 'net.connect', ['12abc']],
  ['connect-negative-numeric-string-is-path', 'net.connect', ['-1']],
  ['connect-string-nan-is-path', 'net.connect', ['NaN']],
  ['connect-port-host-callback-not-function', 'net.connect', [80, 'localhost', 'x']],
  ['connect-port-then-non-string-host', 'net.connect', [80, 5]],
  ['connect-callback-only', 'net.connect', [FN]],
  ['connect-option-port-string-empty', 'net.connect', [{ port: '' }]],
  ['connect-option-port-string-whitespace', 'net.connect', [{ port: ' \n' }]],
  ['connect-option-port-string-abc', 'net.connect', [{ port: 'abc' }]],
  ['connect-option-port-string-underscore', 'net.connect', [{ port: '1_0' }]],
  ['connect-option-port-string-plus', 'net.connect', [{ port: '+80' }]],
  ['connect-option-port-string-binary', 'net.connect', [{ port: '0b101' }]],
  ['connect-option-port-string-decimal-point', 'net.connect', [{ port: '80.0' }]],
  ['connect-option-port-object', 'net.connect', [{ port: {} }]],
  ['connect-option-port-array', 'net.connect', [{ port: [] }]],
  ['connect-option-port-typed-array', 'net.connect', [{ port: array('H', [80]) }]],
  ['connect-host-number', 'net.connect', [{ port: 80, host: 5 }]],
  ['connect-host-boolean', 'net.connect', [{ port: 80, host: true }]],
  ['connect-host-object', 'net.connect', [{ port: 80, host: {} }]],
  ['connect-host-empty-is-localhost', 'net.connect', [{ port: 80, host: '' }]],
  ['connect-host-number-custom-lookup', 'net.connect', [{ port: 80, host: 5, lookup: FN }]],
  ['connect-family-string', 'net.connect', [{ port: 80, host: 'localhost', family: 'x' }]],
  ['connect-family-numeric-string', 'net.connect', [{ port: 80, host: 'localhost', family: '4' }]],
  ['connect-family-lowercase-name', 'net.connect', [{ port: 80, host: 'localhost', family: 'ipv4' }]],
  ['connect-family-ipv6-name', 'net.connect', [{ port: 80, host: 'localhost', family: 'IPv6' }]],
  ['connect-family-5-no-autoselect', 'net.connect', [{ port: 80, host: 'localhost', family: 5, autoSelectFamily: false }]],
  ['connect-family-ignored-for-ip-host', 'net.connect', [{ port: 80, host: '127.0.0.1', family: 'x' }]],
  ['connect-family-ignored-with-custom-lookup', 'net.connect', [{ port: 80, host: 'localhost', family: 5, lookup: FN }]],
  ['connect-hints-string', 'net.connect', [{ port: 80, host: 'localhost', hints: 'x' }]],
  ['connect-hints-boolean', 'net.connect', [{ port: 80, host: 'localhost', hints: true }]],
  ['connect-hints-unknown-bits', 'net.connect', [{ port: 80, host: 'localhost', hints: 12345 }]],
  ['connect-hints-negative', 'net.connect', [{ port: 80, host: 'localhost', hints: -1 }]],
  ['connect-hints-fraction', 'net.connect', [{ port: 80, host: 'localhost', hints: 1.5 }]],
  ['connect-hints-nan-is-zero', 'net.connect', [{ port: 80, host: 'localhost', hints: NAN }]],
  ['connect-hints-v4mapped-all', 'net.connect', [{ port: 80, host: 'localhost', hints: 24 }]],
  ['connect-hints-checked-before-family', 'net.connect', [{ port: 80, host: 'localhost', hints: 12345, family: 5 }]],
  ['connect-host-checked-before-hints', 'net.connect', [{ port: 80, host: 5, hints: 12345 }]],
  ['connect-lookup-string', 'net.connect', [{ port: 80, host: 'localhost', lookup: 'x' }]],
  ['connect-lookup-zero', 'net.connect', [{ port: 80, host: 'localhost', lookup: 0 }]],
  ['connect-lookup-false', 'net.connect', [{ port: 80, host: 'localhost', lookup: false }]],
  ['connect-lookup-ignored-for-ip-host', 'net.connect', [{ port: 80, host: '127.0.0.1', lookup: 'x' }]],
  ['connect-local-address-not-ip', 'net.connect', [{ port: 80, localAddress: 'x' }]],
  ['connect-local-address-number', 'net.connect', [{ port: 80, localAddress: 5 }]],
  ['connect-local-address-empty', 'net.connect', [{ port: 80, localAddress: '' }]],
  ['connect-local-address-ipv6', 'net.connect', [{ port: 80, localAddress: '::1' }]],
  ['connect-local-address-before-port', 'net.connect', [{ port: -1, localAddress: 'x' }]],
  ['connect-kwarg-local-address-pep8', 'net.connect', [], { port: 80, local_address: 'x' }],
  ['connect-local-port-string', 'net.connect', [{ port: 80, localPort: 'x' }]],
  ['connect-local-port-numeric-string', 'net.connect', [{ port: 80, localPort: '0' }]],
  ['connect-local-port-negative', 'net.connect', [{ port: 80, localPort: -1 }]],
  ['connect-local-port-too-big', 'net.connect', [{ port: 80, localPort: 70000 }]],
  ['connect-local-port-empty-string', 'net.connect', [{ port: 80, localPort: '' }]],
  ['connect-local-port-before-port', 'net.connect', [{ port: -1, localPort: 'x' }]],
  ['connect-auto-select-family-string', 'net.connect', [{ port: 80, autoSelectFamily: 'x' }]],
  ['connect-auto-select-family-after-port', 'net.connect', [{ port: -1, autoSelectFamily: 'x' }]],
  ['connect-attempt-timeout-zero', 'net.connect', [{ port: 80, autoSelectFamilyAttemptTimeout: 0 }]],
  ['connect-attempt-timeout-fraction', 'net.connect', [{ port: 80, autoSelectFamilyAttemptTimeout: 1.5 }]],
  ['connect-attempt-timeout-string', 'net.connect', [{ port: 80, autoSelectFamilyAttemptTimeout: 'x' }]],
  ['connect-attempt-timeout-2-31', 'net.connect', [{ port: 80, autoSelectFamilyAttemptTimeout: 2 ** 31 }]],
  ['connect-attempt-timeout-small', 'net.connect', [{ port: 80, autoSelectFamilyAttemptTimeout: 5 }]],
  ['connect-kwarg-attempt-timeout-pep8', 'net.connect', [{ port: 80 }], { auto_select_family_attempt_timeout: 0 }],
  ['connect-path-number', 'net.connect', [{ path: 5 }]],
  ['connect-path-array', 'net.connect', [{ path: [] }]],
  ['connect-path-number-with-port', 'net.connect', [{ port: 80, path: 5 }]],
  ['connect-path-empty-falls-back-to-port', 'net.connect', [{ path: '', port: -1 }]],
  ['connect-path-wins-over-port', 'net.connect', [{ path: '/nonexistent/gnet.sock', port: -1 }]],
  ['connect-path-zero-is-tcp', 'net.connect', [{ path: 0 }]],
  ['connect-timeout-string', 'net.connect', [{ port: 80, timeout: 'x' }]],
  ['connect-timeout-negative', 'net.connect', [{ port: 80, timeout: -1 }]],
  ['connect-timeout-nan-is-unset', 'net.connect', [{ port: 80, timeout: NAN }]],
  ['connect-timeout-infinity', 'net.connect', [{ port: 80, timeout: INF }]],
  ['connect-timeout-boolean', 'net.connect', [{ port: 80, timeout: true }]],
  ['connect-timeout-fraction', 'net.connect', [{ port: 80, timeout: 1.5 }]],
  ['connect-timeout-checked-before-port', 'net.connect', [{ port: -1, timeout: 'x' }]],
  ['connect-timeout-checked-before-missing', 'net.connect', [{ timeout: 'x' }]],
  ['connect-keep-alive-initial-delay-string', 'net.connect', [{ port: 80, keepAliveInitialDelay: 'x' }]],
  ['connect-kwarg-keep-alive-initial-delay-pep8', 'net.connect', [], { port: -1, keep_alive_initial_delay: 'x' }],
  ['connect-fd-string-before-missing', 'net.connect', [{ fd: 'x' }]],
  ['connect-signal-string', 'net.connect', [{ port: 80, signal: 'x' }]],
  ['connect-signal-object', 'net.connect', [{ port: 80, signal: {} }]],
  ['connect-onread-junk-ignored', 'net.connect', [{ port: 80, onread: 'x' }]],
  ['connect-onread-empty-ignored', 'net.connect', [{ port: 80, onread: {} }]],
  ['connect-flags-any-value', 'net.connect', [{ port: 80, keepAlive: 'x', noDelay: 'x', allowHalfOpen: 'x' }]],
  ['connect-kwarg-wins-over-dict', 'net.connect', [{ port: -1 }], { port: 80 }],
  ['connect-kwarg-wins-over-dict-bad', 'net.connect', [{ port: 80 }], { port: -1 }],
  ['connect-kwarg-none-wins-over-dict', 'net.connect', [{ port: 80 }], { port: null }],
  ['connect-kwargs-after-callback', 'net.connect', [FN], { port: 70000 }],
  ['connect-address-dict-address-is-not-host', 'net.connect', [{ port: 80, family: 'IPv4', address: 5 }]],
  ['create-connection-no-arguments', 'net.createConnection', []],
  ['create-connection-port-bare-hex-prefix', 'net.createConnection', [{ port: '0x' }]],
  ['create-connection-kwarg-port-too-big', 'net.createConnection', [], { port: 70000 }],
  ['create-connection-port-string', 'net.createConnection', ['8080', 'localhost', FN]],

  // socket.connect: no Socket() options, no timeout.
  ['socket-connect-missing', 'socket.connect', [{}]],
  ['socket-connect-port-negative', 'socket.connect', [-5]],
  ['socket-connect-timeout-not-checked', 'socket.connect', [{ port: 80, timeout: 'x' }]],
  ['socket-connect-keep-alive-delay-not-checked', 'socket.connect', [{ port: 80, keepAliveInitialDelay: 'x' }]],
  ['socket-connect-path-boolean', 'socket.connect', [{ path: true }]],

  // new net.Socket(options)
  ['socket-fd-string', 'new net.Socket', [{ fd: 'x' }]],
  ['socket-fd-negative', 'new net.Socket', [{ fd: -1 }]],
  ['socket-fd-fraction', 'new net.Socket', [{ fd: 1.5 }]],
  ['socket-fd-too-big', 'new net.Socket', [{ fd: 2 ** 31 }]],
  ['socket-fd-boolean', 'new net.Socket', [{ fd: true }]],
  ['socket-fd-not-open', 'new net.Socket', [{ fd: 9999 }]],
  ['socket-fd-undefined', 'new net.Socket', [{ fd: null }]],
  ['socket-falsy-handle-then-fd', 'new net.Socket', [{ handle: 0, fd: 'x' }]],
  ['socket-object-mode', 'new net.Socket', [{ objectMode: true }]],
  ['socket-object-mode-falsy', 'new net.Socket', [{ objectMode: 0 }]],
  ['socket-readable-object-mode', 'new net.Socket', [{ readableObjectMode: 'x' }]],
  ['socket-writable-object-mode', 'new net.Socket', [{ writableObjectMode: 1 }]],
  ['socket-kwarg-writable-object-mode-pep8', 'new net.Socket', [], { writable_object_mode: 1 }],
  ['socket-object-mode-before-delay', 'new net.Socket', [{ keepAliveInitialDelay: 'x', objectMode: true }]],
  ['socket-keep-alive-initial-delay-string', 'new net.Socket', [{ keepAliveInitialDelay: 'x' }]],
  ['socket-keep-alive-initial-delay-negative', 'new net.Socket', [{ keepAliveInitialDelay: -5 }]],
  ['socket-keep-alive-initial-delay-nan', 'new net.Socket', [{ keepAliveInitialDelay: NAN }]],
  ['socket-delay-before-high-water-mark', 'new net.Socket', [{ keepAliveInitialDelay: 'x', highWaterMark: 'x' }]],
  ['socket-high-water-mark-negative', 'new net.Socket', [{ highWaterMark: -1 }]],
  ['socket-high-water-mark-fraction', 'new net.Socket', [{ highWaterMark: 1.5 }]],
  ['socket-high-water-mark-boolean', 'new net.Socket', [{ highWaterMark: true }]],
  ['socket-high-water-mark-nan', 'new net.Socket', [{ highWaterMark: NAN }]],
  ['socket-writable-high-water-mark-string', 'new net.Socket', [{ writableHighWaterMark: 'x' }]],
  ['socket-high-water-mark-overrides-writable', 'new net.Socket', [{ highWaterMark: 5, writableHighWaterMark: 'x' }]],
  ['socket-high-water-mark-before-signal', 'new net.Socket', [{ writableHighWaterMark: 'x', signal: 'x' }]],
  ['socket-signal-string', 'new net.Socket', [{ signal: 'x' }]],
  ['socket-signal-falsy', 'new net.Socket', [{ signal: 0 }]],
  ['socket-signal-valid', 'new net.Socket', [{ signal: SIGNAL }]],
  ['socket-signal-before-fd', 'new net.Socket', [{ signal: 'x', fd: 'x' }]],
  ['socket-kwarg-allow-half-open', 'new net.Socket', [], { allow_half_open: true }],
  ['socket-no-options', 'new net.Socket', []],

  // socket.setTimeout(msecs[, callback])
  ['set-timeout-negative', 'socket.setTimeout', [-1]],
  ['set-timeout-string', 'socket.setTimeout', ['x']],
  ['set-timeout-numeric-string', 'socket.setTimeout', ['5']],
  ['set-timeout-nan', 'socket.setTimeout', [NAN]],
  ['set-timeout-infinity', 'socket.setTimeout', [INF]],
  ['set-timeout-boolean', 'socket.setTimeout', [true]],
  ['set-timeout-undefined', 'socket.setTimeout', [null]],
  ['set-timeout-no-arguments', 'socket.setTimeout', []],
  ['set-timeout-2-31-truncated', 'socket.setTimeout', [2 ** 31]],
  ['set-timeout-max', 'socket.setTimeout', [2 ** 31 - 1]],
  ['set-timeout-fraction', 'socket.setTimeout', [1.5]],
  ['set-timeout-negative-zero', 'socket.setTimeout', [NEG_ZERO]],
  ['set-timeout-callback-string', 'socket.setTimeout', [10, 'x']],
  ['set-timeout-zero-callback-string', 'socket.setTimeout', [0, 'x']],
  ['set-timeout-callback-undefined', 'socket.setTimeout', [10, null]],
  ['set-timeout-callback', 'socket.setTimeout', [10, FN]],

  // socket.setKeepAlive: Node validates nothing.
  ['set-keep-alive-strings', 'socket.setKeepAlive', ['x', 'y']],
  ['set-keep-alive-delay-object', 'socket.setKeepAlive', [true, {}]],
  ['set-keep-alive-delay-negative', 'socket.setKeepAlive', [true, -1000]],
  ['set-keep-alive-no-arguments', 'socket.setKeepAlive', []],

  // socket.write / socket.end
  ['write-number', 'socket.write', [5]],
  ['write-null', 'socket.write', [NULL]],
  ['write-no-arguments', 'socket.write', []],
  ['write-object', 'socket.write', [{}]],
  ['write-array', 'socket.write', [[]]],
  ['write-boolean', 'socket.write', [true]],
  ['write-fraction', 'socket.write', [1.5]],
  ['write-string', 'socket.write', ['abc']],
  ['write-buffer', 'socket.write', [bytes('6162')]],
  ['write-uint8array', 'socket.write', [memview('6162')]],
  ['write-uint16array', 'socket.write', [array('H', [1, 515])]],
  ['write-float64array-with-encoding', 'socket.write', [array('d', [1.5]), 'hex']],
  ['write-typed-array-unknown-encoding', 'socket.write', [array('h', [-1]), 'bogus']],
  ['write-callback-not-function', 'socket.write', ['a', 'utf8', 'x']],
  ['write-callback-as-encoding', 'socket.write', ['a', FN]],
  ['write-unknown-encoding-before-chunk-type', 'socket.write', [5, 'bogus']],
  ['write-null-before-unknown-encoding', 'socket.write', [NULL, 'bogus']],
  ['write-buffer-unknown-encoding', 'socket.write', [bytes('00'), 'bogus']],
  ['write-encoding-any-case', 'socket.write', ['a', 'UTF-8']],
  ['write-encoding-buffer', 'socket.write', [bytes('00'), 'buffer']],
  ['end-number', 'socket.end', [5]],
  ['end-object', 'socket.end', [{}]],
  ['end-null', 'socket.end', [NULL]],
  ['end-no-arguments', 'socket.end', []],
  ['end-number-with-callback', 'socket.end', [5, 'utf8', FN]],
  ['end-callback-only', 'socket.end', [FN]],
  ['end-buffer', 'socket.end', [bytes('00')]],
  ['end-int32array', 'socket.end', [array('i', [-2, 7])]],
  ['end-unknown-encoding', 'socket.end', ['a', 'bogus']],
  ['end-callback-as-encoding', 'socket.end', ['a', FN]],

  // server.listen
  ['listen-no-arguments', 'server.listen', []],
  ['listen-undefined', 'server.listen', [null]],
  ['listen-callback-only', 'server.listen', [FN]],
  ['listen-empty-options', 'server.listen', [{}]],
  ['listen-empty-options-with-callback', 'server.listen', [{}, FN]],
  ['listen-port-undefined-is-random', 'server.listen', [{ port: null }]],
  ['listen-kwarg-port-none-is-random', 'server.listen', [], { port: null }],
  ['listen-port-undefined-with-host', 'server.listen', [{ port: null, host: 'localhost' }]],
  ['listen-host-only', 'server.listen', [{ host: 'localhost' }]],
  ['listen-kwarg-host-only', 'server.listen', [], { host: 'localhost' }],
  ['listen-kwargs-after-callback', 'server.listen', [FN], { backlog: 5 }],
  ['listen-backlog-only', 'server.listen', [{ backlog: 5 }]],
  ['listen-path-undefined', 'server.listen', [{ path: null }]],
  ['listen-port-negative', 'server.listen', [-1]],
  ['listen-port-65536', 'server.listen', [65536]],
  ['listen-port-string-empty', 'server.listen', ['']],
  ['listen-port-string-space', 'server.listen', [' ']],
  ['listen-port-fraction', 'server.listen', [0.5]],
  ['listen-port-nan', 'server.listen', [NAN]],
  ['listen-port-string-hex', 'server.listen', ['0x0']],
  ['listen-option-port-string-abc', 'server.listen', [{ port: 'abc' }]],
  ['listen-option-port-string-negative-zero', 'server.listen', [{ port: '-0' }]],
  ['listen-port-true', 'server.listen', [true]],
  ['listen-kwarg-port-true', 'server.listen', [], { port: true }],
  ['listen-port-false', 'server.listen', [false]],
  ['listen-option-port-object', 'server.listen', [{ port: {} }]],
  ['listen-option-port-true-with-host', 'server.listen', [{ port: true, host: 'localhost' }]],
  ['listen-path-empty', 'server.listen', [{ path: '' }]],
  ['listen-path-numeric', 'server.listen', [{ path: '80' }]],
  ['listen-path-boolean', 'server.listen', [{ path: true }]],
  ['listen-port-string-wins-over-path', 'server.listen', [{ port: 'a', path: 'b' }]],
  ['listen-port-boolean-falls-to-path', 'server.listen', [{ port: true, path: SOCK1 }]],
  ['listen-port-wins-over-path', 'server.listen', [{ port: 0, path: '/nonexistent/gnet.sock' }]],
  ['listen-path-positional-with-junk-backlog', 'server.listen', [SOCK2, 'x']],
  ['listen-host-boolean', 'server.listen', [{ port: 0, host: true }]],
  ['listen-host-array', 'server.listen', [{ port: 0, host: [] }]],
  ['listen-host-empty', 'server.listen', [{ port: 0, host: '' }]],
  ['listen-port-host-junk-backlog', 'server.listen', [0, 'localhost', 'x']],
  ['listen-port-boolean-backlog', 'server.listen', [0, true]],
  ['listen-signal-object', 'server.listen', [{ port: 0, signal: {} }]],
  ['listen-signal-zero', 'server.listen', [{ port: 0, signal: 0 }]],
  ['listen-signal-before-port', 'server.listen', [{ port: -1, signal: 'x' }]],
  ['listen-signal-valid', 'server.listen', [{ port: 0, signal: SIGNAL }]],
  ['listen-backlog-string', 'server.listen', [{ port: 0, backlog: 'x' }]],
  ['listen-backlog-negative', 'server.listen', [{ port: 0, backlog: -1 }]],
  ['listen-ipv6-only-string', 'server.listen', [{ port: 0, ipv6Only: 'x' }]],
  ['listen-kwarg-ipv6-only-pep8', 'server.listen', [], { port: 0, ipv6_only: true }],
  ['listen-exclusive-string', 'server.listen', [{ port: 0, exclusive: 'x' }]],
  ['listen-readable-all-with-port', 'server.listen', [{ port: 0, readableAll: true }]],
  ['listen-abstract-path-readable-all', 'server.listen', [{ path: '\0gnet-bad-calls', readableAll: true }]],
  ['listen-abstract-path-writable-all-falsy', 'server.listen', [{ path: '\0gnet-bad-calls', writableAll: 0 }]],
  ['listen-fd-string', 'server.listen', [{ fd: 'x' }]],
  ['listen-fd-negative', 'server.listen', [{ fd: -1 }]],
  ['listen-fd-not-open', 'server.listen', [{ fd: 9999 }]],
  ['listen-fd-fraction', 'server.listen', [{ fd: 1.5 }]],
  ['listen-fd-wins-over-port', 'server.listen', [{ fd: 9999, port: -1 }]],
  ['listen-handle-empty-object', 'server.listen', [{ handle: {} }]],
  ['listen-handle-with-fd', 'server.listen', [{ handle: { fd: 9999 } }]],
  ['listen-underscore-handle-replaces-options', 'server.listen', [{ _handle: { port: -5 } }]],
  ['listen-handle-undefined', 'server.listen', [{ handle: null, port: -5 }]],
  ['listen-array', 'server.listen', [[]]],
  ['listen-option-port-typed-array', 'server.listen', [{ port: array('H', [80, 1]) }]],
  ['listen-option-port-empty-uint8array', 'server.listen', [{ port: memview('') }]],

  // createServer / new Server
  ['create-server-string', 'net.createServer', ['x']],
  ['create-server-number', 'net.createServer', [5]],
  ['create-server-boolean', 'net.createServer', [true]],
  ['create-server-undefined', 'net.createServer', [null]],
  ['create-server-array', 'net.createServer', [[]]],
  ['create-server-listener-not-function', 'net.createServer', [{}, 'x']],
  ['create-server-keep-alive-initial-delay-string', 'net.createServer', [{ keepAliveInitialDelay: 'x' }]],
  ['create-server-kwarg-keep-alive-initial-delay-pep8', 'net.createServer', [], { keep_alive_initial_delay: 'x' }],
  ['create-server-kwargs-after-listener', 'net.createServer', [FN], { high_water_mark: 'x' }],
  ['create-server-high-water-mark-string', 'net.createServer', [{ highWaterMark: 'x' }]],
  ['create-server-high-water-mark-negative', 'net.createServer', [{ highWaterMark: -1 }]],
  ['create-server-high-water-mark-nan', 'net.createServer', [{ highWaterMark: NAN }]],
  ['create-server-delay-before-high-water-mark', 'net.createServer', [{ highWaterMark: 'x', keepAliveInitialDelay: 'x' }]],
  ['create-server-pause-on-connect-string', 'net.createServer', [{ pauseOnConnect: 'x' }]],
  ['new-server-string', 'new net.Server', ['x']],
  ['new-server-listener', 'new net.Server', [FN]],

  // server.maxConnections: a plain property, never validated.
  ['max-connections-string', 'server.maxConnections=', ['x']],
  ['max-connections-negative', 'server.maxConnections=', [-1]],
  ['max-connections-undefined', 'server.maxConnections=', [null]],
];

// Values read by JavaScript's Number(), Boolean() and String(): the ground
// truth for js_number, js_truthy and js_string.
const NUMBER_INPUTS = [
  '', ' ', '\t\n', '0', '-0', '+0', '80', ' 80 ', '\n80\n', '\u00a080\u00a0', '\ufeff80',
  '\u200b80', '\x1c80', '0x1f90', '0X1F90', '0x', '0x1g', '-0x10', '+0x10', '0o17', '0O17',
  '0b101', '0B101', '0b2', '1e3', '1E3', '1e+3', '1e-7', '1e', 'e5', '1e400', '.5', '5.', '.',
  '+80', '-80', '+-1', '80.0', '80.5', '00080', '08', '12abc', 'abc', '1_000', 'Infinity',
  '+Infinity', '-Infinity', 'infinity', 'inf', 'NaN', '\u0663', '9007199254740993',
  '0xffffffffffffffffff', '4294967296',
  null, true, false, 5, NEG_ZERO, 1.5, NAN, INF, [], ['5'], [' 7 '], [1, 2], [null], {}, FN,
  bytes('3830'), array('B', [7]), array('H', [1, 2]),
];
const TRUTHY_INPUTS = [
  null, NULL, true, false, 0, NEG_ZERO, 1, -1, 0.5, NAN, INF, '', ' ', '0', 'false',
  [], {}, FN, bytes(''), SIGNAL,
];
const STRING_INPUTS = [
  null, true, false, 0, NEG_ZERO, 5, -5, 1.5, 1e21, 1e-7, 2 ** 53, NAN, INF, 'x',
  [], [1, 2], [null, 'a'], [[1, 2], 3], {}, bytes('6162'), memview('0102'),
  array('H', [1, 515]), array('d', [1.5, 0.1, 1e21]), array('f', [0.1]),
];
// setKeepAlive's ~~(initialDelay / 1000), and the server's
// `maxConnections && connections >= maxConnections`.
const KEEPALIVE_INPUTS = [1500, 999, -1500, 0.5, '3000', ' 2e3 ', 'x', null, {}, [], true, NAN, INF, 1e20, 2 ** 31 * 1000];
const MAX_CONNECTIONS_INPUTS = [
  [2, 2], [3, 2], ['2', 2], ['2', 1], ['x', 100], [0, 100], [null, 100], [NAN, 100],
  [true, 1], [true, 0], [[], 0], [['3'], 3], [' 4 ', 4], [-1, 0], [1.5, 1], [1.5, 2],
];

// --- description -> JavaScript value ---------------------------------------

function camel(key) {
  return key.replace(/(?<=[a-z0-9])_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

function isTag(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && '$' in v;
}

function isPlainDesc(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !isTag(v);
}

function toJS(v) {
  if (v === null) return undefined;
  if (Array.isArray(v)) return v.map(toJS);
  if (isTag(v)) {
    switch (v.$) {
      case 'null': return null;
      case 'NaN': return NaN;
      case 'Infinity': return Infinity;
      case '-Infinity': return -Infinity;
      case '-0': return -0;
      case 'function': return noop;
      case 'bytes': return Buffer.from(v.hex, 'hex');
      case 'memoryview': return new Uint8Array(Buffer.from(v.hex, 'hex'));
      case 'array': return new TYPED_ARRAYS[v.typecode](v.values);
      case 'AbortSignal': return new AbortController().signal;
      case 'dict': {
        const out = {};
        for (const [k, val] of v.items) out[String(toJS(k))] = toJS(val);
        return out;
      }
      case 'error': return new Error(v.message);
      case 'bytearray': return Buffer.from(v.hex, 'hex');
    }
    throw new Error('unknown tag ' + v.$);
  }
  if (typeof v === 'object') {
    const out = {};
    for (const [k, val] of Object.entries(v)) out[camel(k)] = toJS(val);
    return out;
  }
  return v;
}

// Python keyword arguments as Node's options object (see the header).
function withKwargs(args, kwargs) {
  if (!kwargs) return args;
  if (args.length > 0 && isPlainDesc(args[0])) {
    return [{ ...args[0], ...kwargs }, ...args.slice(1)];
  }
  if (args.length === 0 || (isTag(args[0]) && args[0].$ === 'function')) {
    return [kwargs, ...args];
  }
  throw new Error('kwargs after positional port/path are not described');
}

// --- rendering, for people reading the table --------------------------------

function renderJS(v) {
  if (v === null) return 'undefined';
  if (Array.isArray(v)) return '[' + v.map(renderJS).join(', ') + ']';
  if (isTag(v)) {
    switch (v.$) {
      case 'function': return 'noop';
      case 'bytes': return `Buffer.from('${v.hex}', 'hex')`;
      case 'memoryview': return `new Uint8Array(Buffer.from('${v.hex}', 'hex'))`;
      case 'array': return `new ${TYPED_ARRAYS[v.typecode].name}([${v.values.join(', ')}])`;
      case 'AbortSignal': return 'new AbortController().signal';
      default: return v.$;
    }
  }
  if (typeof v === 'object') {
    const parts = Object.entries(v).map(([k, val]) => {
      const key = camel(k);
      return `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${renderJS(val)}`;
    });
    return parts.length ? `{ ${parts.join(', ')} }` : '{}';
  }
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

function renderPy(v) {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (Array.isArray(v)) return '[' + v.map(renderPy).join(', ') + ']';
  if (isTag(v)) {
    switch (v.$) {
      case 'null': return 'None';
      case 'NaN': return "float('nan')";
      case 'Infinity': return "float('inf')";
      case '-Infinity': return "float('-inf')";
      case '-0': return '-0.0';
      case 'function': return 'noop';
      case 'bytes': return `bytes.fromhex('${v.hex}')`;
      case 'memoryview': return `memoryview(bytes.fromhex('${v.hex}'))`;
      case 'array': return `array.array('${v.typecode}', [${v.values.join(', ')}])`;
      case 'AbortSignal': return 'signal';
    }
  }
  if (typeof v === 'object') {
    const parts = Object.entries(v).map(([k, val]) => `${JSON.stringify(k).replace(/^"|"$/g, "'")}: ${renderPy(val)}`);
    return '{' + parts.join(', ') + '}';
  }
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

const PY_NAMES = {
  'net.connect': 'gnet.connect',
  'net.createConnection': 'gnet.createConnection',
  'socket.connect': 'gnet.Socket().connect',
  'new net.Socket': 'gnet.Socket',
  'socket.setTimeout': 'gnet.Socket().setTimeout',
  'socket.setKeepAlive': 'gnet.Socket().setKeepAlive',
  'socket.write': 'gnet.Socket().write',
  'socket.end': 'gnet.Socket().end',
  'server.listen': 'gnet.Server().listen',
  'net.createServer': 'gnet.createServer',
  'new net.Server': 'gnet.Server',
};

function renderCall(op, args, kwargs) {
  if (op === 'server.maxConnections=') {
    return [`new net.Server().maxConnections = ${renderJS(args[0])}`,
            `gnet.Server().maxConnections = ${renderPy(args[0])}`];
  }
  const jsArgs = withKwargs(args, kwargs).map(renderJS).join(', ');
  const js = {
    'socket.connect': `new net.Socket().connect(${jsArgs})`,
    'socket.setTimeout': `new net.Socket().setTimeout(${jsArgs})`,
    'socket.setKeepAlive': `new net.Socket().setKeepAlive(${jsArgs})`,
    'socket.write': `new net.Socket().write(${jsArgs})`,
    'socket.end': `new net.Socket().end(${jsArgs})`,
    'server.listen': `new net.Server().listen(${jsArgs})`,
    'new net.Socket': `new net.Socket(${jsArgs})`,
    'new net.Server': `new net.Server(${jsArgs})`,
  }[op] || `${op}(${jsArgs})`;
  const pyArgs = args.map(renderPy);
  for (const [k, val] of Object.entries(kwargs || {})) pyArgs.push(`${k}=${renderPy(val)}`);
  return [js, `${PY_NAMES[op]}(${pyArgs.join(', ')})`];
}

// --- running ----------------------------------------------------------------

const live = [];

function run(op, jsArgs) {
  switch (op) {
    case 'net.connect':
    case 'net.createConnection': {
      const s = net[op.slice(4)](...jsArgs);
      live.push(s.on('error', noop));
      return;
    }
    case 'socket.connect': {
      const s = new net.Socket().on('error', noop);
      live.push(s);
      s.connect(...jsArgs);
      return;
    }
    case 'new net.Socket':
      live.push(new net.Socket(...jsArgs).on('error', noop));
      return;
    case 'socket.setTimeout':
    case 'socket.setKeepAlive':
    case 'socket.write':
    case 'socket.end': {
      const s = new net.Socket().on('error', noop);
      live.push(s);
      s[op.slice(7)](...jsArgs);
      return;
    }
    case 'server.listen': {
      const server = new net.Server().on('error', noop);
      live.push(server);
      server.listen(...jsArgs);
      return;
    }
    case 'net.createServer':
      live.push(net.createServer(...jsArgs));
      return;
    case 'new net.Server':
      live.push(new net.Server(...jsArgs));
      return;
    case 'server.maxConnections=': {
      const server = new net.Server();
      server.maxConnections = jsArgs[0];
      return;
    }
  }
  if (op in MORE_OPS) {
    MORE_OPS[op](jsArgs);
    return;
  }
  throw new Error('unknown op ' + op);
}

// The rest of the public surface, for replayed cases. Each acts on a fresh
// object; what it made is in `live` (destroyed, closed) or `timers` (cleared).
const EventEmitter = require('events');
const timers = [];
// An emitter with one listener already on 'x', so that emit('x', ...) calls it.
const emitter = () => new EventEmitter().on('x', noop);
const socketMethod = (name) => (args) => {
  const s = new net.Socket().on('error', noop);
  live.push(s);
  s[name](...args);
};
const serverMethod = (name) => (args) => {
  const server = new net.Server().on('error', noop);
  live.push(server);
  server[name](...args);
};
const MORE_OPS = {
  'socket.setNoDelay': socketMethod('setNoDelay'),
  'socket.setEncoding': socketMethod('setEncoding'),
  'socket.setDefaultEncoding': socketMethod('setDefaultEncoding'),
  'socket.destroy': socketMethod('destroy'),
  'socket.read': socketMethod('read'),
  'socket.pipe': socketMethod('pipe'),
  'socket.unpipe': socketMethod('unpipe'),
  'server.close': serverMethod('close'),
  'server.getConnections': serverMethod('getConnections'),
  'server.address': serverMethod('address'),
  'setTimeout': (args) => { timers.push(['t', setTimeout(...args)]); },
  'setInterval': (args) => { timers.push(['t', setInterval(...args)]); },
  'setImmediate': (args) => { timers.push(['i', setImmediate(...args)]); },
  'clearTimeout': (args) => clearTimeout(...args),
  'clearInterval': (args) => clearInterval(...args),
  'clearImmediate': (args) => clearImmediate(...args),
  'process.nextTick': (args) => process.nextTick(...args),
  'emitter.on': (args) => emitter().on(...args),
  'emitter.once': (args) => emitter().once(...args),
  'emitter.prependListener': (args) => emitter().prependListener(...args),
  'emitter.prependOnceListener': (args) => emitter().prependOnceListener(...args),
  'emitter.removeListener': (args) => emitter().removeListener(...args),
  'emitter.off': (args) => emitter().off(...args),
  'emitter.emit': (args) => emitter().emit(...args),
  'emitter.on+emit': (args) => new EventEmitter().on('x', ...args.slice(0, 1)).emit('x', ...args.slice(1)),
  'emitter.setMaxListeners': (args) => emitter().setMaxListeners(...args),
  'emitter.listenerCount': (args) => emitter().listenerCount(...args),
  'emitter.listeners': (args) => emitter().listeners(...args),
  'emitter.rawListeners': (args) => emitter().rawListeners(...args),
  'emitter.removeAllListeners': (args) => emitter().removeAllListeners(...args),
  'net.isIP': (args) => net.isIP(...args),
  'net.isIPv4': (args) => net.isIPv4(...args),
  'net.isIPv6': (args) => net.isIPv6(...args),
  'blockList.addAddress': (args) => new net.BlockList().addAddress(...args),
  'blockList.addRange': (args) => new net.BlockList().addRange(...args),
  'blockList.addSubnet': (args) => new net.BlockList().addSubnet(...args),
  'blockList.check': (args) => new net.BlockList().check(...args),
  'new net.SocketAddress': (args) => new net.SocketAddress(...args),
  'net.SocketAddress.isSocketAddress': (args) => net.SocketAddress.isSocketAddress(...args),
  'net.setDefaultAutoSelectFamily': (args) => net.setDefaultAutoSelectFamily(...args),
  'net.setDefaultAutoSelectFamilyAttemptTimeout': (args) => net.setDefaultAutoSelectFamilyAttemptTimeout(...args),
  'process.setUncaughtExceptionCaptureCallback': (args) => process.setUncaughtExceptionCaptureCallback(...args),
  'process.exitCode=': (args) => { process.exitCode = args[0]; },
  'AbortSignal.timeout': (args) => { AbortSignal.timeout(...args); },
  'AbortSignal.abort': (args) => AbortSignal.abort(...args),
  'AbortSignal.any': (args) => AbortSignal.any(...args),
};

function cleanup() {
  for (const path of [SOCK1, SOCK2]) {
    try { fs.unlinkSync(path); } catch { /* not there */ }
  }
}

// Warnings are emitted on a later tick; catch them as they are raised.
let warnings = [];
process.emitWarning = (warning, type) => {
  warnings.push({ name: typeof type === 'string' ? type : 'Warning', message: String(warning) });
};

// --- replaying generated cases (--replay) -----------------------------------

function outcome(thunk, given) {
  warnings = [];
  let result;
  try {
    thunk();
    result = { ok: true };
  } catch (err) {
    if (given.includes(err)) result = { threw_given: true };
    else if (err && err.code) result = { code: err.code, name: err.name, message: err.message };
    else result = { threw: err && err.name, message: String(err && err.message) };
  }
  if (warnings.length) result.warnings = warnings;
  return result;
}

function errorsIn(value, found) {
  if (value instanceof Error) found.push(value);
  else if (Array.isArray(value)) value.forEach((v) => errorsIn(v, found));
  else if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !ArrayBuffer.isView(value)) {
    Object.values(value).forEach((v) => errorsIn(v, found));
  }
  return found;
}

const DEFAULTS = [net.getDefaultAutoSelectFamily(), net.getDefaultAutoSelectFamilyAttemptTimeout()];

function replay() {
  // Whatever a case starts (a connect, a listen) may fail later; none of it
  // may end the process.
  process.on('uncaughtException', noop);
  const lines = require('readline').createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const { op, args } = JSON.parse(line);
    const jsArgs = toJS(args);
    const result = outcome(() => run(op, jsArgs), errorsIn(jsArgs, []));
    for (const obj of live.splice(0)) {
      if (obj.destroy) obj.destroy();
      else obj.close();
    }
    for (const [kind, handle] of timers.splice(0)) {
      if (kind === 't') clearTimeout(handle);
      else clearImmediate(handle);
    }
    net.setDefaultAutoSelectFamily(DEFAULTS[0]);
    net.setDefaultAutoSelectFamilyAttemptTimeout(DEFAULTS[1]);
    process.setUncaughtExceptionCaptureCallback(null);
    process.exitCode = undefined;
    process.stdout.write(JSON.stringify(result) + '\n');
  });
  lines.on('close', () => process.exit(0));
}

if (process.argv.includes('--replay')) {
  replay();
  return;
}

cleanup();
const entries = [];
const seen = new Set();
for (const [id, op, args, kwargs] of CASES) {
  if (seen.has(id)) throw new Error('duplicate id ' + id);
  seen.add(id);
  const [js, py] = renderCall(op, args, kwargs);
  const entry = { id, js, py, py_call: { op, args } };
  if (kwargs) entry.py_call.kwargs = kwargs;
  warnings = [];
  try {
    run(op, toJS(withKwargs(args, kwargs)));
    entry.node = { ok: true };
  } catch (err) {
    if (!err.code) throw new Error(`${id}: Node threw without a code: ${err.stack}`);
    entry.node = { code: err.code, name: err.name, message: err.message };
  }
  if (warnings.length) entry.node.warnings = warnings;
  entries.push(entry);
}
for (const obj of live) {
  if (obj.destroy) obj.destroy();
  else obj.close();
}
cleanup();

// A JavaScript number as a description (NaN, Infinity and -0 tagged).
function describeNumber(n) {
  if (Number.isNaN(n)) return NAN;
  if (n === Infinity) return INF;
  if (n === -Infinity) return { $: '-Infinity' };
  if (Object.is(n, -0)) return NEG_ZERO;
  return n;
}

process.stdout.write(JSON.stringify({
  generated_by: 'node tests/node_bad_calls.js > tests/data/node_bad_calls.json',
  node: process.version,
  platform: process.platform,
  count: entries.length,
  entries,
  number: NUMBER_INPUTS.map((input) => ({ input, output: describeNumber(Number(toJS(input))) })),
  truthy: TRUTHY_INPUTS.map((input) => ({ input, output: Boolean(toJS(input)) })),
  string: STRING_INPUTS.map((input) => ({ input, output: String(toJS(input)) })),
  keepalive: KEEPALIVE_INPUTS.map((input) => ({ input, output: ~~(toJS(input) / 1000) })),
  max_connections: MAX_CONNECTIONS_INPUTS.map(([max, connections]) => ({
    input: [max, connections],
    output: Boolean(toJS(max) && connections >= toJS(max)),
  })),
}, null, 1) + '\n', () => process.exit(0));  // exit once flushed, before any async error
