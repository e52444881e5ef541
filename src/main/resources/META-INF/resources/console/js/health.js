// "Health": the store's readiness, the replicas seen, the upstream MCP servers, and per-tool charts of the last 15 minutes (calls, errors,
// mean latency) as counted by the replica that answers this page.
import {age, h, refresher, replace} from './dom.js';
import {api} from './api.js';
import {sparkline} from './sparkline.js';

const WINDOW_MS = 15 * 60 * 1000;

export function health(root) {
  const problem = h('div', {class: 'view-problem', role: 'alert', hidden: true});
  const updated = h('span', {class: 'muted updated'});
  const cards = h('div', {class: 'cards', 'data-testid': 'health-cards'});
  const replicasBox = h('div', {class: 'table-box', 'data-testid': 'replicas'});
  const upstreamsHeading = h('h2', {hidden: true}, 'Upstream MCP servers');
  const upstreamsBox = h('div', {class: 'table-box', 'data-testid': 'upstreams', hidden: true});
  const metricsNote = h('p', {class: 'note'});
  const charts = h('div', {class: 'charts', 'data-testid': 'charts'});

  replace(root,
    h('div', {class: 'toolbar'}, h('span', {class: 'muted'}, 'Readiness, replicas and tool metrics (refreshed every 5 s)'), updated),
    problem,
    cards,
    h('h2', {}, 'Replicas'), replicasBox,
    upstreamsHeading, upstreamsBox,
    h('h2', {}, 'Tools, last 15 minutes'), metricsNote, charts);

  function card(title, value, detail, state) {
    return h('div', {class: `card${state ? ` ${state}` : ''}`}, h('div', {class: 'card-title'}, title), h('div', {class: 'card-value'}, value), detail ? h('div', {class: 'card-detail muted'}, detail) : null);
  }

  function renderOverview(overview, now) {
    const store = overview.store || {};
    replace(cards,
      card('Store', h('span', {}, h('span', {class: `dot ${store.ready ? 'ok' : 'bad'}`}), ` ${store.ready ? 'ready' : 'not ready'}`), store.kind ?? '', store.ready ? 'good' : 'bad'),
      card('Server', overview.server?.name ?? '–', overview.server?.version ?? ''),
      card('Sessions', String(overview.sessions?.count ?? '–'), 'and workspaces, all replicas'),
      card('Tasks', String(overview.tasks?.running ?? '–'), `running · ${overview.tasks?.recent ?? 0} recent`),
      card('Tools', String((overview.tools || []).length), 'registered'));
    const replicas = overview.replicas || [];
    replace(replicasBox, replicas.length
      ? h('table', {},
        h('thead', {}, h('tr', {}, ['Replica', 'Host', 'Started', 'Last seen', ''].map((t) => h('th', {}, t)))),
        h('tbody', {}, replicas.map((r) => h('tr', {class: r.self ? 'self' : ''},
          h('td', {}, h('code', {}, r.id)),
          h('td', {}, r.host ?? '–'),
          h('td', {}, `${age(r.startedAt, now)} ago`),
          h('td', {}, `${age(r.lastSeenAt, now)} ago`),
          h('td', {}, r.self ? h('span', {class: 'tag self-marker'}, 'this replica') : '')))))
      : h('p', {class: 'muted'}, 'No replicas seen.'));
  }

  /** Points placed by time; a gap longer than one interval drops to zero so quiet periods show as quiet. */
  function series(points, pick, intervalMs, from, to, zeroGaps) {
    const sorted = points.map((p) => ({t: Date.parse(p.at), p})).filter((p) => p.t >= from - intervalMs).sort((a, b) => a.t - b.t);
    const out = [];
    let previous = null;
    for (const {t, p} of sorted) {
      if (zeroGaps && previous !== null && t - previous > 1.5 * intervalMs) {
        out.push({t: previous + intervalMs, v: 0}, {t: t - intervalMs, v: 0});
      }
      const v = pick(p);
      if (v !== null && v !== undefined) out.push({t, v});
      previous = t;
    }
    if (zeroGaps && previous !== null && to - previous > 1.5 * intervalMs) out.push({t: previous + intervalMs, v: 0}, {t: to, v: 0});
    return out;
  }

  function renderMetrics(metrics, overview, now) {
    const intervalMs = (metrics.intervalSeconds || 10) * 1000;
    const from = now - WINDOW_MS;
    metricsNote.textContent = `Counted by this replica only (${metrics.replica ?? 'the one answering this page'}), in ${metrics.intervalSeconds || 10} s intervals;`
      + ' other replicas count their own calls.';
    const withPoints = (metrics.tools || []).filter((t) => (t.points || []).length);
    const quiet = (overview?.tools || []).map((t) => t.name).filter((name) => !withPoints.some((t) => t.tool === name));
    const ms = (v) => (v >= 100 ? String(Math.round(v)) : v.toFixed(1));
    replace(charts,
      withPoints.length ? withPoints.map((t) => {
        const calls = t.points.reduce((sum, p) => sum + (p.calls || 0), 0);
        const errors = t.points.reduce((sum, p) => sum + (p.errors || 0), 0);
        return h('div', {class: 'chart-card', dataset: {tool: t.tool}},
          h('div', {class: 'chart-title'}, h('code', {}, t.tool), h('span', {class: 'muted'}, ` ${calls} call${calls === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}`)),
          sparkline({label: 'Calls per interval', kind: 'calls', points: series(t.points, (p) => p.calls, intervalMs, from, now, true), from, to: now}),
          sparkline({label: 'Errors', kind: 'errors', points: series(t.points, (p) => p.errors, intervalMs, from, now, true), from, to: now}),
          sparkline({label: 'Mean latency', kind: 'latency', unit: ' ms', format: ms,
            points: series(t.points.filter((p) => p.calls > 0), (p) => p.meanMs, intervalMs, from, now, false), from, to: now}));
      }) : h('p', {class: 'muted'}, 'No tool calls in the last 15 minutes on this replica (samples are taken every 10 s).'),
      quiet.length ? h('p', {class: 'muted quiet-tools'}, `No calls: ${quiet.join(', ')}`) : null);
  }

  /** One row per upstream, as the replica answering this page sees it; hidden when none is configured. */
  function renderUpstreams(view, now) {
    const upstreams = view.upstreams || [];
    upstreamsHeading.hidden = upstreamsBox.hidden = upstreams.length === 0;
    if (!upstreams.length) return;
    const listed = (u) => [`${u.tools} tools`, `${u.resources + u.resourceTemplates} resources`, `${u.prompts} prompts`].map((line) => h('div', {}, line));
    replace(upstreamsBox, h('table', {},
      h('thead', {}, h('tr', {}, ['Upstream', 'State', 'Serves', 'Calls', 'Errors', 'Mean latency', 'Listed'].map((t) => h('th', {}, t)))),
      h('tbody', {}, upstreams.map((u) => h('tr', {dataset: {upstream: u.name}},
        h('td', {}, h('code', {}, u.name), h('div', {class: 'muted'}, u.url)),
        h('td', {class: 'upstream-state'}, h('span', {class: `dot ${u.state === 'available' ? 'ok' : u.state === 'unavailable' ? 'bad' : ''}`}), ` ${u.state}`,
          u.circuit !== 'closed' ? h('span', {class: 'tag'}, `circuit ${u.circuit}`) : null,
          u.problem ? h('div', {class: 'muted'}, u.problem) : null),
        h('td', {}, ...listed(u), u.lastKnown ? h('div', {}, h('span', {class: 'tag'}, 'last known list')) : null),
        h('td', {}, String(u.calls)),
        h('td', {}, String(u.errors)),
        h('td', {}, u.meanLatencyMs === null ? '–' : `${u.meanLatencyMs} ms`),
        h('td', {}, u.listedAt ? `${age(u.listedAt, now)} ago` : '–'))))));
  }

  const refresh = refresher(
    () => Promise.all([api.overview(), api.metrics(), api.upstreams()]),
    ([overview, metrics, upstreams], now) => {
      renderOverview(overview, now);
      renderUpstreams(upstreams, now);
      renderMetrics(metrics, overview, now);
    },
    updated,
    problem);

  return {refresh, intervalMs: 5000};
}
