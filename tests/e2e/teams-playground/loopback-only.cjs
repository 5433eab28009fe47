// Preloaded into the simulator's Node process: every TCP connection to a host other than this machine fails at once,
// before any DNS lookup. The simulator bundles a telemetry SDK that reaches out even with --disable-telemetry.
'use strict';
const net = require('net');

const local = (host) => host == null || host === '' || host === 'localhost' || host === '::1' || host === '[::1]'
  || /^127\./.test(host) || /^::ffff:127\./i.test(host);

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function loopbackOnly(...args) {
  const options = Array.isArray(args[0]) ? args[0][0] : args[0];
  let host;
  if (options && typeof options === 'object') {
    if (options.path) return connect.apply(this, args);
    host = options.host;
  } else if (typeof options === 'number' || /^\d+$/.test(String(options))) {
    host = typeof args[1] === 'string' ? args[1] : undefined;
  } else {
    return connect.apply(this, args);
  }
  if (local(host)) return connect.apply(this, args);
  const error = Object.assign(new Error(`loopback-only: connection to ${host} refused`), { code: 'ECONNREFUSED' });
  process.nextTick(() => this.destroy(error));
  return this;
};
