// The peer of the "peer" benchmark: a minimal bot on Microsoft's botbuilder for JavaScript (CloudAdapter) that answers
// every message with one fixed text, written from botbuilder's public documentation. No MicrosoftAppId, as for local
// development: inbound activities are not authenticated and replies carry no token. Replies go where Teams would
// send them: the connector at the activity's serviceUrl (in the benchmark, the loopback connector).
//
//   node bench/peer/botbuilder-bot.js [port]     (port 0 or none: any free one; always on 127.0.0.1)
//
// Prints "READY http://127.0.0.1:<port>/api/messages" once listening; on SIGTERM or a closed stdin it stops and
// prints "DONE turns=<n> failures=<n>".
'use strict';

const http = require('node:http');
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');

const FixedText = 'Hei! Jeg er en enkel bot som svarer det samme på alt.';
let turns = 0;
let failures = 0;

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (_context, error) => {
  failures++;
  console.error(`turn failed: ${error && error.message}`);
};

class FixedReplyBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(FixedText);
      turns++;
      await next();
    });
  }
}
const bot = new FixedReplyBot();

// CloudAdapter.process expects a request with a parsed body and a response with status/header/send/end, as restify and
// express give them; plain node:http with these few lines keeps the peer free of a web framework's cost.
const server = http.createServer((req, res) => {
  if (req.url !== '/api/messages') {
    res.statusCode = 404;
    res.end();
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    const request = { method: req.method, headers: req.headers, body };
    const response = {
      status: (code) => { res.statusCode = code; },
      header: (name, value) => { res.setHeader(name, value); },
      send: (payload) => {
        if (payload === undefined || payload === null) return;
        if (typeof payload === 'string' || Buffer.isBuffer(payload)) res.write(payload);
        else {
          res.setHeader('content-type', 'application/json');
          res.write(JSON.stringify(payload));
        }
      },
      end: () => res.end(),
    };
    adapter.process(request, response, (context) => bot.run(context)).catch((error) => {
      failures++;
      console.error(`process failed: ${error && error.message}`);
      if (!res.writableEnded) {
        res.statusCode = 500;
        res.end();
      }
    });
  });
});

function stop() {
  server.close();
  console.log(`DONE turns=${turns} failures=${failures}`);
  process.exit(0);
}
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();

server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  console.log(`READY http://127.0.0.1:${server.address().port}/api/messages`);
});
