// Drives Switchboard with the official TypeScript client for protocol revision 2026-07-28
// (@modelcontextprotocol/client), as a user's agent would: discover, list tools, call tools, keep state in a
// workspace handle, answer an elicitation through a multi round-trip request, listen for resource updates, and call
// task tools without the tasks extension (the client has none).
//
// Usage: node stateless-client.mjs <mcp-url> <client-package-dir>
// Prints one JSON line per step ({"step", "ok", ...}) and exits 1 when any step fails.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check, finish, step } from './steps.mjs';

const [url, clientDir] = process.argv.slice(2);
const { Client, StreamableHTTPClientTransport } = await import(
  pathToFileURL(path.join(clientDir, 'dist', 'index.mjs')).href);

const VERSION = '2026-07-28';

const client = new Client(
  { name: 'switchboard-e2e', version: '1.0.0' },
  {
    versionNegotiation: { mode: { pin: VERSION } },
    capabilities: { elicitation: { form: {} } },
  });

const elicitations = [];
client.setRequestHandler('elicitation/create', async request => {
  elicitations.push(request.params.message);
  return { action: 'accept', content: { name: 'Alice' } };
});
const updates = [];
let updated;
client.setNotificationHandler('notifications/resources/updated', notification => {
  updates.push(notification.params.uri);
  updated?.(notification);
});

const options = { timeout: 15000 };
const watchdog = setTimeout(() => {
  process.stdout.write(JSON.stringify({ step: 'watchdog', ok: false, error: 'took longer than 60 s' }) + '\n');
  process.exit(1);
}, 60000);

const connected = await step('connect', async () => {
  await client.connect(new StreamableHTTPClientTransport(new URL(url)), options);
  check(client.getProtocolEra() === 'modern', `era ${client.getProtocolEra()}`);
  check(client.getNegotiatedProtocolVersion() === VERSION, `version ${client.getNegotiatedProtocolVersion()}`);
  return { version: client.getNegotiatedProtocolVersion(), server: client.getServerVersion() };
});

if (connected) {
  await step('discover', async () => {
    const discovered = await client.discover(options);
    check(discovered.supportedVersions.includes(VERSION), 'supportedVersions lacks ' + VERSION);
    return { supportedVersions: discovered.supportedVersions };
  });

  await step('tools/list', async () => {
    const listed = await client.listTools(undefined, { ...options, cacheMode: 'refresh' });
    const names = listed.tools.map(tool => tool.name);
    for (const name of ['weather.get', 'workspace.open', 'calendar.add', 'history.tools_used']) {
      check(names.includes(name), `tools/list lacks ${name}`);
    }
    const add = listed.tools.find(tool => tool.name === 'calendar.add');
    return { tools: names.length, ttlMs: listed.ttlMs, cacheScope: listed.cacheScope,
      workspaceHeader: add.inputSchema.properties.workspace['x-mcp-header'] };
  });

  await step('tools/call weather.get', async () => {
    const result = await client.callTool({ name: 'weather.get', arguments: { city: 'Paris' } }, options);
    check(result.isError !== true, JSON.stringify(result.content));
    return { structuredContent: result.structuredContent };
  });

  const opened = await step('workspace.open', async () => {
    const result = await client.callTool({ name: 'workspace.open', arguments: {} }, options);
    check(result.isError !== true, JSON.stringify(result.content));
    return { workspace: result.structuredContent.workspace };
  });
  const workspace = opened?.workspace;
  const calendarUri = `switchboard://workspaces/${workspace}/calendar`;

  await step('subscriptions/listen', async () => {
    const subscription = await client.listen({ resourceSubscriptions: [calendarUri] }, options);
    const heard = new Promise((resolve, reject) => {
      updated = resolve;
      setTimeout(() => reject(new Error('no notifications/resources/updated within 10 s')), 10000).unref();
    });
    const added = await client.callTool({ name: 'calendar.add', arguments: {
      title: 'Dentist', start: '2026-11-25T10:00:00+01:00', workspace } }, options);
    check(added.isError !== true, JSON.stringify(added.content));
    const notification = await heard;
    check(notification.params.uri === calendarUri, `updated ${notification.params.uri}`);
    await subscription.close();
    return { honored: subscription.honoredFilter, updated: notification.params.uri };
  });

  await step('calendar.list', async () => {
    const listed = await client.callTool({ name: 'calendar.list', arguments: { workspace } }, options);
    check(listed.isError !== true, JSON.stringify(listed.content));
    const titles = listed.structuredContent.events.map(event => event.title);
    check(titles.length === 1 && titles[0] === 'Dentist', `events ${JSON.stringify(titles)}`);
    return { events: titles };
  });

  await step('history.tools_used', async () => {
    const history = await client.callTool({ name: 'history.tools_used', arguments: { workspace } }, options);
    check(history.isError !== true, JSON.stringify(history.content));
    const tools = history.structuredContent.toolsUsed.map(use => use.tool);
    check(JSON.stringify(tools) === JSON.stringify(['calendar.add', 'calendar.list', 'history.tools_used']),
      `tools used ${JSON.stringify(tools)}`);
    return { toolsUsed: tools };
  });

  // The client has no tasks (the io.modelcontextprotocol/tasks extension) and does not declare them: a tool that may
  // run as a task answers in the call's own response, a task-only tool is refused with -32021, naming the extension.
  await step('task tool without the tasks extension', async () => {
    const result = await client.callTool(
      { name: 'test.task.slow', arguments: { steps: 1, label: 'plain' } }, options);
    check(result.isError !== true, JSON.stringify(result.content));
    check(result.content[0].text === "Slow work 'plain' done in 1 steps", `answer ${result.content[0].text}`);
    return { answer: result.content[0].text };
  });

  await step('task-only tool without the tasks extension', async () => {
    let refused;
    try {
      await client.callTool({ name: 'test.task.required', arguments: {} }, options);
    } catch (e) {
      refused = e;
    }
    check(refused?.code === -32021, `not refused with -32021: ${refused?.code} ${refused?.message}`);
    const required = refused.data?.requiredCapabilities?.extensions ?? {};
    check('io.modelcontextprotocol/tasks' in required, `requiredCapabilities ${JSON.stringify(refused.data)}`);
    return { code: refused.code, error: refused.constructor.name, requiredCapabilities: refused.data.requiredCapabilities };
  });

  await step('elicitation through input_required', async () => {
    const result = await client.callTool(
      { name: 'test_input_required_result_elicitation', arguments: {} }, options);
    check(elicitations.length === 1, `elicitations ${JSON.stringify(elicitations)}`);
    check(result.isError !== true, JSON.stringify(result.content));
    check(result.content[0].text === 'Hello, Alice!', `answer ${result.content[0].text}`);
    return { asked: elicitations[0], answer: result.content[0].text };
  });
}

await step('close', async () => {
  await client.close();
  return {};
});
clearTimeout(watchdog);
finish();
