import { useMemo } from 'react';
import type { Dossier } from '../api.js';
import { entityGraph, type GraphEdge, type GraphNode, type Selection } from './model.js';

/** Most nodes drawn: beyond ~30 labels a small graph stops being readable. */
const MAX_NODES = 30;
const WIDTH = 760;
const HEIGHT = 520;

interface Placed {
  readonly node: GraphNode;
  x: number;
  y: number;
  vx: number;
  vy: number;
  degree: number;
}

/** A small deterministic force layout: nodes start on a circle (in input order), repel each other, and edges pull. */
export function layout(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Placed[] {
  const placed: Placed[] = nodes.map((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
    return { node, x: WIDTH / 2 + Math.cos(angle) * 200, y: HEIGHT / 2 + Math.sin(angle) * 170, vx: 0, vy: 0, degree: 0 };
  });
  const index = new Map(placed.map((n, i) => [n.node.id, i] as const));
  for (const e of edges) {
    placed[index.get(e.from) ?? -1] && (placed[index.get(e.from)!]!.degree += 1);
    placed[index.get(e.to) ?? -1] && (placed[index.get(e.to)!]!.degree += 1);
  }
  const STEPS = 400;
  for (let step = 0; step < STEPS; step++) {
    const cooling = 1 - step / STEPS;
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i]!;
        const b = placed[j]!;
        const dx = a.x - b.x || 0.01 * (i - j);
        const dy = a.y - b.y || 0.01;
        const d2 = Math.max(dx * dx + dy * dy, 100);
        const d = Math.sqrt(d2);
        const f = 9000 / d2;
        a.vx += (dx / d) * f;
        a.vy += (dy / d) * f;
        b.vx -= (dx / d) * f;
        b.vy -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const a = placed[index.get(e.from) ?? -1];
      const b = placed[index.get(e.to) ?? -1];
      if (!a || !b) continue;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = (d - 130) * 0.03;
      a.vx += (dx / d) * f;
      a.vy += (dy / d) * f;
      b.vx -= (dx / d) * f;
      b.vy -= (dy / d) * f;
    }
    for (const n of placed) {
      n.vx += (WIDTH / 2 - n.x) * 0.01;
      n.vy += (HEIGHT / 2 - n.y) * 0.01;
      n.x = Math.min(WIDTH - 70, Math.max(70, n.x + n.vx * cooling));
      n.y = Math.min(HEIGHT - 24, Math.max(30, n.y + n.vy * cooling));
      n.vx *= 0.5;
      n.vy *= 0.5;
    }
  }
  return placed;
}

export function EntityGraph({ dossier, selected, onSelect }: { dossier: Dossier; selected: string | undefined; onSelect: (s: Selection) => void }) {
  const { placed, edges } = useMemo(() => {
    const graph = entityGraph(dossier);
    const degree = new Map<string, number>();
    for (const e of graph.edges) {
      degree.set(e.from, (degree.get(e.from) ?? 0) + 1);
      degree.set(e.to, (degree.get(e.to) ?? 0) + 1);
    }
    const keep = new Set([...degree].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_NODES).map(([id]) => id));
    const edges = graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to));
    return { placed: layout(graph.nodes.filter((n) => keep.has(n.id)), edges), edges };
  }, [dossier]);
  const at = new Map(placed.map((n) => [n.node.id, n] as const));
  return (
    <section id="graph" aria-labelledby="graph-title">
      <h2 id="graph-title">Who met whom, who spoke about whom</h2>
      {placed.length === 0 ? (
        <p className="muted">No meetings between named participants and no quotes naming others were found.</p>
      ) : (
        <>
          <p className="legend small">
            <span className="legend-event">◆ meeting or call</span> <span className="legend-met">— took part</span> <span className="legend-spoke">┅▸ spoke about</span> · select a
            node to highlight it in the sources
          </p>
          <svg className="graph" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label="Entity graph">
            <defs>
              <marker id="arrow" viewBox="0 0 10 10" refX="24" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" className="arrowhead" />
              </marker>
            </defs>
            {edges.map((e) => {
              const a = at.get(e.from)!;
              const b = at.get(e.to)!;
              return (
                <line
                  key={`${e.kind}|${e.from}|${e.to}`}
                  x1={a.x}
                  y1={a.y}
                  x2={b.x}
                  y2={b.y}
                  className={`edge ${e.kind}`}
                  strokeWidth={Math.min(5, 1 + e.weight)}
                  markerEnd={e.kind === 'spoke-about' ? 'url(#arrow)' : undefined}
                >
                  <title>{`${a.node.label} ${e.kind === 'took-part' ? 'took part in' : 'spoke about'} ${b.node.label}`}</title>
                </line>
              );
            })}
            {placed.map((n) => {
              const sel: Selection = { key: `g:${n.node.id}`, label: n.node.label, spans: n.node.spans };
              const pressed = selected === sel.key;
              const r = n.node.kind === 'event' ? 11 : Math.min(15, 7 + n.degree);
              return (
                <g
                  key={n.node.id}
                  className={`node ${n.node.kind}${pressed ? ' selected' : ''}`}
                  transform={`translate(${n.x},${n.y})`}
                  role="button"
                  tabIndex={0}
                  aria-pressed={pressed}
                  aria-label={`${n.node.label} (${n.node.kind})`}
                  onClick={() => onSelect(sel)}
                  onKeyDown={(ev) => {
                    if (ev.key === 'Enter' || ev.key === ' ') {
                      ev.preventDefault();
                      onSelect(sel);
                    }
                  }}
                >
                  {n.node.kind === 'event' ? <rect x={-r} y={-r} width={2 * r} height={2 * r} transform="rotate(45)" /> : <circle r={r} />}
                  <text y={-r - 5} textAnchor="middle">
                    {n.node.label.length > 24 ? `${n.node.label.slice(0, 23)}…` : n.node.label}
                  </text>
                </g>
              );
            })}
          </svg>
        </>
      )}
    </section>
  );
}
