import type { RootfsInventory } from '../../../vuln/index.js';

/** One line per package: name, version, ecosystem, source package (when different), where. */
export function inventoryTable(inventory: RootfsInventory): string {
  const os = inventory.os;
  const lines: string[] = [os === null ? 'OS: not detected' : `OS: ${os.name} ${os.version}${os.distroless === true ? ' (distroless)' : ''} [${os.family}]`];
  const rows = inventory.packages.map((p) => {
    const source = p.source !== undefined && (p.source.name !== p.name || p.source.version !== p.version) ? `${p.source.name} ${p.source.version}` : '';
    const where = p.locations.map((l) => `${l.path}${l.line !== undefined ? `:${l.line}` : ''}`).join(', ');
    return [p.name, p.version, p.ecosystem, source, where];
  });
  const header = ['NAME', 'VERSION', 'ECOSYSTEM', 'SOURCE', 'LOCATION'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (row: string[]): string => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  if (rows.length > 0) lines.push('', format(header), ...rows.map(format));
  lines.push('', `${inventory.packages.length} packages${inventory.errors.length > 0 ? `, ${inventory.errors.length} problems reported on stderr` : ''}.`);
  return `${lines.join('\n')}\n`;
}
