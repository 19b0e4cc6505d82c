// The cooperation–conflict timeline on a true time axis: one bar per period from the first to
// the last, empty periods as gaps (the API fills them in), stacked by quad class as counts or
// as each class's share of the period's events (the normalisation GDELT and ICEWS users read),
// with the mean Goldstein score as a line. Drag across it to zoom (the view's From/To); click
// a bar to narrow the view to its period.
import {
  Chart, BarController, BarElement, LineController, LineElement, PointElement,
  CategoryScale, LinearScale, Tooltip, Legend,
} from 'chart.js';
import { QUAD_COLORS, QUAD_NAMES } from './api.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement,
  CategoryScale, LinearScale, Tooltip, Legend);

let chart = null;
let points = [];
let onPick = () => {};

/** Draw the API's series on the canvas: `share` draws each class as a percentage. Returns the
 * number of periods. `pick(first, last)` is called with the periods a drag covers (the same
 * one twice for a click). */
export function drawTimeline(canvas, series, share, pick) {
  points = series.points;
  onPick = pick;
  const labels = points.map((p) => p.period);
  const datasets = QUAD_NAMES.map((name, i) => ({
    type: 'bar', label: name, backgroundColor: QUAD_COLORS[i], stack: 'events', yAxisID: 'y',
    data: points.map((p) => (share ? (p.events ? (100 * p.quad[i]) / p.events : 0) : p.quad[i])),
    categoryPercentage: 1, barPercentage: 0.9,
  }));
  datasets.push({
    type: 'line', label: 'mean Goldstein', yAxisID: 'g', tension: 0.2, spanGaps: false,
    data: points.map((p) => (p.events ? p.goldstein_mean : null)),
    borderColor: '#1d2330', backgroundColor: '#1d2330', pointRadius: points.length > 80 ? 0 : 2,
  });
  if (chart) chart.destroy();
  chart = new Chart(canvas, {
    data: { labels, datasets },
    options: {
      animation: false, maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
      scales: {
        x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0 } },
        y: { stacked: true, beginAtZero: true, max: share ? 100 : undefined,
          title: { display: true, text: share ? '% of the period\'s events' : 'events' },
          ticks: { precision: 0 } },
        g: { position: 'right', min: -10, max: 10, grid: { drawOnChartArea: false },
          title: { display: true, text: 'Goldstein' } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { footer: (items) => {
          const p = points[items[0].dataIndex];
          return p ? `${p.events} events` : '';
        } } },
      },
    },
  });
  return labels.length;
}

/** The period index under a pixel of the canvas (clamped to the periods). */
function indexAt(x) {
  if (!chart || !points.length) return -1;
  const v = chart.scales.x.getValueForPixel(x);
  return Math.max(0, Math.min(points.length - 1, Math.round(v)));
}

/** Let the user drag across the chart to choose periods; `band` is the element that shows
 * the stretch being chosen. */
export function enableBrush(canvas, band) {
  let start = null;
  const x = (ev) => ev.clientX - canvas.getBoundingClientRect().left;
  const paint = (a, b) => {
    band.hidden = false;
    band.style.left = `${Math.min(a, b)}px`;
    band.style.width = `${Math.abs(b - a)}px`;
  };
  canvas.addEventListener('pointerdown', (ev) => {
    if (!points.length) return;
    start = x(ev);
    paint(start, start);
    canvas.setPointerCapture(ev.pointerId);
  });
  canvas.addEventListener('pointermove', (ev) => { if (start !== null) paint(start, x(ev)); });
  canvas.addEventListener('pointerup', (ev) => {
    if (start === null) return;
    const end = x(ev);
    band.hidden = true;
    const [i, j] = [indexAt(Math.min(start, end)), indexAt(Math.max(start, end))];
    start = null;
    if (i >= 0) onPick(points[i].period, points[j].period);
  });
}
