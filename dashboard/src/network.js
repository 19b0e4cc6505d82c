// The actor network: countries (or full actor codes) as nodes sized by their events, directed
// edges weighted by event count and coloured by mean Goldstein score, laid out by cytoscape.
// A node or an edge clicked refines the view (an actor, a dyad); the drawing follows the
// panel's width.
import cytoscape from 'cytoscape';
import { goldsteinColor } from './api.js';

let cy = null;

/** Draw the API's network into `el`; `focus` codes are highlighted, `labels` name codes.
 * `onNode(id)` and `onEdge(source, target)` are called on clicks. Returns the node count. */
export function drawNetwork(el, net, focus, labels, onNode, onEdge) {
  const max = Math.max(1, ...net.nodes.map((n) => n.events));
  const maxE = Math.max(1, ...net.edges.map((e) => e.events));
  const name = (id) => (id.startsWith('---') ? `${id} (country unknown)` : id);
  const elements = [
    ...net.nodes.map((n) => ({
      data: { id: n.id, label: name(n.id), title: labels[n.id] || '', events: n.events,
        size: 14 + 36 * Math.sqrt(n.events / max),
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
  cy.on('tap', 'node', (ev) => onNode(ev.target.id()));
  cy.on('tap', 'edge', (ev) => onEdge(ev.target.data('source'), ev.target.data('target')));
  cy.on('mouseover', 'node', (ev) => {
    const d = ev.target.data();
    el.title = `${d.label}${d.title ? ` — ${d.title}` : ''}: ${d.events} events (click: pair it with the chosen actor)`;
  });
  cy.on('mouseover', 'edge', (ev) => {
    const d = ev.target.data();
    el.title = `${d.source} → ${d.target}: ${d.events} events (click: this dyad)`;
  });
  return net.nodes.length;
}

/** Fit the drawing to its panel again (after the window changed size). */
export function resizeNetwork() {
  if (cy) { cy.resize(); cy.fit(undefined, 20); }
}
