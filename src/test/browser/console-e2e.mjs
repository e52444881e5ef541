// End-to-end test of the web console in headless Chromium (driven by playwright-core, which downloads nothing),
// run by ConsoleBrowserIT against the packaged service:
//   node console-e2e.mjs <base-url> <screenshot-dir>
// Environment: PLAYWRIGHT_CORE (the playwright-core package directory), CHROMIUM (the browser binary).
// Exits 0 when every step passed; otherwise prints the failing step and exits 1. Every wait is bounded.
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {startScriptedServer, TOKEN} from './scripted-mcp-server.mjs';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error('usage: node console-e2e.mjs <base-url> <screenshot-dir>');
  process.exit(2);
}
const {chromium} = await import(pathToFileURL(join(process.env.PLAYWRIGHT_CORE, 'index.mjs')).href);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WAIT = 20_000;

// A hard stop for the whole script, whatever hangs.
const watchdog = setTimeout(() => {
  console.error('FAILED: the browser test did not finish within 240 s');
  process.exit(1);
}, 240_000);

let current = 'start';
async function step(name, action) {
  current = name;
  const started = Date.now();
  await action();
  console.log(`ok   ${name} (${Date.now() - started} ms)`);
}

/** Polls a condition of this process (what the scripted server saw) until it holds, at most ms. */
async function until(condition, ms, message) {
  for (const end = Date.now() + ms; !condition(); await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() > end) throw new Error(message);
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** curl against /mcp: returns {status, headers, body}. */
function curl(headers, body) {
  const args = ['-s', '-S', '--max-time', '15', '-D', '-', '-X', 'POST', `${base}/mcp`,
    '-H', 'Content-Type: application/json', '-H', 'Accept: application/json, text/event-stream'];
  for (const header of headers) args.push('-H', header);
  args.push('--data-binary', JSON.stringify(body));
  const output = execFileSync('curl', args, {encoding: 'utf8'});
  const split = output.indexOf('\r\n\r\n');
  const head = output.slice(0, split);
  const status = Number(head.split('\r\n')[0].split(' ')[1]);
  const found = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    found[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {status, headers: found, body: output.slice(split + 4)};
}

mkdirSync(shots, {recursive: true});
const profile = mkdtempSync(join(tmpdir(), 'console-e2e-'));
const pageErrors = [];
let context;
let scripted;
let exitCode = 0;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: {width: 1100, height: 700},
  });
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(WAIT);
  page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // CSP refusals, failed module loads and any failed request of the page land here as errors.
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });
  const connection = page.getByTestId('connection');

  async function callWeather(era) {
    await page.locator('button.item[data-item="weather.get"]').click();
    const form = page.getByTestId('tool-form');
    await form.locator('input[name="city"]').fill('Paris');
    await form.getByRole('button', {name: 'Call tool'}).click();
    const result = page.getByTestId('tool-result');
    await result.waitFor();
    const text = await result.innerText();
    check(/Paris/.test(text), `${era}: the result does not mention Paris:\n${text}`);
    check(/forecast/.test(text), `${era}: the result has no forecast:\n${text}`);
    check(!(await result.evaluate((e) => e.classList.contains('is-error'))), `${era}: the tool answered isError:\n${text}`);
  }

  /**
   * The view (MCP Apps, io.modelcontextprotocol/ui) of the tool just called, once its frame is there and its handshake
   * (ui/initialize, then ui/notifications/initialized) is done: a FrameLocator into it.
   */
  async function appView(what) {
    const frame = page.locator('iframe[data-testid=app-view]');
    await frame.waitFor({timeout: WAIT}).catch(async () => {
      const named = await page.locator('.detail .view-tag').count();
      const area = await page.locator('.detail .app-view').last().innerText().catch(() => '');
      throw new Error(named
        ? `${what}: the tool names a view, but no iframe[data-testid=app-view] within ${WAIT / 1000} s; the view area shows: "${area}"`
        : `${what}: the console shows no view for this tool: either the server's initialize (or server/discover) answer lacks`
          + ' capabilities.extensions["io.modelcontextprotocol/ui"], or tools/list gave the tool no _meta.ui.resourceUri'
          + ' (the console declares the extension in its capabilities)');
    });
    const sandbox = await frame.getAttribute('sandbox');
    check(sandbox === 'allow-scripts', `${what}: the view's iframe has sandbox="${sandbox}", expected "allow-scripts" (no allow-same-origin)`);
    await page.getByTestId('app-status').filter({hasText: /^ready$/}).waitFor({timeout: WAIT}).catch(async () => {
      const status = await page.getByTestId('app-status').innerText().catch(() => '?');
      throw new Error(`${what}: the view did not complete its handshake (ui/initialize, then ui/notifications/initialized) within`
        + ` ${WAIT / 1000} s; its status: "${status}"${pageErrors.length ? `; page errors (a Content-Security-Policy refusal here`
        + ` means the sandbox proxy view-frame.html is not served with its own policy, ConsoleGate.VIEW_FRAME_CSP):\n  ${pageErrors.join('\n  ')}` : ''}`);
    });
    // The frame is the console's sandbox proxy (view-frame.html); the view is the frame inside it.
    return page.frameLocator('iframe[data-testid=app-view]').frameLocator('iframe');
  }

  /** Scrolls the detail pane so that the view's frame starts near its top: its rendering (and size) follow. */
  async function scrollToView() {
    await page.evaluate(() => {
      const detail = document.querySelector('.detail');
      const frame = detail.querySelector('iframe[data-testid=app-view]');
      detail.scrollTop += frame.getBoundingClientRect().top - detail.getBoundingClientRect().top - 40;
    });
  }

  /** Calls the tool shown in Try it with these form values; checks it answered without isError. */
  async function callTool(name, values, what) {
    await page.locator(`button.item[data-item="${name}"]`).click();
    const form = page.getByTestId('tool-form');
    for (const [field, value] of Object.entries(values)) await form.locator(`input[name="${field}"]`).fill(value);
    await form.getByRole('button', {name: 'Call tool'}).click();
    const result = page.getByTestId('tool-result');
    await result.waitFor().catch(async () => {
      throw new Error(`${what}: ${name} gave no result within ${WAIT / 1000} s; the output shows:\n${await page.getByTestId('output').innerText().catch(() => '?')}`);
    });
    const text = await result.textContent(); // folded parts of the JSON tree too
    check(!(await result.evaluate((e) => e.classList.contains('is-error'))), `${what}: ${name} answered isError:\n${text}`);
    return text;
  }

  await step('open /console', async () => {
    const response = await page.goto(`${base}/console`);
    check(response.ok(), `GET /console answered ${response.status()}`);
    await page.getByRole('tab', {name: 'Try it'}).waitFor();
  });

  await step('Try it (session era): connect and list every tool (pages of 2)', async () => {
    await page.waitForFunction(() => /protocol 2025-11-25/.test(document.querySelector('[data-testid=connection]')?.textContent || ''), null, {timeout: WAIT})
      .catch(async () => {
        throw new Error(`not connected in the session era: "${await connection.innerText()}"`);
      });
    await page.locator('button.item[data-item="weather.get"]').waitFor();
    // The service lists 2 per page here: every tool shown means every nextCursor was followed.
    const tools = await page.locator('.catalog-section').first().locator('button.item').count();
    check(tools >= 12, `only ${tools} tools listed: nextCursor not followed?`);
  });

  await step('Try it (session era): weather.get for Paris', async () => {
    await callWeather('session era');
    // The filled form and the result's start in view, as a user sees them after calling.
    await page.evaluate(() => {
      const detail = document.querySelector('.detail');
      const form = detail.querySelector('[data-testid=tool-form]');
      detail.scrollTop += form.getBoundingClientRect().top - detail.getBoundingClientRect().top - 8;
    });
    await page.screenshot({path: join(shots, 'try-it.png')});
  });

  await step('Try it (session era): the weather.get view (MCP Apps) shows the result', async () => {
    await callWeather('session era, view');
    const view = await appView('weather.get');
    const temperature = view.locator('[data-testid=current-temperature]');
    await temperature.filter({hasText: /\d/}).waitFor({timeout: WAIT}).catch(async () => {
      throw new Error(`the weather view shows no temperature within ${WAIT / 1000} s (ui/notifications/tool-result not delivered?);`
        + ` the view shows:\n${await view.locator('body').innerText().catch(() => '?')}`);
    });
    const place = await view.locator('[data-testid=place]').innerText();
    check(/Paris/.test(place), `the weather view's place is "${place}", not Paris`);
    check(/\S/.test(await view.locator('[data-testid=conditions]').innerText()), 'the weather view shows no conditions');
    check((await view.locator('[data-testid=day]').count()) > 0, 'the weather view shows no daily forecast ([data-testid=day])');
    // Chromium renders an offscreen cross-origin frame lazily: its size-changed comes once it is in view.
    await scrollToView();
    await page.waitForFunction(() => /^\d+px$/.test(document.querySelector('iframe[data-testid=app-view]')?.style.height || ''), null, {timeout: 10_000})
      .catch(() => {
        throw new Error('the view\'s frame was not resized within 10 s (ui/notifications/size-changed not sent, or not applied)');
      });
    await page.screenshot({path: join(shots, 'app-weather.png')});
  });

  await step('Try it (session era): the calendar.list view deletes an event through the console', async () => {
    const kept = 'E2E team lunch';
    const doomed = 'E2E dentist';
    await callTool('calendar.add', {title: kept, start: '2026-11-24T12:30:00+01:00'}, 'adding an event');
    await callTool('calendar.add', {title: doomed, start: '2026-11-24T09:00:00+01:00'}, 'adding an event');
    const listed = await callTool('calendar.list', {}, 'listing the events');
    check(listed.includes(doomed), `calendar.list does not answer the event just added:\n${listed}`);
    const view = await appView('calendar.list');
    const event = view.locator('[data-testid=event]').filter({hasText: doomed});
    await event.waitFor({timeout: WAIT}).catch(async () => {
      throw new Error(`the calendar view shows no [data-testid=event] "${doomed}" within ${WAIT / 1000} s; the view shows:\n`
        + `${await view.locator('body').innerText().catch(() => '?')}`);
    });
    await event.locator('[data-testid=delete-event]').click();
    // The view calls calendar.delete, then calendar.list, through the console (the host), in the console's session.
    await event.waitFor({state: 'detached', timeout: WAIT}).catch(async () => {
      throw new Error(`the event "${doomed}" is still in the calendar view ${WAIT / 1000} s after its delete button; the view shows:\n`
        + `${await view.locator('body').innerText().catch(() => '?')}`);
    });
    const status = view.getByTestId('status');
    await status.filter({hasText: /Deleted/}).waitFor({timeout: WAIT}).catch(async () => {
      throw new Error(`the calendar view's status does not mention the deletion: "${await status.innerText().catch(() => '?')}"`);
    });
    const statusText = await status.innerText();
    check(statusText.includes(doomed), `the calendar view's status does not name the deleted event: "${statusText}"`);
    check((await view.locator('[data-testid=event]').filter({hasText: kept}).count()) === 1, `the calendar view lost the event "${kept}"`);
    await scrollToView();
    await page.screenshot({path: join(shots, 'app-calendar.png')});
    // The server's own answer, asked from the console again: the event is gone there too.
    const after = await callTool('calendar.list', {}, 'listing the events after the deletion');
    check(!after.includes(doomed) && after.includes(kept), `after the view's deletion, calendar.list answers:\n${after}`);
  });

  let curlSession;
  await step('curl opens a session (curl-e2e) and calls a tool', async () => {
    const init = curl([], {jsonrpc: '2.0', id: 1, method: 'initialize',
      params: {protocolVersion: '2025-11-25', capabilities: {}, clientInfo: {name: 'curl-e2e', version: '8'}}});
    check(init.status === 200, `initialize answered ${init.status}: ${init.body}`);
    curlSession = init.headers['mcp-session-id'];
    check(curlSession, `initialize sent no Mcp-Session-Id: ${JSON.stringify(init.headers)}`);
    const headers = [`Mcp-Session-Id: ${curlSession}`, 'MCP-Protocol-Version: 2025-11-25'];
    const initialized = curl(headers, {jsonrpc: '2.0', method: 'notifications/initialized'});
    check(initialized.status === 202, `notifications/initialized answered ${initialized.status}`);
    const call = curl(headers, {jsonrpc: '2.0', id: 2, method: 'tools/call', params: {name: 'weather.get', arguments: {city: 'Oslo'}}});
    check(call.status === 200 && /Oslo/.test(call.body), `tools/call answered ${call.status}: ${call.body}`);
  });

  await step('Fleet: the curl-e2e session appears', async () => {
    await page.getByRole('tab', {name: 'Fleet'}).click();
    const row = page.locator('tr[data-client="curl-e2e"]');
    await row.waitFor({timeout: 15_000}).catch(async () => {
      throw new Error(`no row for curl-e2e within 15 s; the sessions view shows:\n${await page.getByTestId('sessions').innerText().catch(() => '?')}`);
    });
    const text = await row.innerText();
    check(text.includes(curlSession.slice(0, 8)), `the curl-e2e row does not show its session id ${curlSession.slice(0, 8)}: ${text}`);
    await row.getByRole('button', {name: /^1/}).click(); // its tools_used, expanded
    await page.locator('tr.expansion').filter({hasText: 'weather.get'}).first().waitFor({timeout: 10_000});
    await page.screenshot({path: join(shots, 'fleet.png')});
  });

  await step('Fleet: End the curl-e2e session; curl then gets 404', async () => {
    page.once('dialog', (dialog) => dialog.accept());
    await page.locator(`tr[data-session-id="${curlSession}"]`).getByTestId('end-session').click();
    await page.locator(`tr[data-session-id="${curlSession}"]`).waitFor({state: 'detached', timeout: 10_000});
    const after = curl([`Mcp-Session-Id: ${curlSession}`, 'MCP-Protocol-Version: 2025-11-25'],
      {jsonrpc: '2.0', id: 3, method: 'tools/call', params: {name: 'weather.get', arguments: {city: 'Oslo'}}});
    check(after.status === 404, `after End, curl's request answered ${after.status} (expected 404): ${after.body}`);
  });

  await step('Health: a chart with data (samples every 10 s)', async () => {
    await page.getByRole('tab', {name: 'Health'}).click();
    await page.locator('svg.spark[data-has-data="true"]').first().waitFor({timeout: 30_000}).catch(async () => {
      throw new Error(`no chart with data within 30 s; the view shows:\n${await page.locator('#view-health').innerText().catch(() => '?')}`);
    });
    const store = await page.getByTestId('health-cards').innerText();
    check(/ready/.test(store) && !/not ready/.test(store), `the store is not shown ready: ${store}`);
    check(/this replica/.test(await page.getByTestId('replicas').innerText()), 'no replica is marked "this replica"');
    const upstreams = await page.getByTestId('upstreams').innerText();
    check(/dead/.test(upstreams) && /unavailable/.test(upstreams) && /connection refused/.test(upstreams),
      `the upstream nobody answers for is not shown unavailable: ${upstreams}`);
    await page.screenshot({path: join(shots, 'health.png')});
  });

  await step('Try it (stateless era): weather.get for Paris', async () => {
    await page.getByRole('tab', {name: 'Try it'}).click();
    await page.getByRole('radio', {name: 'Stateless (2026-07-28)'}).check();
    await page.waitForFunction(() => /protocol 2026-07-28/.test(document.querySelector('[data-testid=connection]')?.textContent || ''), null, {timeout: WAIT})
      .catch(async () => {
        throw new Error(`not connected in the stateless era: "${await connection.innerText()}"`);
      });
    await callWeather('stateless era');
    await page.screenshot({path: join(shots, 'try-it-stateless.png')});
  });

  await step('Try it (stateless era): the weather.get view shows the result', async () => {
    // 2026-07-28: the console declares the extension in _meta["io.modelcontextprotocol/clientCapabilities"].
    const view = await appView('weather.get, stateless era');
    await view.locator('[data-testid=current-temperature]').filter({hasText: /\d/}).waitFor({timeout: WAIT}).catch(async () => {
      throw new Error(`stateless era: the weather view shows no temperature within ${WAIT / 1000} s; the view shows:\n`
        + `${await view.locator('body').innerText().catch(() => '?')}`);
    });
    check(/Paris/.test(await view.locator('[data-testid=place]').innerText()), 'stateless era: the weather view does not show Paris');
  });

  // No built-in tool asks the user anything: a scripted server (the console's own files, a one-tool /mcp) does.
  await step('Scripted server: elicitation, progress and logs in both eras; cancel; a prompt; every content type; the token banner', async () => {
    scripted = await startScriptedServer();
    const other = await context.newPage();
    other.setDefaultTimeout(WAIT);
    other.on('pageerror', (error) => pageErrors.push(`uncaught (scripted): ${error.message}`));
    await other.goto(`${scripted.url}/console/`);
    async function greet(era, answer) {
      await other.locator('button.item[data-item="greet"]').click();
      await other.getByRole('button', {name: 'Call tool'}).click();
      const form = other.getByTestId('elicitation');
      await form.waitFor();
      check(/What is your name\?/.test(await form.innerText()), `${era}: the question is not shown`);
      if (answer === 'accept') {
        await form.locator('input[name="name"]').fill('Ada');
        await form.locator('select[name="color"]').selectOption({label: 'green'});
        if (era === 'session era') await other.screenshot({path: join(shots, 'elicitation.png')});
        await form.getByRole('button', {name: 'Accept'}).click();
      } else {
        await form.getByRole('button', {name: 'Decline'}).click();
      }
      await other.getByTestId('tool-result').waitFor();
      return other.getByTestId('tool-result').innerText();
    }
    await other.waitForFunction(() => /protocol 2025-11-25/.test(document.querySelector('[data-testid=connection]')?.textContent || ''));
    const accepted = await greet('session era', 'accept');
    check(/Hello Ada \(green\)/.test(accepted), `session era: no greeting after accepting:\n${accepted}`);
    const result = other.getByTestId('tool-result');
    check(await result.locator('img').evaluate((img) => img.complete && img.naturalWidth === 1), 'the image content did not load from its data: URL');
    check(/An embedded hello/.test(accepted), 'the embedded resource is not shown');
    check(/"greeting"/.test(accepted), 'structuredContent is not shown');
    await result.getByRole('button', {name: /Greeting card/}).click();
    await result.locator('.link-target').filter({hasText: 'A card for you'}).waitFor();
    check(scripted.seen.answeredByPost, 'session era: the answer was not POSTed with the session id');
    check(/About to ask the user/.test(await other.getByTestId('logs').innerText()), 'session era: the log message is not shown');
    check(await other.getByTestId('progress').isVisible(), 'session era: no progress bar');
    const declined = await greet('session era', 'decline');
    check(/the user chose decline/.test(declined), `session era: declining did not reach the server:\n${declined}`);
    // Cancelling the call while the server waits: notifications/cancelled, and the page says so.
    await other.getByRole('button', {name: 'Call tool'}).click();
    await other.getByTestId('elicitation').waitFor();
    await other.getByTestId('tool-form').getByRole('button', {name: 'Cancel'}).click();
    await other.getByTestId('output').getByText('Cancelled').waitFor();
    check((await other.getByTestId('elicitation').count()) === 0, 'the question stayed after cancelling');
    await until(() => scripted.seen.cancelled, 5_000, 'session era: no notifications/cancelled within 5 s of Cancel');
    // A prompt: its arguments as a form, its messages shown.
    await other.locator('button.item[data-item="welcome"]').click();
    await other.locator('.detail input[name="who"]').fill('Grace');
    await other.getByRole('button', {name: 'Get prompt'}).click();
    await other.locator('.prompt-result').filter({hasText: 'Welcome Grace, please'}).waitFor();

    await other.getByRole('radio', {name: 'Stateless (2026-07-28)'}).check();
    await other.waitForFunction(() => /protocol 2026-07-28/.test(document.querySelector('[data-testid=connection]')?.textContent || ''));
    const stateless = await greet('stateless era', 'accept');
    check(/Hello Ada \(green\)/.test(stateless), `stateless era: no greeting after input_required:\n${stateless}`);
    check(scripted.seen.retriedWithState, 'stateless era: the retry did not carry the requestState');
    check(scripted.seen.statelessHeaders, 'stateless era: Mcp-Method or _meta was missing');
    // Its console API wants a token: the page says so, then sends the one typed in the header to both APIs.
    const banner = other.locator('#banner');
    await banner.waitFor();
    check(/admin scope/.test(await banner.innerText()), `the refusal banner does not ask for the admin scope: ${await banner.innerText()}`);
    await other.locator('#token').fill('a-token-without-the-scope');
    await other.getByRole('button', {name: 'Use'}).click();
    await other.locator('#banner').filter({hasText: 'lacks the scope "admin"'}).waitFor();
    await other.locator('#token').fill(TOKEN);
    await other.getByRole('button', {name: 'Use'}).click();
    await banner.waitFor({state: 'hidden'});
    await other.getByRole('tab', {name: 'Health'}).click();
    await other.getByTestId('health-cards').locator('.card').first().waitFor();
    await other.getByRole('tab', {name: 'Try it'}).click();
    await other.waitForFunction(() => /protocol/.test(document.querySelector('[data-testid=connection]')?.textContent || ''));
    check(scripted.seen.bearerOnApi && scripted.seen.bearerOnMcp, `the token was not sent to both APIs: ${JSON.stringify(scripted.seen)}`);
    await other.close();
  });

  check(pageErrors.length === 0, `the page reported errors:\n  ${pageErrors.join('\n  ')}`);
  console.log('console-e2e: all steps passed');
} catch (error) {
  exitCode = 1;
  console.error(`FAILED at "${current}": ${error.message}`);
  if (pageErrors.length) console.error(`page errors:\n  ${pageErrors.join('\n  ')}`);
  try {
    const page = context?.pages()[0];
    if (page) await page.screenshot({path: join(shots, 'failure.png')});
    console.error(`screenshot of the failure: ${join(shots, 'failure.png')}`);
  } catch {
    // no page to show
  }
} finally {
  await context?.close().catch(() => {});
  await scripted?.close().catch(() => {});
  rmSync(profile, {recursive: true, force: true});
  clearTimeout(watchdog);
}
process.exit(exitCode);
