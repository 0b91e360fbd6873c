// The restore dashboard: running restores live (one event stream per page, whatever it shows), orphaned tenants,
// finished restores from the task list, and a live detail view per tenant. Everything shown is set with textContent.
import uPlot from '/webjars/uplot/dist/uPlot.esm.js';
import * as api from './api.js';
import * as fmt from './format.js';

const $ = id => document.getElementById(id);
const STALE_STREAM_MS = 45000; // three heartbeats missed: reconnect

/** A DOM element with text and attributes; children are elements or strings (as text nodes). */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') {
      node.textContent = value;
    } else if (key === 'class') {
      node.className = value;
    } else if (value !== undefined && value !== null) {
      node.setAttribute(key, value);
    }
  }
  for (const child of children) {
    node.append(child);
  }
  return node;
}

function show(node, visible) {
  node.hidden = !visible;
}

function tenantLink(name) {
  return el('a', { href: '#/tenant/' + encodeURIComponent(name), text: name });
}

function setConnection(state, text) {
  const node = $('connection');
  node.dataset.state = state;
  node.textContent = text;
}

/**
 * One live event stream that reopens itself (with a fresh auth header) until stopped or ended for good. onFailure
 * decides on an envelope answer: return true to retry later.
 */
class LiveStream {
  constructor(path, onEvent, onFailure, onOpen = () => {}) {
    this.path = path;
    this.onEvent = onEvent;
    this.onFailure = onFailure;
    this.onOpen = onOpen;
    this.stopped = false;
    this.ended = false;
    this.retryMs = 1000;
  }

  async start() {
    while (!this.stopped && !this.ended) {
      this.controller = new AbortController();
      this.lastSeen = Date.now();
      let result;
      try {
        result = await api.openStream(this.path, event => this.received(event), this.controller.signal);
      } catch (e) {
        result = { ok: false, status: 0, error: null };
      }
      if (this.stopped) {
        return;
      }
      if (!result.ok) {
        if (!this.onFailure(result)) {
          return;
        }
      } else {
        this.retryMs = 1000;
        setConnection('live', 'live');
        this.onOpen();
        const watchdog = setInterval(() => {
          if (Date.now() - this.lastSeen > STALE_STREAM_MS) {
            this.controller.abort();
          }
        }, 5000);
        try {
          await result.done;
        } catch (e) {
          // aborted or the connection broke: reopened below
        } finally {
          clearInterval(watchdog);
        }
      }
      if (!this.stopped && !this.ended) {
        setConnection('reconnecting', 'reconnecting…');
        await new Promise(resolve => setTimeout(resolve, this.retryMs));
        this.retryMs = Math.min(this.retryMs * 2, 15000);
      }
    }
  }

  received(event) {
    this.lastSeen = Date.now();
    if (event.name === 'final') {
      this.ended = true;
    }
    if (event.name !== 'heartbeat') {
      this.onEvent(event);
    }
  }

  stop() {
    this.stopped = true;
    if (this.controller) {
      this.controller.abort();
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sign-in

/** Handles an auth answer of any request: true when it was one (the login form is then showing). */
function authFailure(status, error) {
  if (status === 400 && error && error.errCode === 'Request.Header.NotFound') {
    requireLogin(null);
    return true;
  }
  if (status === 401 && error) {
    api.forgetPassword();
    requireLogin(error.message);
    return true;
  }
  return false;
}

function requireLogin(message) {
  stopStreams();
  show($('list-view'), false);
  show($('detail-view'), false);
  show($('login'), true);
  show($('sign-out'), false);
  setConnection('error', 'password needed');
  $('login-error').textContent = message || '';
  show($('login-error'), Boolean(message));
  $('password').focus();
}

$('login-form').addEventListener('submit', event => {
  event.preventDefault();
  const input = $('password');
  api.setPassword(input.value);
  input.value = '';
  show($('login'), false);
  show($('sign-out'), true);
  route();
});

$('sign-out').addEventListener('click', () => {
  api.forgetPassword();
  requireLogin(null);
});

// ---------------------------------------------------------------------------------------------------------------
// List view: running restores (live), orphans, finished restores

let running = null;
const charts = new Map();
const finished = { page: 1, total: 0, rows: [], failed: false };

function startList() {
  show($('list-view'), true);
  let listed = false;
  running = new LiveStream('/api/v1/restore/running/stream', event => {
    if (event.name === 'running') {
      show($('list-error'), false);
      renderRunning(event.data.running);
      renderOrphans(event.data.orphaned);
      [...event.data.ended].reverse().forEach(addEnded); // oldest first, so the newest ends on top
    } else if (event.name === 'error') {
      listError(event.data.error.message);
    }
  }, result => {
    if (authFailure(result.status, result.error)) {
      return false;
    }
    listError(result.error ? result.error.message : 'The service is not reachable.');
    return true;
  }, () => {
    // Once the stream is open the password is known to be right: only then the task list (one request, not two
    // refused ones, when it is wrong).
    if (!listed) {
      listed = true;
      loadFinished();
    }
  });
  running.start();
}

function listError(message) {
  $('list-error').textContent = message;
  show($('list-error'), true);
  setConnection('error', 'degraded');
}

/**
 * One progress bar. An unknown value is an empty bar marked unknown, never an indeterminate one (which browsers draw
 * as a moving partial segment that reads as progress).
 */
function bar(label, kind, value, figure, state) {
  const progress = el('progress', { class: kind + (state ? ' ' + state : ''), max: '100' });
  progress.value = value === null ? 0 : value;
  if (value === null) {
    progress.dataset.unknown = 'true';
  }
  return el('div', { class: 'bar' }, el('span', { text: label }), progress, el('span', { class: 'figure', text: figure }));
}

/** The data, tablet and log-replay bars; a finished job's bars say how it ended, not a partial run. */
function progressBars(overview) {
  const ended = overview.status === 'SUCCESS' || overview.status === 'FAIL';
  const state = overview.status === 'SUCCESS' ? 'done' : overview.status === 'FAIL' ? 'failed' : '';
  const restore = fmt.percent(overview.restore_progress);
  let bytesDone = restore !== null ? restore : fmt.ratioPercent(overview.finish_bytes, overview.total_bytes);
  let tabletsDone = fmt.ratioPercent(overview.finish_tablet_count, overview.tablet_count);
  let recover = fmt.percent(overview.recover_progress);
  if (overview.status === 'SUCCESS') {
    // OceanBase's history rows keep counters of one phase only: a successful restore restored everything.
    bytesDone = tabletsDone = recover = 100;
  }
  const bytesFigure = fmt.bytes(overview.finish_bytes) + ' / ' + fmt.bytes(overview.total_bytes);
  return [
    bar('Data', 'bytes', bytesDone, ended ? fmt.bytes(overview.total_bytes)
      : bytesFigure + (bytesDone === null ? '' : ' · ' + bytesDone.toFixed(2) + '%'), state),
    bar('Tablets', 'tablets', tabletsDone, ended ? String(overview.tablet_count)
      : overview.finish_tablet_count + ' / ' + overview.tablet_count, state),
    bar('Log replay', 'recover', recover, recover === null ? '–' : recover.toFixed(2) + '%', state),
  ];
}

function rates(estimate) {
  const e = estimate || {};
  return el('div', { class: 'rates' },
    el('span', {}, 'Throughput ', el('b', { class: 'throughput', text: fmt.rate(e.bytes_per_second) })),
    el('span', {}, 'Tablets ', el('b', { text: e.tablets_per_second === undefined ? '–' : e.tablets_per_second.toFixed(2) + '/s' })),
    el('span', {}, 'ETA ', el('b', { class: 'eta', text: e.eta_seconds === undefined ? '–'
      : fmt.duration(e.eta_seconds) + ' (' + fmt.time(e.eta) + ')' })));
}

function stallNote(diagnostics) {
  if (!diagnostics || !diagnostics.stalled) {
    return '';
  }
  return el('p', { class: 'stall-note', text: 'No progress since ' + fmt.time(diagnostics.last_progress)
    + ' (stalled after ' + fmt.duration(diagnostics.stall_after_seconds) + ' without a change)' });
}

/**
 * The feed's samples of a running job ([unix ms, bytes, tablets], over the rate window) as a small chart on the
 * cluster's clock. The x ticks are spaced so their labels never repeat: HH:MM once the window spans minutes.
 */
function drawChart(container, key, samples, overview) {
  if ((overview.total_bytes <= 0 && overview.tablet_count <= 0) || samples.length === 0) {
    container.replaceChildren(); // nothing to restore yet (CREATE_TENANT), or no sample yet: no chart to draw
    charts.delete(key);
    return;
  }
  const data = [samples.map(s => s[0] / 1000), samples.map(s => fmt.ratioPercent(s[1], overview.total_bytes)),
    samples.map(s => fmt.ratioPercent(s[2], overview.tablet_count))];
  let plot = charts.get(key);
  if (plot && plot.root.isConnected) {
    plot.setData(data);
    return;
  }
  container.replaceChildren();
  const offset = fmt.offsetMinutes(overview.start_timestamp);
  const axis = { font: '10px system-ui', stroke: '#5b6577', grid: { stroke: '#eef1f6' }, ticks: { show: false } };
  const tickLabels = (u, ticks) => {
    const span = u.scales.x.max - u.scales.x.min;
    const labels = ticks.map(t => fmt.clock(t, offset, span >= 120));
    container.dataset.ticks = JSON.stringify(labels); // what the axis shows, for the browser tests
    return labels;
  };
  plot = new uPlot({
    width: Math.max(200, container.clientWidth || 320), height: 90,
    legend: { show: false }, cursor: { show: false },
    scales: { x: { time: true }, y: { range: [0, 100] } },
    // Times on the cluster's clock, as every other time on the page (the zone of the overview's own timestamps).
    axes: [{ ...axis, size: 22, space: 70, incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600],
      values: tickLabels },
      { ...axis, size: 40, splits: () => [0, 50, 100], values: (u, v) => v.map(p => p + '%') }],
    series: [{},
      { label: 'data %', stroke: '#1f6feb', width: 2, points: { show: false } },
      { label: 'tablets %', stroke: '#8250df', width: 1, dash: [4, 3], points: { show: false } }],
  }, data, container);
  charts.set(key, plot);
}

function renderRunning(list) {
  const container = $('running');
  $('running-count').textContent = '(' + list.length + ')';
  show($('running-empty'), list.length === 0);
  const keep = new Set();
  for (const restore of list) {
    const o = restore.overview;
    const key = o.restore_tenant_name + '#' + o.job_id;
    keep.add(key);
    let card = container.querySelector('[data-key="' + CSS.escape(key) + '"]');
    if (!card) {
      card = el('article', { class: 'card', 'data-key': key, 'data-tenant': o.restore_tenant_name });
      card.append(el('header'), el('p', { class: 'meta' }), el('div', { class: 'bars' }),
        el('p', { class: 'log-streams' }), el('div', { class: 'numbers' }), el('div', { class: 'stall' }),
        el('div', { class: 'chart' }));
      container.append(card);
    }
    const stalled = restore.diagnostics && restore.diagnostics.stalled;
    card.classList.toggle('is-stalled', Boolean(stalled));
    card.querySelector('header').replaceChildren(tenantLink(o.restore_tenant_name), ' ',
      el('span', { class: 'badge status', text: o.status }),
      stalled ? el('span', { class: 'badge stalled', text: 'stalled' }) : '');
    card.querySelector('.meta').textContent = 'job ' + o.job_id + ' · started ' + fmt.time(o.start_timestamp)
      + ' · backup of ' + o.backup_tenant_name + ' (' + o.backup_cluster_name + ')';
    card.querySelector('.bars').replaceChildren(...progressBars(o));
    const streams = card.querySelector('.log-streams');
    const summary = restore.log_stream_summary;
    streams.textContent = fmt.logStreamLine(summary);
    streams.classList.toggle('has-failed', Boolean(summary && summary.failed > 0));
    show(streams, Boolean(summary && summary.log_streams > 0));
    card.querySelector('.numbers').replaceChildren(rates(restore.estimate));
    card.querySelector('.stall').replaceChildren(stallNote(restore.diagnostics));
    drawChart(card.querySelector('.chart'), key, restore.samples || [], o);
  }
  for (const card of [...container.children]) {
    if (!keep.has(card.dataset.key)) {
      charts.delete(card.dataset.key);
      card.remove();
    }
  }
}

function renderOrphans(orphans) {
  show($('orphans-block'), orphans.length > 0);
  $('orphan-count').textContent = '(' + orphans.length + ')';
  $('orphans').replaceChildren(...orphans.map(o => el('tr', { 'data-tenant': o.tenant_name },
    el('td', {}, tenantLink(o.tenant_name), ' ', el('span', { class: 'badge orphaned', text: 'orphaned' })),
    el('td', { text: String(o.tenant_id) }),
    el('td', { text: o.tenant_status }),
    el('td', { text: fmt.time(o.modified) }),
    el('td', { text: o.last_job_id ? 'job ' + o.last_job_id : 'none' }))));
}

/** The filter's bounds as RFC 3339 on the cluster's clock ("" when empty), or null for one that is no ISO time. */
function filterBounds() {
  const offset = api.clusterOffsetMinutes();
  return { from: fmt.isoInput($('filter-from').value, offset), to: fmt.isoInput($('filter-to').value, offset, true) };
}

function finishedQuery(bounds) {
  const params = new URLSearchParams();
  params.set('status', $('filter-status').value);
  if (bounds.from) {
    params.set('start_time', bounds.from);
  }
  if (bounds.to) {
    params.set('end_time', bounds.to);
  }
  params.set('page', String(finished.page));
  params.set('size', $('filter-size').value);
  return '/api/v1/restore/tasks?' + params.toString();
}

/** No page to turn while the list is not known (first load, or the service failed): both buttons off. */
function pagerUnknown() {
  finished.failed = true;
  $('page-prev').disabled = true;
  $('page-next').disabled = true;
  $('page-info').textContent = '';
}

async function loadFinished() {
  const bounds = filterBounds();
  if (bounds.from === null || bounds.to === null) {
    $('filter-error').textContent = 'Times are ISO on the cluster\'s clock: 2024-10-21 or 2024-10-21 09:00.';
    show($('filter-error'), true);
    return;
  }
  show($('filter-error'), false);
  let response;
  try {
    response = await api.authFetch(finishedQuery(bounds));
  } catch (e) {
    pagerUnknown();
    listError('The service is not reachable.');
    return;
  }
  if (!response.ok) {
    pagerUnknown();
    const error = await api.errorOf(response);
    if (!authFailure(response.status, error)) {
      listError(error ? error.message : 'The task list failed (HTTP ' + response.status + ').');
    }
    return;
  }
  const data = (await api.json(response)).data;
  finished.failed = false;
  finished.total = data.page.total_elements;
  finished.rows = data.contents;
  renderFinished(data.page.total_pages);
}

function renderFinished(pages) {
  const size = Number($('filter-size').value);
  $('finished').replaceChildren(...finished.rows.map(task => el('tr', { 'data-job': String(task.job_id) },
    el('td', {}, tenantLink(task.restore_tenant_name)),
    el('td', { text: String(task.job_id) }),
    el('td', {}, el('span', { class: 'badge ' + task.status, text: task.status })),
    el('td', { class: 'num', text: fmt.time(task.start_timestamp) }),
    el('td', { class: 'num', text: fmt.time(task.finish_timestamp) }),
    el('td', { class: 'num', text: fmt.duration(fmt.secondsBetween(task.start_timestamp, task.finish_timestamp)) }),
    el('td', { class: 'num', text: fmt.bytes(task.total_bytes) }),
    el('td', { class: 'comment', text: task.comment || task.description }))));
  show($('finished-empty'), finished.rows.length === 0);
  if (finished.failed) {
    return; // rows the stream added (jobs that just ended) are shown, but there are no pages to turn
  }
  const totalPages = pages === undefined ? Math.max(1, Math.ceil(finished.total / size)) : Math.max(1, pages);
  $('page-info').textContent = 'page ' + finished.page + ' of ' + totalPages + ' · ' + finished.total + ' restores';
  $('page-prev').disabled = finished.page <= 1;
  $('page-next').disabled = finished.page >= totalPages;
}

/** A job that just ended joins the first page without asking the service again, if the filters let it in. */
function addEnded(job) {
  const statuses = $('filter-status').value.split(',');
  const started = Date.parse(job.start_timestamp);
  const bounds = filterBounds();
  const from = bounds.from ? Date.parse(bounds.from) : -Infinity;
  const to = bounds.to ? Date.parse(bounds.to) : Infinity;
  if (finished.page !== 1 || !statuses.includes(job.status) || started < from || started > to
      || finished.rows.some(row => row.job_id === job.job_id)) {
    return;
  }
  finished.rows = [job, ...finished.rows].slice(0, Number($('filter-size').value));
  finished.total++;
  renderFinished();
}

$('finished-filter').addEventListener('submit', event => {
  event.preventDefault();
  finished.page = 1;
  loadFinished();
});
$('page-prev').addEventListener('click', () => {
  finished.page--;
  loadFinished();
});
$('page-next').addEventListener('click', () => {
  finished.page++;
  loadFinished();
});

// ---------------------------------------------------------------------------------------------------------------
// Detail view: one tenant, live over the tenant stream

let detail = null;

function startDetail(name) {
  show($('detail-view'), true);
  $('detail-name').textContent = name;
  $('detail-status').textContent = '';
  $('detail-note').textContent = '';
  $('detail-fields').replaceChildren();
  $('detail-progress').replaceChildren();
  $('detail-chart').replaceChildren();
  $('detail-log-streams').replaceChildren();
  show($('detail-ls-block'), false);
  show($('detail-stalled'), false);
  show($('detail-error'), false);
  detail = new LiveStream('/api/v1/tenant/' + encodeURIComponent(name) + '/restore/overview/stream', event => {
    if (event.name === 'error') {
      $('detail-error').textContent = event.data.error.message;
      show($('detail-error'), true);
      return;
    }
    show($('detail-error'), false);
    const o = event.data.overview;
    $('detail-status').textContent = o.status;
    $('detail-status').className = 'badge ' + o.status;
    const stalled = event.data.diagnostics && event.data.diagnostics.stalled;
    show($('detail-stalled'), Boolean(stalled));
    $('detail-note').textContent = event.name === 'final'
      ? (o.status === 'FAIL' ? 'Failed ' : 'Finished ') + fmt.time(o.finish_timestamp) + '.'
      : 'Running since ' + fmt.time(o.start_timestamp) + '; updates live.';
    $('detail-progress').replaceChildren(...progressBars(o),
      event.name === 'final' ? '' : rates(event.data.estimate), stallNote(event.data.diagnostics));
    if (event.name === 'final') {
      $('detail-chart').replaceChildren();
    } else {
      drawChart($('detail-chart'), 'detail:' + name, event.data.samples || [], o);
    }
    $('detail-fields').replaceChildren(...Object.entries(o).map(([key, value]) =>
      el('tr', { 'data-field': key }, el('th', { text: key }), el('td', { text: String(value) }))));
    if (event.data.log_streams) {
      renderLogStreams(event.data.log_streams, event.data.log_stream_summary, event.data.diagnostics, '');
    }
    if (event.name === 'final') {
      setConnection(o.status === 'FAIL' ? 'failed' : 'done', o.status === 'FAIL' ? 'restore failed' : 'finished');
      loadLogStreams(name); // the whole table, from wherever OceanBase keeps a finished job's streams
    }
  }, result => {
    if (authFailure(result.status, result.error)) {
      return false;
    }
    $('detail-error').textContent = result.error ? result.error.message : 'The service is not reachable.';
    show($('detail-error'), true);
    if (result.status === 0 || result.status >= 500) {
      return true; // an outage passes: try again
    }
    // A wrong name stays wrong: say so in the pill and the connection, with the service's (obshell's) message.
    const code = result.error ? result.error.errCode : '';
    $('detail-status').textContent = code === 'Common.NotFound' ? 'never restored'
      : code === 'OB.Tenant.NotExist' ? 'no such tenant' : 'not available';
    $('detail-status').className = 'badge none';
    $('detail-note').textContent = '';
    setConnection('error', 'not found');
    return false;
  });
  detail.start();
}

/**
 * The log streams table: one row per replica, failed and slowest first as the service sends them; a replica the stall
 * diagnosis names is marked. Everything from the database is set as text.
 */
function renderLogStreams(streams, summary, diagnostics, note) {
  const stuck = new Set(((diagnostics && diagnostics.stalled_log_streams) || []).map(s => s.ls_id + '@' + s.server));
  $('detail-ls-summary').textContent = summary ? '(' + fmt.logStreamLine(summary) + ')' : '';
  $('detail-ls-note').textContent = note;
  show($('detail-ls-note'), Boolean(note));
  $('detail-log-streams').replaceChildren(...streams.map(s => {
    const key = s.ls_id + '@' + s.server;
    const row = el('tr', { 'data-ls': String(s.ls_id), 'data-server': s.server,
      class: (s.failed ? 'failed' : '') + (stuck.has(key) ? ' stuck' : '') },
    el('td', { class: 'num', text: String(s.ls_id) }),
    el('td', { class: 'num', text: s.server }),
    el('td', { class: 'step' }, s.status + (s.status === String(s.status_code) ? '' : ' (' + s.status_code + ')'),
      stuck.has(key) ? ' ' : '', stuck.has(key) ? el('span', { class: 'badge stalled', text: 'not moving' }) : ''),
    el('td', { class: 'num', text: s.finish_tablet_count + ' / ' + s.tablet_count }),
    el('td', { class: 'num', text: fmt.bytes(s.finish_bytes) + ' / ' + fmt.bytes(s.total_bytes) }),
    el('td', { class: 'num' }, s.last_replay_scn === undefined ? '–' : el('code', { text: String(s.last_replay_scn) })),
    el('td', { class: 'result', text: s.result === 0 ? '–' : s.result_name + ' (' + s.result + ')' }),
    el('td', { class: 'comment' }, s.comment || '', s.trace_id ? el('span', { class: 'trace', text: 'trace ' + s.trace_id })
      : ''));
    return row;
  }));
  show($('detail-ls-block'), streams.length > 0 || Boolean(note));
}

/** The log streams of a tenant's job from the endpoint (for a job already over, or once it ends). */
async function loadLogStreams(name) {
  let response;
  try {
    response = await api.authFetch('/api/v1/tenant/' + encodeURIComponent(name) + '/restore/log-streams');
  } catch (e) {
    return;
  }
  if (!response.ok) {
    const error = await api.errorOf(response);
    if (error && error.errCode === 'Restore.LogStreams.Unavailable') {
      renderLogStreams([], null, null, error.message);
    }
    return;
  }
  const data = (await api.json(response)).data;
  const where = data.table ? 'from ' + data.table : 'none kept';
  const reason = data.job_comment ? ' · the job\'s own failure reason: ' + data.job_comment : '';
  renderLogStreams(data.log_streams, data.summary, null, 'Job ' + data.job_id + ' (' + data.job_status + '), ' + where
    + reason);
}

// ---------------------------------------------------------------------------------------------------------------
// Routing

function stopStreams() {
  for (const stream of [running, detail]) {
    if (stream) {
      stream.stop();
    }
  }
  running = null;
  detail = null;
  charts.clear();
}

function route() {
  if (!$('login').hidden) {
    return;
  }
  stopStreams();
  show($('list-view'), false);
  show($('detail-view'), false);
  setConnection('connecting', 'connecting…');
  const match = /^#\/tenant\/(.+)$/.exec(location.hash);
  if (match) {
    startDetail(decodeURIComponent(match[1]));
  } else {
    startList();
  }
}

window.addEventListener('hashchange', route);

async function main() {
  try {
    await api.syncClock();
    if (await api.passwordRequired()) {
      requireLogin(null);
      return;
    }
  } catch (e) {
    setConnection('error', 'service not reachable');
    return;
  }
  route();
}

main();
