'use strict';
// The JavaScript half of a compat scenario prints its trace through `show`,
// so both halves render values the same way (see compat/trace.py).

function fmt(v) {
  if (v === undefined || v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (v instanceof Error) {
    let s = v.code !== undefined ? String(v.code) : v.name;
    if (v.syscall !== undefined) s += ' ' + v.syscall;
    return s;
  }
  if (Buffer.isBuffer(v)) return 'buf:' + v.toString('hex');
  if (Array.isArray(v)) return '[' + v.map(fmt).join(',') + ']';
  if (typeof v === 'function') return 'fn:' + (v.name || 'anonymous');
  if (typeof v === 'object') {
    return '{' + Object.keys(v).sort().map((k) => k + ':' + fmt(v[k])).join(',') + '}';
  }
  if (typeof v === 'number' && Object.is(v, -0)) return '0';
  return String(v);
}

function show(...parts) {
  process.stdout.write(parts.map(fmt).join(' ') + '\n');
}

module.exports = { fmt, show };
