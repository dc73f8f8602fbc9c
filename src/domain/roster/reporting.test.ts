import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findReportingCycles } from './reporting';

const graph = (edges: Record<string, string | null>) => new Map(Object.entries(edges));

describe('findReportingCycles', () => {
  it('finds no cycle in a tree', () => {
    expect(findReportingCycles(graph({ a: null, b: 'a', c: 'a', d: 'b' }))).toEqual([]);
  });

  it('finds a cycle of three and leaves out the row that only leads into it', () => {
    expect(findReportingCycles(graph({ x: 'a', a: 'b', b: 'c', c: 'a' }))).toEqual([['a', 'b', 'c']]);
  });

  it('finds two cycles of two and ignores a self-reference and unknown ids', () => {
    const cycles = findReportingCycles(graph({ a: 'b', b: 'a', c: 'd', d: 'c', e: 'e', f: 'nobody' }));
    expect(cycles).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('finds exactly the nodes on cycles (property, against a brute-force check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) =>
          fc.array(fc.option(fc.integer({ min: 0, max: n + 2 }), { nil: null }), {
            minLength: n,
            maxLength: n,
          }),
        ),
        (targets) => {
          const ids = targets.map((_, i) => `p${i}`);
          const edges = new Map(targets.map((t, i) => [ids[i]!, t === null ? null : `p${t}`]));
          // Brute force: a node is on a cycle (of length ≥ 2) when walking from it returns to it.
          const expected = ids.filter((id) => {
            let node = edges.get(id);
            for (let step = 0; step < ids.length && node != null && edges.has(node); step++) {
              if (node === id) return edges.get(id) !== id;
              node = edges.get(node);
            }
            return false;
          });
          const cycles = findReportingCycles(edges);
          expect(cycles.flat().sort()).toEqual([...expected].sort());
          for (const cycle of cycles) {
            cycle.forEach((id, i) => expect(edges.get(id)).toBe(cycle[(i + 1) % cycle.length]));
          }
        },
      ),
    );
  });
});
