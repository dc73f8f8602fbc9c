/**
 * Reporting lines form a functional graph: each person points to at most one leader. Its cycles are
 * found in one pass, O(N), by walking each unvisited node until the walk meets a node it has seen.
 */

/**
 * The cycles in a reports-to map (id → the id of their leader, or null). A self-reference is not
 * counted as a cycle (it is reported on its own); references to ids not in the map end a walk.
 * Each cycle is listed once, starting from the node first met in the map's order, in walking order.
 */
export function findReportingCycles(reportsTo: ReadonlyMap<string, string | null>): string[][] {
  const state = new Map<string, 'walking' | 'done'>();
  const cycles: string[][] = [];
  for (const start of reportsTo.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let node: string | null | undefined = start;
    while (node != null && reportsTo.has(node) && !state.has(node)) {
      state.set(node, 'walking');
      path.push(node);
      node = reportsTo.get(node);
    }
    if (node != null && state.get(node) === 'walking') {
      const cycle = path.slice(path.indexOf(node));
      if (cycle.length > 1) cycles.push(cycle);
    }
    for (const visited of path) state.set(visited, 'done');
  }
  return cycles;
}
