// The actor network: countries (or full actor codes) as nodes sized by their events, directed
// edges weighted by event count and coloured by mean Goldstein score, laid out by cytoscape.
import cytoscape from 'cytoscape';

let cy = null;

function goldsteinColor(g) {
  // -10 (red) … 0 (grey) … +10 (green)
  const t = Math.max(-1, Math.min(1, g / 10));
  if (t >= 0) return `rgb(${Math.round(160 - 130 * t)},${Math.round(160 + 10 * t)},${Math.round(160 - 100 * t)})`;
  return `rgb(${Math.round(160 - 60 * t)},${Math.round(160 + 120 * t)},${Math.round(160 + 120 * t)})`;
}

/** Draw the API's network into `el`; `focus` codes are highlighted. Returns the node count. */
export function drawNetwork(el, net, focus = [], onPick = () => {}) {
  const max = Math.max(1, ...net.nodes.map((n) => n.events));
  const maxE = Math.max(1, ...net.edges.map((e) => e.events));
  const elements = [
    ...net.nodes.map((n) => ({
      data: { id: n.id, label: n.id, size: 14 + 36 * Math.sqrt(n.events / max),
              focus: focus.some((f) => n.id.startsWith(f) || f.startsWith(n.id)) ? 1 : 0 },
    })),
    ...net.edges.map((e, i) => ({
      data: { id: `e${i}`, source: e.source, target: e.target, events: e.events,
              width: 1 + 7 * (e.events / maxE), color: goldsteinColor(e.goldstein_mean) },
    })),
  ];
  if (cy) cy.destroy();
  cy = cytoscape({
    container: el,
    elements,
    style: [
      { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)',
          'background-color': '#64748b', color: '#1d2330', 'font-size': 10, 'text-valign': 'center',
          'text-halign': 'right', 'text-margin-x': 3 } },
      { selector: 'node[focus = 1]', style: { 'background-color': '#2450a6', 'font-weight': 'bold' } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(color)',
          'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier',
          opacity: 0.8 } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70 },
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', (ev) => onPick(ev.target.id()));
  return net.nodes.length;
}
