// covers: new net.Server, net.Server(options, connectionListener), net.createServer
const net = require('net');
const { show } = require('../../trace');

const plain = new net.Server();
show('plain', plain instanceof net.Server, plain.allowHalfOpen, plain.pauseOnConnect, plain.listening);
show('createServer', net.createServer() instanceof net.Server);
const withOpts = new net.Server({ allowHalfOpen: true, pauseOnConnect: true });
show('with options', withOpts.allowHalfOpen, withOpts.pauseOnConnect, withOpts.listenerCount('connection'));
const server = new net.Server((c) => {
  show('listener got connection', c instanceof net.Socket);
  c.end('hi');
});
show('with listener', server.listenerCount('connection'));
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  client.on('data', (d) => show('client data', d));
  client.on('close', () => server.close(() => show('closed')));
});
