import type { Schemas } from '../../api/client'

// A lifecycle definition as a drawable graph: one node per state, one arrow per (from, to) pair carrying every
// event that makes that move, "$return" drawn back to the states the paused state can be entered from, and
// transitions that keep the state (to: null) listed apart so they do not clutter the picture.
export type StateNode = { id: string; initial: boolean; final: boolean; timers: string[] }
export type Arrow = { from: string; to: string; events: string[]; back: boolean }
export type Graph = { nodes: StateNode[]; arrows: Arrow[]; stay: Schemas['TransitionSpec'][] }

export const Return = '$return'

export function toGraph(d: Schemas['LifecycleDefinition']): Graph {
  const nodes = Object.entries(d.states).map(([id, s]) => ({
    id, initial: id === d.initial, final: s.final ?? false, timers: (s.timers ?? []).map(x => x.name),
  }))
  const arrows = new Map<string, Arrow>()
  const add = (from: string, to: string, event: string, back: boolean) => {
    const key = `${from}\u0000${to}`
    const a = arrows.get(key) ?? arrows.set(key, { from, to, events: [], back }).get(key)!
    if (!a.events.includes(event)) a.events.push(event)
  }
  const stay: Schemas['TransitionSpec'][] = []
  for (const t of d.transitions) {
    if (t.to == null) { stay.push(t); continue }
    for (const from of t.from) {
      if (t.to !== Return) { add(from, t.to, t.event, false); continue }
      // Back to wherever the ticket was before: every state with a move into this one.
      const before = new Set(d.transitions.filter(x => x.to === from).flatMap(x => x.from))
      for (const p of before) add(from, p, t.event, true)
    }
  }
  return { nodes, arrows: [...arrows.values()], stay }
}
