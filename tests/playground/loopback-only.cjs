// Preloaded with `node -r` into the Agents Playground: it listens on all interfaces by default, and our rule is that
// every development server binds to loopback. Any listen() without a host, or on a wildcard host, gets 127.0.0.1.
'use strict';
const net = require('net');
const wildcard = new Set([undefined, null, '', '0.0.0.0', '::', '::0']);
const originalListen = net.Server.prototype.listen;

net.Server.prototype.listen = function listen(...args) {
  if (args.length > 0 && typeof args[0] === 'object' && args[0] !== null && !Array.isArray(args[0])) {
    const options = args[0];
    if (options.path === undefined && wildcard.has(options.host)) args[0] = { ...options, host: '127.0.0.1' };
  } else if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    if (typeof args[1] !== 'string' || wildcard.has(args[1])) {
      const rest = typeof args[1] === 'string' || args[1] === undefined || args[1] === null ? args.slice(2) : args.slice(1);
      args = [args[0], '127.0.0.1', ...rest];
    }
  } else if (args.length === 0 || typeof args[0] === 'function') {
    args = [0, '127.0.0.1', ...args];
  }
  return originalListen.apply(this, args);
};
