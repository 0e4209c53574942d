import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';

/**
 * Charts of the programme dashboard, drawn with Recharts. Each chart is a picture for sighted
 * readers: it has a visible title, `role="img"` with a summary in words, and its numbers are in a
 * real table beside it (see FigureSection). Series differ by pattern as well as by colour.
 */

export const NHS_BLUE = '#005eb8';
export const NHS_DARK_BLUE = '#003087';
const TEXT = '#212b32';
const GRID = '#d8dde0';

/** The fills of a stacked chart's series: solid, hatched, and an outlined pale bar. */
export type SeriesFill = 'solid' | 'hatched' | 'pale';

const FILLS: Record<SeriesFill, { fill: string; stroke?: string }> = {
  solid: { fill: NHS_DARK_BLUE },
  hatched: { fill: 'url(#convene-hatch)', stroke: NHS_BLUE },
  pale: { fill: '#e8edee', stroke: '#768692' },
};

/** The SVG patterns the charts refer to; rendered once on the dashboard page. */
export function ChartPatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" className="convene-chart-defs">
      <defs>
        <pattern id="convene-hatch" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
          <rect width="8" height="8" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="8" stroke={NHS_BLUE} strokeWidth="4" />
        </pattern>
      </defs>
    </svg>
  );
}

function Swatch({ fill }: { fill: SeriesFill }) {
  const f = FILLS[fill];
  return (
    <svg width="20" height="14" aria-hidden="true" focusable="false" className="convene-chart-legend__swatch">
      <rect x="1" y="1" width="18" height="12" fill={f.fill} stroke={f.stroke ?? f.fill} strokeWidth="1" />
    </svg>
  );
}

/** A chart with its text title and a summary for screen readers. */
export function ChartFrame({ title, summary, legend, children }: { title: string; summary: string; legend?: ReactNode; children: ReactNode }) {
  return (
    <figure className="convene-chart">
      <figcaption className="nhsuk-heading-s convene-chart__title">{title}</figcaption>
      <div role="img" aria-label={summary} className="convene-chart__picture">
        {children}
      </div>
      {legend}
    </figure>
  );
}

function chartHeight(rows: number): number {
  return Math.max(120, rows * 44 + 48);
}

/** Longest label, in characters, to size the axis of labels (within reason). */
function labelWidth(labels: string[]): number {
  const longest = labels.reduce((n, l) => Math.max(n, l.length), 0);
  return Math.min(260, Math.max(100, longest * 8.5));
}

export interface CountDatum {
  label: string;
  count: number;
}

/** Horizontal bars of counts, each labelled with its number. */
export function CountBarChart({ title, summary, data }: { title: string; summary: string; data: CountDatum[] }) {
  return (
    <ChartFrame title={title} summary={summary}>
      <BarChart
        responsive
        style={{ width: '100%', height: chartHeight(data.length) }}
        data={data}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 8, right: 48, bottom: 8, left: 8 }}
      >
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" allowDecimals={false} tick={{ fill: TEXT }} stroke={TEXT} />
        <YAxis type="category" dataKey="label" width={labelWidth(data.map((d) => d.label))} tick={{ fill: TEXT }} stroke={TEXT} />
        <Bar dataKey="count" fill={NHS_BLUE} isAnimationActive={false}>
          <LabelList dataKey="count" position="right" fill={TEXT} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

export interface Series {
  key: string;
  name: string;
  fill: SeriesFill;
}

/** Horizontal stacked bars (e.g. done and not done), with a legend in words. */
export function StackedBarChart({
  title,
  summary,
  data,
  series,
  formatValue,
}: {
  title: string;
  summary: string;
  data: Array<Record<string, string | number>>;
  series: Series[];
  formatValue?: (n: number) => string;
}) {
  const labels = data.map((d) => String(d.label ?? ''));
  const legend = (
    <ul className="convene-chart-legend" aria-hidden="true">
      {series.map((s) => (
        <li key={s.key} className="convene-chart-legend__item">
          <Swatch fill={s.fill} /> {s.name}
        </li>
      ))}
    </ul>
  );
  return (
    <ChartFrame title={title} summary={summary} legend={legend}>
      <BarChart
        responsive
        style={{ width: '100%', height: chartHeight(data.length) }}
        data={data}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
      >
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis
          type="number"
          allowDecimals={false}
          tick={{ fill: TEXT }}
          stroke={TEXT}
          tickFormatter={formatValue ? (v: number) => formatValue(v) : undefined}
        />
        <YAxis type="category" dataKey="label" width={labelWidth(labels)} tick={{ fill: TEXT }} stroke={TEXT} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} stackId="stack" fill={FILLS[s.fill].fill} stroke={FILLS[s.fill].stroke} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
