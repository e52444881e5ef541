// Drives Switchboard's tasks with the official TypeScript SDK 1.x (@modelcontextprotocol/sdk, the client of the
// session era) in protocol revision 2025-11-25, through the SDK's own task API (client.experimental.tasks): sees the
// tools' execution.taskSupport, lets callToolStream create a task and poll it (tasks/get) to its result
// (tasks/result), reads a task and its result again, follows a failing task, calls a task-only tool, cancels a
// running task (tasks/cancel) and lists the tasks (tasks/list).
//
// Usage: node session-client-tasks.mjs <mcp-url> <sdk-package-dir>
// Prints one JSON line per step ({"step", "ok", ...}) and exits 1 when any step fails.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check, finish, step } from './steps.mjs';

const [url, sdkDir] = process.argv.slice(2);
const load = file => import(pathToFileURL(path.join(sdkDir, 'dist', 'esm', file)).href);
const { Client } = await load('client/index.js');
const { StreamableHTTPClientTransport } = await load('client/streamableHttp.js');
const { CallToolResultSchema, McpError, RELATED_TASK_META_KEY } = await load('types.js');
const sdkVersion = JSON.parse(readFileSync(path.join(sdkDir, 'package.json'), 'utf8')).version;

const VERSION = '2025-11-25';
const SLOW = 'test.task.slow';
const REQUIRED = 'test.task.required';

/** Every message callToolStream yields, in order (it ends with a 'result' or an 'error'). */
async function drain(stream, onMessage) {
  const messages = [];
  for await (const message of stream) {
    messages.push(message);
    await onMessage?.(message);
  }
  return messages;
}

/** What the stream said about its task: the created task, the statuses polled, and how it ended. */
function summary(messages) {
  const created = messages.find(message => message.type === 'taskCreated')?.task;
  const polled = messages.filter(message => message.type === 'taskStatus').map(message => message.task);
  const last = messages[messages.length - 1];
  return {
    created,
    statuses: polled.map(task => task.status),
    statusMessages: polled.filter(task => task.status === 'working').map(task => task.statusMessage),
    last,
  };
}

/**
 * Lists tools page by page until the page holding the tool, and answers it as listed. The SDK remembers the task
 * support of the tools of the last page it listed only (each listTools replaces what it knew), and Switchboard's
 * tests list two tools a page, so the page holding the tool must be the last one listed before calling it.
 */
async function listUntil(name) {
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : undefined, options);
    const tool = page.tools.find(listed => listed.name === name);
    if (tool) return tool;
    cursor = page.nextCursor;
  } while (cursor);
  throw new Error(`tools/list lacks ${name}`);
}

const client = new Client({ name: 'switchboard-e2e-tasks', version: '1.0.0' }, { capabilities: {} });
const notifications = [];
client.fallbackNotificationHandler = async notification => {
  notifications.push(notification.method);
};

const options = { timeout: 15000 };
const watchdog = setTimeout(() => {
  process.stdout.write(JSON.stringify({ step: 'watchdog', ok: false, error: 'took longer than 60 s' }) + '\n');
  process.exit(1);
}, 60000);
const transport = new StreamableHTTPClientTransport(new URL(url));
const taskIds = {};

const connected = await step('connect', async () => {
  await client.connect(transport, options);
  check(transport.protocolVersion === VERSION, `negotiated ${transport.protocolVersion}`);
  const tasks = client.getServerCapabilities()?.tasks;
  check(tasks?.requests?.tools?.call && tasks.list && tasks.cancel, `capabilities.tasks ${JSON.stringify(tasks)}`);
  return { sdk: sdkVersion, version: transport.protocolVersion, tasks };
});

if (connected) {
  await step('tools/list taskSupport', async () => {
    const taskSupport = {};
    let cursor;
    do {
      const page = await client.listTools(cursor ? { cursor } : undefined, options);
      for (const tool of page.tools) taskSupport[tool.name] = tool.execution?.taskSupport ?? null;
      cursor = page.nextCursor;
    } while (cursor);
    check(taskSupport[SLOW] === 'optional', `${SLOW} taskSupport ${taskSupport[SLOW]}`);
    check(taskSupport[REQUIRED] === 'required', `${REQUIRED} taskSupport ${taskSupport[REQUIRED]}`);
    check(taskSupport['test.progress'] === null, `test.progress taskSupport ${taskSupport['test.progress']}`);
    return { slow: taskSupport[SLOW], required: taskSupport[REQUIRED], plain: taskSupport['test.progress'] };
  });

  await step('callToolStream', async () => {
    await listUntil(SLOW);
    check(client.isToolTask(SLOW) && !client.isToolTaskRequired(SLOW), 'the SDK does not see an optional task tool');
    // No task option: the SDK asks for a task itself (params.task = {}), since the tool supports one. The progress
    // token stays valid for the task's lifetime: its progress arrives on the session's stream.
    const progress = [];
    const messages = await drain(client.experimental.tasks.callToolStream(
      { name: SLOW, arguments: { steps: 4, label: 'e2e' } }, CallToolResultSchema,
      { ...options, onprogress: update => progress.push(update) }));
    const { created, statuses, statusMessages, last } = summary(messages);
    check(messages[0].type === 'taskCreated', `first message ${messages[0].type}`);
    check(created.status === 'working', `created ${created.status}`);
    check(statuses.length >= 2 && statuses[0] === 'working', `statuses ${statuses}`);
    check(statuses[statuses.length - 1] === 'completed', `statuses ${statuses}`);
    check(statuses.slice(0, -1).every(status => status === 'working'), `statuses ${statuses}`);
    check(statusMessages.some(message => /^Step [1-4] of 4$/.test(message)), `status messages ${statusMessages}`);
    check(last.type === 'result', `ended with ${last.type}: ${last.error?.message}`);
    const related = last.result._meta?.[RELATED_TASK_META_KEY];
    check(related?.taskId === created.taskId, `related task ${JSON.stringify(related)}`);
    check(progress.length > 0, 'no progress');
    check(progress.every(update => update._meta?.[RELATED_TASK_META_KEY]?.taskId === created.taskId),
      `progress not tied to the task: ${JSON.stringify(progress)}`);
    taskIds.completed = created.taskId;
    return { progress: progress.map(update => ({ progress: update.progress, total: update.total,
      message: update.message, relatedTaskId: update._meta?.[RELATED_TASK_META_KEY]?.taskId ?? null })),
      taskId: created.taskId, createdStatus: created.status, ttl: created.ttl,
      pollInterval: created.pollInterval, statuses, statusMessages, text: last.result.content[0].text,
      isError: last.result.isError ?? false, relatedTaskId: related.taskId };
  });

  if (taskIds.completed) {
    await step('tasks/get', async () => {
      const task = await client.experimental.tasks.getTask(taskIds.completed, options);
      check(task.taskId === taskIds.completed, `taskId ${task.taskId}`);
      check(Date.parse(task.createdAt) <= Date.parse(task.lastUpdatedAt), `${task.createdAt} ${task.lastUpdatedAt}`);
      return { status: task.status, ttl: task.ttl, pollInterval: task.pollInterval };
    });

    await step('tasks/result', async () => {
      const result = await client.experimental.tasks.getTaskResult(taskIds.completed, CallToolResultSchema, options);
      return { text: result.content[0].text, relatedTaskId: result._meta?.[RELATED_TASK_META_KEY]?.taskId };
    });
  }

  await step('failed task', async () => {
    await listUntil(SLOW);
    const messages = await drain(client.experimental.tasks.callToolStream(
      { name: SLOW, arguments: { steps: 1, label: 'e2e-fail', fail: true } }, CallToolResultSchema,
      { ...options, task: { ttl: 60000 } }));
    const { created, statuses, last } = summary(messages);
    check(last.type === 'error', `ended with ${last.type}`);
    // The stream only says the task failed; the tool's own error is its result.
    const result = await client.experimental.tasks.getTaskResult(created.taskId, CallToolResultSchema, options);
    taskIds.failed = created.taskId;
    return { taskId: created.taskId, ttl: created.ttl, statuses, streamError: last.error.message,
      isError: result.isError ?? false, text: result.content[0].text };
  });

  await step('task-only tool', async () => {
    await listUntil(REQUIRED);
    check(client.isToolTaskRequired(REQUIRED), 'the SDK does not see a task-only tool');
    let refused;
    try {
      await client.callTool({ name: REQUIRED, arguments: {} }, CallToolResultSchema, options);
    } catch (e) {
      refused = e;
    }
    check(refused instanceof McpError, `callTool was not refused: ${refused}`);
    const messages = await drain(client.experimental.tasks.callToolStream(
      { name: REQUIRED, arguments: {} }, CallToolResultSchema, options));
    const { created, statuses, last } = summary(messages);
    check(last.type === 'result', `ended with ${last.type}: ${last.error?.message}`);
    taskIds.required = created.taskId;
    return { refusedByTheSdk: refused.message, taskId: created.taskId, statuses, text: last.result.content[0].text };
  });

  await step('tasks/cancel', async () => {
    await listUntil(SLOW);
    let cancelled;
    const messages = await drain(client.experimental.tasks.callToolStream(
      { name: SLOW, arguments: { steps: 50, label: 'e2e-cancel' } }, CallToolResultSchema,
      { ...options, task: { ttl: 60000 } }),
      async message => {
        if (message.type === 'taskCreated') {
          cancelled = await client.experimental.tasks.cancelTask(message.task.taskId, options);
        }
      });
    const { created, statuses, last } = summary(messages);
    check(last.type === 'error', `ended with ${last.type}`);
    const task = await client.experimental.tasks.getTask(created.taskId, options);
    let again;
    try {
      await client.experimental.tasks.cancelTask(created.taskId, options);
    } catch (e) {
      again = e;
    }
    check(again instanceof McpError, `cancelling again did not fail: ${again}`);
    taskIds.cancelled = created.taskId;
    return { taskId: created.taskId, cancelStatus: cancelled.status, cancelStatusMessage: cancelled.statusMessage,
      statuses, streamError: last.error.message, status: task.status, statusMessage: task.statusMessage,
      cancelAgainCode: again.code };
  });

  await step('tasks/list', async () => {
    const listed = {};
    let cursor;
    do {
      const page = await client.experimental.tasks.listTasks(cursor, options);
      for (const task of page.tasks) listed[task.taskId] = task.status;
      cursor = page.nextCursor;
    } while (cursor);
    const statuses = Object.fromEntries(Object.entries(taskIds).map(([name, id]) => [name, listed[id] ?? null]));
    return { statuses };
  });
}

await step('close', async () => {
  await client.close();
  return { notifications: [...new Set(notifications)] };
});
clearTimeout(watchdog);
finish();
