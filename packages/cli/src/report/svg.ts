/** Small inline-SVG charts: no script, no external file, readable offline and in print. */

/** Escapes text for HTML and SVG. */
export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One named series of values (undefined: no value that month). */
export interface Series {
  readonly name: string;
  readonly color: string;
  readonly values: readonly (number | undefined)[];
}

const W = 640;
const H = 240;
const pad = { left: 64, right: 16, top: 16, bottom: 40 };

const niceMax = (max: number): number => {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
};

const axes = (labels: readonly string[], max: number, format: (n: number) => string): string => {
  const plotW = W - pad.left - pad.right;
  const plotH = H - pad.top - pad.bottom;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const y = pad.top + plotH * (1 - f);
    return `<line x1="${pad.left}" x2="${W - pad.right}" y1="${y}" y2="${y}" stroke="#e5e7eb"/><text x="${pad.left - 6}" y="${y + 4}" text-anchor="end" font-size="11" fill="#6b7280">${esc(format(max * f))}</text>`;
  });
  const step = plotW / Math.max(1, labels.length);
  const xs = labels.map(
    (l, i) =>
      `<text x="${pad.left + step * (i + 0.5)}" y="${H - pad.bottom + 16}" text-anchor="middle" font-size="11" fill="#6b7280">${esc(l)}</text>`,
  );
  return ticks.join('') + xs.join('');
};

const legend = (series: readonly Series[]): string =>
  series
    .map(
      (s, i) =>
        `<rect x="${pad.left + i * 170}" y="${H - 14}" width="10" height="10" fill="${s.color}"/><text x="${pad.left + i * 170 + 14}" y="${H - 5}" font-size="11" fill="#374151">${esc(s.name)}</text>`,
    )
    .join('');

const frame = (title: string, body: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${body}</svg>`;

/**
 * Grouped bars per label (e.g. months), one bar per series.
 *
 * @example
 * barChart('Charges and collections', ['Jan', 'Feb'], [{ name: 'Charges', color: '#2563eb', values: [10, 12] }], String)
 */
export const barChart = (
  title: string,
  labels: readonly string[],
  series: readonly Series[],
  format: (n: number) => string,
): string => {
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const plotW = W - pad.left - pad.right;
  const plotH = H - pad.top - pad.bottom;
  const step = plotW / Math.max(1, labels.length);
  const bw = (step * 0.8) / Math.max(1, series.length);
  const bars = series.flatMap((s, si) =>
    s.values.map((v, i) => {
      if (v === undefined) return '';
      const h = (Math.max(0, v) / max) * plotH;
      const x = pad.left + step * i + step * 0.1 + bw * si;
      return `<rect x="${x.toFixed(1)}" y="${(pad.top + plotH - h).toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}" fill="${s.color}"><title>${esc(`${s.name} ${labels[i]}: ${format(v)}`)}</title></rect>`;
    }),
  );
  return frame(title, axes(labels, max, format) + bars.join('') + legend(series));
};

/** Lines per series over the labels, with an optional dashed target line and a fixed top (100 for percentages). */
export const lineChart = (
  title: string,
  labels: readonly string[],
  series: readonly Series[],
  format: (n: number) => string,
  target?: { readonly value: number; readonly label: string },
  top?: number,
): string => {
  const max =
    top ?? niceMax(Math.max(target?.value ?? 0, ...series.flatMap((s) => s.values.map((v) => v ?? 0))) * 1.1);
  const plotW = W - pad.left - pad.right;
  const plotH = H - pad.top - pad.bottom;
  const step = plotW / Math.max(1, labels.length);
  const y = (v: number) => pad.top + plotH * (1 - Math.max(0, v) / max);
  const lines = series.map((s) => {
    const pts = s.values
      .map((v, i) =>
        v === undefined ? undefined : `${(pad.left + step * (i + 0.5)).toFixed(1)},${y(v).toFixed(1)}`,
      )
      .filter((p): p is string => p !== undefined);
    const dots = s.values.map((v, i) =>
      v === undefined
        ? ''
        : `<circle cx="${(pad.left + step * (i + 0.5)).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${s.color}"><title>${esc(`${s.name} ${labels[i]}: ${format(v)}`)}</title></circle>`,
    );
    return `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts.join(' ')}"/>${dots.join('')}`;
  });
  const t =
    target === undefined
      ? ''
      : `<line x1="${pad.left}" x2="${W - pad.right}" y1="${y(target.value)}" y2="${y(target.value)}" stroke="#dc2626" stroke-dasharray="5 4"/><text x="${W - pad.right}" y="${y(target.value) - 4}" text-anchor="end" font-size="11" fill="#dc2626">${esc(target.label)}</text>`;
  return frame(title, axes(labels, max, format) + t + lines.join('') + legend(series));
};

/** Horizontal bars: one row per label, two series side by side (e.g. budget and actual). */
export const hbarChart = (
  title: string,
  rows: readonly {
    readonly label: string;
    readonly a: number;
    readonly b: number;
    /** An overspend covered by an approved variance: drawn amber and said in words, not red. */
    readonly covered?: boolean;
  }[],
  names: readonly [string, string],
  format: (n: number) => string,
): string => {
  const rowH = 28;
  const h = pad.top + rows.length * rowH + 30;
  const left = 110;
  const plotW = W - left - 90;
  const max = niceMax(Math.max(1, ...rows.flatMap((r) => [r.a, r.b])));
  const body = rows.map((r, i) => {
    const y0 = pad.top + i * rowH;
    const wa = (r.a / max) * plotW;
    const wb = (r.b / max) * plotW;
    const over = r.b > r.a;
    const fill = !over ? '#16a34a' : r.covered === true ? '#d97706' : '#dc2626';
    const note = !over
      ? ''
      : r.covered === true
        ? ' (over, covered by an approved variance)'
        : ' (over budget)';
    return (
      `<text x="${left - 6}" y="${y0 + 15}" text-anchor="end" font-size="12" fill="#374151">${esc(r.label)}</text>` +
      `<rect x="${left}" y="${y0 + 2}" width="${wa.toFixed(1)}" height="10" fill="#93c5fd"><title>${esc(`${names[0]} ${r.label}: ${format(r.a)}`)}</title></rect>` +
      `<rect x="${left}" y="${y0 + 13}" width="${wb.toFixed(1)}" height="10" fill="${fill}"><title>${esc(`${names[1]} ${r.label}: ${format(r.b)}${note}`)}</title></rect>` +
      `<text x="${left + Math.max(wa, wb) + 6}" y="${y0 + 16}" font-size="11" fill="#374151">${esc(`${format(r.b)}${over ? (r.covered === true ? ' ✔ variance' : ' ✖ over') : ''}`)}</text>`
    );
  });
  const key = `<rect x="${left}" y="${h - 18}" width="10" height="10" fill="#93c5fd"/><text x="${left + 14}" y="${h - 9}" font-size="11">${esc(names[0])}</text><rect x="${left + 100}" y="${h - 18}" width="10" height="10" fill="#16a34a"/><text x="${left + 114}" y="${h - 9}" font-size="11">${esc(names[1])} (✖ over: red; ✔ variance: over, covered by an approved variance: amber)</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${h}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${body.join('')}${key}</svg>`;
};
