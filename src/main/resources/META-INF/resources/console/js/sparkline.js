// A small inline SVG line chart drawn by hand: values over a fixed time window, the last value and the peak as text.
import {h, svg} from './dom.js';

const WIDTH = 240;
const HEIGHT = 44;
const PAD = 3;

/**
 * sparkline({label, unit, points: [{t, v}], from, to, format, kind}) → an element. Points are placed by time, so
 * gaps (intervals with no calls) show as zeros rather than squeezing the line.
 */
export function sparkline({label, unit = '', points, from, to, format = (v) => String(v), kind = 'calls'}) {
  const values = points.map((p) => p.v);
  const peak = Math.max(0, ...values);
  const x = (t) => PAD + ((t - from) / Math.max(1, to - from)) * (WIDTH - 2 * PAD);
  const y = (v) => HEIGHT - PAD - (peak ? (v / peak) * (HEIGHT - 2 * PAD) : 0);
  const coordinates = points.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
  const hasData = values.some((v) => v > 0);
  const chart = svg('svg', {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, class: `spark spark-${kind}`, role: 'img',
    'aria-label': `${label}: peak ${format(peak)}${unit}`, 'data-has-data': String(hasData)},
  svg('line', {x1: PAD, x2: WIDTH - PAD, y1: HEIGHT - PAD, y2: HEIGHT - PAD, class: 'axis'}),
  points.length > 1 ? svg('polygon', {points: `${x(points[0].t).toFixed(1)},${HEIGHT - PAD} ${coordinates} ${x(points[points.length - 1].t).toFixed(1)},${HEIGHT - PAD}`, class: 'area'}) : null,
  points.length ? svg('polyline', {points: coordinates, class: 'line'}) : null,
  points.length ? svg('circle', {cx: x(points[points.length - 1].t).toFixed(1), cy: y(points[points.length - 1].v).toFixed(1), r: 2.5, class: 'last'}) : null,
  svg('title', {}, `${label}, last 15 minutes: peak ${format(peak)}${unit}`));
  const last = values.length ? values[values.length - 1] : 0;
  return h('div', {class: 'spark-box'},
    h('div', {class: 'spark-label'}, label, h('span', {class: 'spark-value'}, ` now ${format(last)}${unit} · peak ${format(peak)}${unit}`)),
    chart);
}
