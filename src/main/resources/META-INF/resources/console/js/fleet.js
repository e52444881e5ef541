// "Fleet": the sessions, workspaces and tasks the store holds (all replicas), from /console/api, every 3 s while
// the view is shown. A session can be ended from here (DELETE /console/api/sessions/{id}).
import {age, h, refresher, replace, shortId, showProblem} from './dom.js';
import {api} from './api.js';

export function fleet(root) {
  const expanded = new Set();
  const problem = h('div', {class: 'view-problem', role: 'alert', hidden: true});
  const updated = h('span', {class: 'muted updated'});
  const sessionsBox = h('div', {class: 'table-box', 'data-testid': 'sessions'});
  const workspacesBox = h('div', {class: 'table-box', 'data-testid': 'workspaces'});
  const tasksBox = h('div', {class: 'table-box', 'data-testid': 'tasks'});
  const sessionsTitle = h('h2', {}, 'Sessions');
  const workspacesTitle = h('h2', {}, 'Workspaces');
  const tasksTitle = h('h2', {}, 'Tasks');

  replace(root,
    h('div', {class: 'toolbar'}, h('span', {class: 'muted'}, 'Sessions, workspaces and tasks of every replica (refreshed every 3 s)'), updated),
    problem,
    sessionsTitle, sessionsBox,
    tasksTitle, tasksBox,
    workspacesTitle, workspacesBox);

  async function end(session) {
    const who = session.client ? `${session.client.name} ${session.client.version ?? ''}`.trim() : 'unknown client';
    if (!window.confirm(`End session ${session.id.slice(0, 8)}… (${who})? Its client gets 404 on its next request.`)) return;
    try {
      await api.endSession(session.id);
    } catch (error) {
      showProblem(problem, error.message);
    }
    await refresh();
  }

  function sessionRows(sessions, now) {
    if (!sessions.length) return h('p', {class: 'muted'}, 'No sessions.');
    return h('table', {},
      h('thead', {}, h('tr', {}, ['Session', 'Client', 'Protocol', 'Owner', 'Age', 'Idle', 'Replica', 'Tools used', ''].map((t) => h('th', {}, t)))),
      h('tbody', {}, sessions.map((s) => {
        const tools = s.toolsUsed || [];
        const open = expanded.has(s.id);
        const toggle = h('button', {type: 'button', class: 'small', disabled: !tools.length, 'aria-expanded': String(open),
          onclick: () => {
            if (expanded.has(s.id)) expanded.delete(s.id);
            else expanded.add(s.id);
            refresh();
          }}, `${tools.length}${tools.length ? (open ? ' ▾' : ' ▸') : ''}`);
        const row = h('tr', {dataset: {sessionId: s.id, client: s.client?.name ?? ''}},
          h('td', {}, shortId(s.id)),
          h('td', {}, s.client ? h('span', {}, h('strong', {}, s.client.name ?? '?'), ` ${s.client.version ?? ''}`) : h('span', {class: 'muted'}, '–')),
          h('td', {}, h('span', {class: `tag era-${s.era}`}, s.era ?? '?'), ` ${s.protocolVersion ?? ''}`),
          h('td', {}, s.owner ? h('code', {}, s.owner) : h('span', {class: 'muted'}, '–')),
          h('td', {}, age(s.createdAt, now)),
          h('td', {}, age(s.lastSeenAt, now)),
          h('td', {}, s.replica ? h('code', {}, s.replica) : h('span', {class: 'muted'}, 'any')),
          h('td', {}, toggle),
          h('td', {}, h('button', {type: 'button', class: 'danger small', 'data-testid': 'end-session', onclick: () => end(s)}, 'End')));
        if (!open || !tools.length) return row;
        return [row, h('tr', {class: 'expansion'}, h('td', {colspan: 9},
          h('ol', {class: 'tools-used'}, tools.map((t) => h('li', {}, h('code', {}, t.tool), h('span', {class: 'muted'}, ` ${age(t.at, now)} ago`))))))];
      })));
  }

  function workspaceRows(workspaces, now) {
    if (!workspaces.length) return h('p', {class: 'muted'}, 'No workspaces.');
    return h('table', {},
      h('thead', {}, h('tr', {}, ['Workspace', 'Age', 'Idle'].map((t) => h('th', {}, t)))),
      h('tbody', {}, workspaces.map((w) => h('tr', {}, h('td', {}, shortId(w.id)), h('td', {}, age(w.createdAt, now)), h('td', {}, age(w.lastSeenAt, now))))));
  }

  function taskRows(tasks, now) {
    if (!tasks.length) return h('p', {class: 'muted'}, 'No tasks.');
    const rank = (t) => (t.status === 'working' || t.status === 'input_required' ? 0 : 1);
    const sorted = [...tasks].sort((a, b) => rank(a) - rank(b) || Date.parse(b.lastUpdatedAt) - Date.parse(a.lastUpdatedAt));
    return h('table', {},
      h('thead', {}, h('tr', {}, ['Status', 'Tool', 'Message', 'Task', 'Session', 'Age', 'Updated'].map((t) => h('th', {}, t)))),
      h('tbody', {}, sorted.map((t) => h('tr', {},
        h('td', {}, h('span', {class: `tag status-${t.status}`}, t.status)),
        h('td', {}, h('code', {}, t.tool ?? '–')),
        h('td', {class: 'task-message'}, t.statusMessage ?? ''),
        h('td', {}, shortId(t.taskId)),
        h('td', {}, t.sessionId ? shortId(t.sessionId) : h('span', {class: 'muted'}, '–')),
        h('td', {}, age(t.createdAt, now)),
        h('td', {}, `${age(t.lastUpdatedAt, now)} ago`)))));
  }

  const refresh = refresher(
    () => Promise.all([api.sessions(100), api.tasks(50)]),
    ([sessions, tasks], now) => {
      sessionsTitle.textContent = `Sessions (${sessions.count ?? sessions.sessions.length})`;
      replace(sessionsBox, sessionRows(sessions.sessions || [], now));
      workspacesTitle.textContent = `Workspaces (${(sessions.workspaces || []).length})`;
      replace(workspacesBox, workspaceRows(sessions.workspaces || [], now));
      const list = tasks.tasks || [];
      tasksTitle.textContent = `Tasks (${list.filter((t) => t.status === 'working' || t.status === 'input_required').length} running, ${list.length} shown)`;
      replace(tasksBox, taskRows(list, now));
    },
    updated,
    problem);

  return {refresh, intervalMs: 3000};
}
