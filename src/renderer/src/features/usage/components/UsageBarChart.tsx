import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what a bar chart needs, so the bundle carries a fraction of chart.js.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface BarSeries {
  label: string;
  values: number[];
  color: string;
}

/** A stacked bar chart on a canvas (chart.js), redrawn when its data changes. */
export function UsageBarChart(props: {
  labels: string[];
  series: BarSeries[];
  ariaLabel: string;
  format: (value: number) => string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { labels, series, ariaLabel, format } = props;
  useEffect(() => {
    if (!canvas.current) return;
    const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    const ink = dark ? '#a1a1aa' : '#52525b';
    const grid = dark ? '#27272a' : '#e4e4e7';
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s) => ({
          label: s.label,
          data: s.values,
          backgroundColor: s.color,
          borderRadius: 3,
          maxBarThickness: 36,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { position: 'bottom', labels: { color: ink, boxWidth: 10, font: { size: 11 } } },
          tooltip: {
            callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${format(c.parsed.y ?? 0)}` },
          },
        },
        scales: {
          x: { stacked: true, ticks: { color: ink, font: { size: 10 } }, grid: { display: false } },
          y: {
            stacked: true,
            beginAtZero: true,
            ticks: { color: ink, font: { size: 10 }, callback: (v) => format(Number(v)) },
            grid: { color: grid },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [labels, series, format]);
  return (
    <div className="relative h-48 w-full">
      <canvas ref={canvas} role="img" aria-label={ariaLabel} />
    </div>
  );
}
