// A scripted MCP server for the parts of the console no built-in tool exercises: a tool that reports progress, logs
// and asks the user (elicitation) in both eras. It serves the console's own files (from src/main/resources) and a
// one-tool /mcp: in the session era the question goes out inside the call's SSE stream and the answer comes back as
// a POSTed JSON-RPC response; in 2026-07-28 the call ends input_required and is retried with inputResponses. Its
// console API wants a bearer token, so the page's refusal banner and token field are exercised too.
import {readFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {extname} from 'node:path';

const CONSOLE = new URL('../../main/resources/META-INF/resources/console/', import.meta.url);
const TYPES = {'.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript'};
const SCHEMA = {
  type: 'object',
  properties: {
    name: {type: 'string', title: 'Your name', description: 'How to greet you'},
    color: {type: 'string', enum: ['red', 'green'], description: 'A favourite color'},
  },
  required: ['name'],
};
const TOOL = {name: 'greet', title: 'Greet', description: 'Asks your name, then greets you.', inputSchema: {type: 'object', properties: {}}};
/** The one token the scripted console API accepts. */
export const TOKEN = 'scripted-admin-token';
const PROMPT = {name: 'welcome', title: 'Welcome', description: 'Welcomes someone.', arguments: [{name: 'who', description: 'Whom to welcome', required: true}]};
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'";

// A 1×1 PNG: the page must show it from a data: URL under its Content-Security-Policy.
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const CARD = 'greeting://card';

/** The tool's answer: every kind of content the console renders, and structuredContent. */
function greeting(answer) {
  if (answer?.action !== 'accept') return {content: [{type: 'text', text: `No greeting: the user chose ${answer?.action}`}], isError: false};
  const text = `Hello ${answer.content.name}${answer.content.color ? ` (${answer.content.color})` : ''}`;
  return {
    content: [
      {type: 'text', text},
      {type: 'image', data: PIXEL, mimeType: 'image/png'},
      {type: 'resource_link', uri: CARD, name: 'greeting-card', title: 'Greeting card', mimeType: 'text/plain'},
      {type: 'resource', resource: {uri: 'greeting://embedded', mimeType: 'text/plain', text: 'An embedded hello'}},
    ],
    structuredContent: {greeting: text},
    isError: false,
  };
}

function read(uri) {
  return uri === CARD ? {contents: [{uri, mimeType: 'text/plain', text: 'A card for you'}]} : null;
}

/** Starts the server on a free loopback port; resolves with {url, close, seen} (seen: what the server checked). */
export function startScriptedServer() {
  const pending = new Map(); // elicitation id → the SSE response of the call waiting for it
  const seen = {statelessHeaders: false, answeredByPost: false, retriedWithState: false, bearerOnMcp: false, bearerOnApi: false, cancelled: false};
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'GET' && url.pathname.startsWith('/console')) {
      const file = url.pathname === '/console' || url.pathname === '/console/' ? 'index.html' : url.pathname.slice('/console/'.length);
      if (file.startsWith('api/')) return consoleApi(req, res, file);
      if (file.includes('..')) return json(res, 404, {error: 'not found'});
      try {
        res.writeHead(200, {'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Content-Security-Policy': CSP});
        return res.end(readFileSync(new URL(file, CONSOLE)));
      } catch {
        return json(res, 404, {error: 'not found'});
      }
    }
    if (req.method !== 'POST' || url.pathname !== '/mcp') return json(res, 404, {error: 'not found'});
    seen.bearerOnMcp ||= req.headers.authorization === `Bearer ${TOKEN}`;
    let body = '';
    for await (const chunk of req) body += chunk;
    const message = JSON.parse(body);
    const stateless = req.headers['mcp-protocol-version'] === '2026-07-28';
    return stateless ? statelessEra(req, res, message) : sessionEra(req, res, message);
  });

  /** The console API, played only as far as the token goes: 401 without one, 403 with another, an overview with it. */
  function consoleApi(req, res, file) {
    if (req.headers.authorization?.startsWith('Bearer ') && req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.setHeader('WWW-Authenticate', 'Bearer error="insufficient_scope", scope="admin"');
      return json(res, 403, {jsonrpc: '2.0', id: null, error: {code: -32600, message: 'Forbidden: the token lacks the scope admin'}});
    }
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      return json(res, 401, {jsonrpc: '2.0', id: null, error: {code: -32600, message: 'Unauthorized: send a bearer token'}});
    }
    seen.bearerOnApi = true;
    if (file === 'api/metrics') return json(res, 200, {replica: 'scripted', intervalSeconds: 10, tools: []});
    if (file === 'api/upstreams') return json(res, 200, {replica: 'scripted', upstreams: []});
    if (file !== 'api/overview') return json(res, 404, {error: 'not played here'});
    return json(res, 200, {server: {name: 'scripted', version: '1'}, store: {kind: 'memory', ready: true}, replicas: [],
      sessions: {count: 0}, tasks: {running: 0, recent: 0}, tools: [{name: 'greet', title: 'Greet'}]});
  }

  function sessionEra(req, res, message) {
    if (message.id !== undefined && !message.method) { // the user's answer to an elicitation
      const call = pending.get(message.id);
      pending.delete(message.id);
      seen.answeredByPost = req.headers['mcp-session-id'] === 'scripted-session';
      res.writeHead(202).end();
      call?.write(`data: ${JSON.stringify({jsonrpc: '2.0', id: call.callId, result: greeting(message.result)})}\n\n`);
      call?.end();
      return;
    }
    if (!message.id) {
      if (message.method === 'notifications/cancelled') {
        seen.cancelled = message.params?.requestId !== undefined;
        for (const [id, call] of pending) {
          if (call.callId === message.params?.requestId) {
            pending.delete(id);
            call.end();
          }
        }
      }
      return res.writeHead(202).end();
    }
    switch (message.method) {
      case 'initialize':
        res.setHeader('Mcp-Session-Id', 'scripted-session');
        return reply(res, message, {protocolVersion: '2025-11-25', capabilities: {tools: {}, logging: {}}, serverInfo: {name: 'scripted', version: '1'}});
      case 'tools/list':
        return reply(res, message, {tools: [TOOL]});
      case 'prompts/list':
        return reply(res, message, {prompts: [PROMPT]});
      case 'prompts/get':
        return reply(res, message, {description: 'A welcome', messages: [
          {role: 'user', content: {type: 'text', text: `Welcome ${message.params.arguments?.who ?? 'nobody'}, please`}},
          {role: 'assistant', content: {type: 'text', text: 'Glad to be here'}}]});
      case 'resources/read':
        return read(message.params.uri)
          ? reply(res, message, read(message.params.uri))
          : json(res, 200, {jsonrpc: '2.0', id: message.id, error: {code: -32002, message: `Resource not found: ${message.params.uri}`}});
      case 'tools/call': {
        res.writeHead(200, {'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store'});
        const token = message.params._meta?.progressToken;
        res.write(`data: ${JSON.stringify({jsonrpc: '2.0', method: 'notifications/progress', params: {progressToken: token, progress: 1, total: 2, message: 'Asking'}})}\n\n`);
        res.write(`data: ${JSON.stringify({jsonrpc: '2.0', method: 'notifications/message', params: {level: 'info', logger: 'greet', data: 'About to ask the user'}})}\n\n`);
        res.write(`data: ${JSON.stringify({jsonrpc: '2.0', id: 'elicit-1', method: 'elicitation/create', params: {mode: 'form', message: 'What is your name?', requestedSchema: SCHEMA}})}\n\n`);
        res.callId = message.id;
        pending.set('elicit-1', res);
        return undefined;
      }
      default:
        return reply(res, message, emptyList(message.method));
    }
  }

  function statelessEra(req, res, message) {
    const meta = message.params?._meta || {};
    seen.statelessHeaders ||= req.headers['mcp-method'] === message.method
      && meta['io.modelcontextprotocol/protocolVersion'] === '2026-07-28'
      && meta['io.modelcontextprotocol/clientCapabilities']?.elicitation !== undefined;
    if (req.headers['mcp-method'] !== message.method) {
      return json(res, 400, {jsonrpc: '2.0', id: message.id, error: {code: -32020, message: 'Mcp-Method does not match the body'}});
    }
    switch (message.method) {
      case 'server/discover':
        return reply(res, message, {supportedVersions: ['2026-07-28'], capabilities: {tools: {}}, resultType: 'complete',
          _meta: {'io.modelcontextprotocol/serverInfo': {name: 'scripted', version: '1'}}});
      case 'tools/list':
        return reply(res, message, {tools: [TOOL], resultType: 'complete'});
      case 'tools/call': {
        if (req.headers['mcp-name'] !== 'greet') {
          return json(res, 400, {jsonrpc: '2.0', id: message.id, error: {code: -32020, message: 'Mcp-Name does not match the body'}});
        }
        const answer = message.params.inputResponses?.user_name;
        if (!answer) {
          return reply(res, message, {resultType: 'input_required', requestState: 'state-1', inputRequests: {
            user_name: {method: 'elicitation/create', params: {mode: 'form', message: 'What is your name?', requestedSchema: SCHEMA}}}});
        }
        seen.retriedWithState = message.params.requestState === 'state-1';
        return reply(res, message, {...greeting(answer), resultType: 'complete'});
      }
      default:
        return reply(res, message, {...emptyList(message.method), resultType: 'complete'});
    }
  }

  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}`,
    seen,
    close: () => new Promise((done) => {
      for (const call of pending.values()) call.end();
      server.closeAllConnections?.();
      server.close(done);
    }),
  })));
}

function emptyList(method) {
  return {'resources/list': {resources: []}, 'resources/templates/list': {resourceTemplates: []}, 'prompts/list': {prompts: [PROMPT]}}[method] ?? {};
}

function reply(res, message, result) {
  json(res, 200, {jsonrpc: '2.0', id: message.id, result});
}

function json(res, status, body) {
  res.writeHead(status, {'Content-Type': 'application/json'});
  res.end(JSON.stringify(body));
}
