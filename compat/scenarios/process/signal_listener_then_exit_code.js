'use strict';
// covers: process.on(signal), process.kill, process.exitCode, process.exit, 'exit'
// A signal listener replaces dying of the signal and gets the name and the
// number; 'exit' comes last, with the exit code.
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer().listen(0);
process.on('exit', (code) => show('exit', code, process.exitCode));
process.on('SIGUSR2', (name, number) => {
  show('signal', name, number);
  server.close(() => show('closed'));
  process.exitCode = 0;
});
for (const code of ['abc', 1.5, true]) {
  try {
    process.exit(code);
  } catch (err) {
    show('exit(' + JSON.stringify(code) + ')', err.code);
  }
}
show('kill', process.kill(process.pid, 'SIGUSR2'));
