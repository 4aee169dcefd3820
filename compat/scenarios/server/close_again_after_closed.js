// covers: server.close(callback), ERR_SERVER_NOT_RUNNING, 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
let closes = 0;
server.on('close', () => { closes += 1; show('close event', closes); });
server.listen(0, '127.0.0.1', () => {
  server.close((err) => {
    show('first close callback', err);
    server.close((err2) => show('second close callback', err2));
  });
});
process.on('exit', () => show('exit', closes));
