/** Placeholder page until the full report lands: the summary as a table. */
import type { ConformanceReport } from './collect.js';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderHtml(r: ConformanceReport): string {
  const rows = r.entries.map((e) => `<tr><td>${esc(e.id)}</td><td>${esc(e.outcome)}</td><td>${esc(e.reason ?? '')}</td></tr>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>faultline conformance</title></head><body><h1>faultline conformance: ${esc(r.environment)}</h1><pre>${esc(JSON.stringify(r.summary))}</pre><table>${rows}</table></body></html>\n`;
}
