// Loaded into the simulator's Node process with `node --require`. The simulator bundles a telemetry SDK that
// reaches for Azure endpoints at start-up even with --disable-telemetry; tests must stay on this machine, so every
// TCP connection that is not to a loopback address is refused here, before a DNS lookup can happen.
'use strict';
const net = require('net');

const loopback = (host) =>
  host == null || host === '' || host === 'localhost' || host === '::1' || host === '[::1]' ||
  host.startsWith('127.') || host.toLowerCase().startsWith('::ffff:127.');

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function loopbackOnlyConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  let host;
  if (first !== null && typeof first === 'object') {
    if (first.path) return connect.apply(this, args); // unix socket
    host = first.host;
  } else if (typeof first === 'number' || /^\d+$/.test(String(first))) {
    host = typeof args[1] === 'string' ? args[1] : undefined;
  } else {
    return connect.apply(this, args); // unix socket path
  }
  if (loopback(host)) return connect.apply(this, args);
  process.stderr.write(`[loopback-only] refused a connection to ${host}\n`);
  const refused = Object.assign(new Error(`connection to ${host} refused: tests stay on loopback`), { code: 'ECONNREFUSED' });
  process.nextTick(() => this.destroy(refused));
  return this;
};
