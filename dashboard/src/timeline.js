// The cooperation–conflict timeline: events per period stacked by quad class (bars) and the
// mean Goldstein score (line, right axis), drawn with Chart.js.
import {
  Chart, BarController, BarElement, LineController, LineElement, PointElement,
  CategoryScale, LinearScale, Tooltip, Legend,
} from 'chart.js';
import { QUAD_COLORS, QUAD_NAMES } from './api.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement,
  CategoryScale, LinearScale, Tooltip, Legend);

let chart = null;

/** Draw `points` (the API's series points) on the canvas; returns the number of periods. */
export function drawTimeline(canvas, points) {
  const labels = points.map((p) => p.period);
  const datasets = QUAD_NAMES.map((name, i) => ({
    type: 'bar', label: name, data: points.map((p) => p.quad[i]),
    backgroundColor: QUAD_COLORS[i], stack: 'events', yAxisID: 'y',
  }));
  datasets.push({
    type: 'line', label: 'mean Goldstein', data: points.map((p) => p.goldstein_mean),
    borderColor: '#1d2330', backgroundColor: '#1d2330', yAxisID: 'g', tension: 0.2, pointRadius: 3,
  });
  if (chart) chart.destroy();
  chart = new Chart(canvas, {
    data: { labels, datasets },
    options: {
      animation: false, maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: 'events' }, ticks: { precision: 0 } },
        g: { position: 'right', min: -10, max: 10, grid: { drawOnChartArea: false }, title: { display: true, text: 'Goldstein' } },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  return labels.length;
}
