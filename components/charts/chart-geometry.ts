// The arithmetic of the charts, drawn as plain SVG and HTML (no charting library: it cost a slow machine seconds).

export interface Point {
  x: number;
  y: number;
}

/** Up to about `count` round tick values (1, 2 or 5 times a power of ten apart) from 0 to at least `max`. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

const round = (n: number) => Math.round(n * 100) / 100;

// The tangents of a monotone cubic through the points (Fritsch-Carlson, as d3's curveMonotoneX): the curve never
// overshoots, so a stacked count never looks negative or higher than it was.
function tangents(points: Point[]): number[] {
  const n = points.length;
  const slope = (i: number) => (points[i + 1].y - points[i].y) / (points[i + 1].x - points[i].x || 1);
  const t = new Array<number>(n).fill(0);
  for (let i = 1; i < n - 1; i++) {
    const h0 = points[i].x - points[i - 1].x;
    const h1 = points[i + 1].x - points[i].x;
    const s0 = slope(i - 1);
    const s1 = slope(i);
    const p = (s0 * h1 + s1 * h0) / (h0 + h1 || 1);
    t[i] = (Math.sign(s0) + Math.sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
  }
  if (n > 1) {
    t[0] = (3 * slope(0) - t[1]) / 2;
    t[n - 1] = (3 * slope(n - 2) - t[n - 2]) / 2;
  }
  return t;
}

/** The path commands (after the first point's) of a monotone curve through `points`, in order. */
function curveSegments(points: Point[]): string {
  const t = tangents(points);
  let d = "";
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    const dx = (b.x - a.x) / 3;
    d += `C${round(a.x + dx)},${round(a.y + dx * t[i])},${round(b.x - dx)},${round(b.y - dx * t[i + 1])},${round(b.x)},${round(b.y)}`;
  }
  return d;
}

/** The outline of a monotone curve through `points`. */
export function linePath(points: Point[]): string {
  if (points.length === 0) return "";
  return `M${round(points[0].x)},${round(points[0].y)}${curveSegments(points)}`;
}

/** A closed band between a `top` and a `bottom` curve over the same x values. */
export function bandPath(top: Point[], bottom: Point[]): string {
  if (top.length === 0) return "";
  const back = [...bottom].reverse();
  return `${linePath(top)}L${round(back[0].x)},${round(back[0].y)}${curveSegments(back)}Z`;
}

/** The index of the nearest of `count` evenly spaced points to a fraction (0..1) of the width. */
export function nearestIndex(fraction: number, count: number): number {
  if (count <= 1) return 0;
  return Math.min(count - 1, Math.max(0, Math.round(fraction * (count - 1))));
}
