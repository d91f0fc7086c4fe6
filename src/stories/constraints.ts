/**
 * Hand-made story decisions as clustering constraints, so they survive re-clustering.
 *
 * A *group* is a set of articles a person confirmed belong to one story (must-link between all members); two
 * groups marked *apart* must never share a story (cannot-link). Merging two stories puts all their articles in one
 * group; splitting a story puts the split-off articles in one group and the rest in another and marks the two apart.
 * Groups are whole: an article belongs to at most one group, and merging absorbs entire groups, so a group's members
 * always sit in one story. Group numbers are internal; the serialised form lists groups in creation order.
 */

/** Serialisable constraints: `apart` holds pairs of indexes into `groups`. */
export interface StoryConstraints {
  readonly groups: readonly (readonly string[])[];
  readonly apart: readonly (readonly [number, number])[];
}

export class ConstraintSet {
  private readonly groupByArticle = new Map<string, number>();
  private readonly membersByGroup = new Map<number, string[]>();
  private readonly apartByGroup = new Map<number, Set<number>>();
  private nextGroup = 0;

  static from(constraints: StoryConstraints | undefined): ConstraintSet {
    const set = new ConstraintSet();
    if (constraints === undefined) return set;
    const ids: number[] = [];
    for (const [index, group] of constraints.groups.entries()) {
      const fresh = new Set(group.filter((id) => !set.groupByArticle.has(id)));
      if (fresh.size !== group.length) {
        throw new Error(`stories: constraint group ${index} repeats an article or shares one with an earlier group`);
      }
      ids.push(set.newGroup([...fresh]));
    }
    for (const pair of constraints.apart) {
      const [a, b] = pair;
      const ga = ids[a];
      const gb = ids[b];
      if (ga === undefined || gb === undefined || ga === gb) {
        throw new Error(`stories: apart pair [${a}, ${b}] must name two different groups of the ${ids.length} given`);
      }
      set.link(ga, gb);
    }
    return set;
  }

  toJSON(): StoryConstraints {
    const order = [...this.membersByGroup.keys()];
    const index = new Map(order.map((g, i) => [g, i]));
    const apart: [number, number][] = [];
    for (const [g, others] of this.apartByGroup) {
      for (const h of others) {
        const a = index.get(g);
        const b = index.get(h);
        if (a !== undefined && b !== undefined && a < b) apart.push([a, b]);
      }
    }
    apart.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    return { groups: order.map((g) => [...(this.membersByGroup.get(g) ?? [])]), apart };
  }

  get isEmpty(): boolean {
    return this.membersByGroup.size === 0;
  }

  groupOf(articleId: string): number | undefined {
    return this.groupByArticle.get(articleId);
  }

  members(group: number): readonly string[] {
    return this.membersByGroup.get(group) ?? [];
  }

  areApart(a: number, b: number): boolean {
    return this.apartByGroup.get(a)?.has(b) ?? false;
  }

  /** True when no group of `a` is apart from a group of `b`. */
  compatible(a: Iterable<number>, b: ReadonlySet<number>): boolean {
    if (b.size === 0) return true;
    for (const g of a) {
      const apart = this.apartByGroup.get(g);
      if (apart === undefined) continue;
      for (const h of b) if (apart.has(h)) return false;
    }
    return true;
  }

  /** Must-link: the articles, and every article already grouped with any of them, become one group. */
  together(articleIds: readonly string[]): number {
    const absorbed = new Set<number>();
    const members: string[] = [];
    const seen = new Set<string>();
    const take = (id: string): void => {
      if (!seen.has(id)) {
        seen.add(id);
        members.push(id);
      }
    };
    for (const id of articleIds) {
      const g = this.groupByArticle.get(id);
      if (g === undefined) take(id);
      else if (!absorbed.has(g)) {
        absorbed.add(g);
        for (const m of this.membersByGroup.get(g) ?? []) take(m);
      }
    }
    const inherited = this.dropGroups(absorbed);
    const group = this.newGroup(members);
    for (const h of inherited) if (!absorbed.has(h)) this.link(group, h);
    return group;
  }

  /**
   * Split: `articleIds` become one group and `rest` another, marked apart. Both inherit the apart links of every
   * group they came from; members of those groups named in neither list (not clustered yet) stay with `rest`.
   */
  separate(articleIds: readonly string[], rest: readonly string[]): [number, number] {
    const split = new Set(articleIds);
    const touched = new Set<number>();
    for (const id of [...articleIds, ...rest]) {
      const g = this.groupByArticle.get(id);
      if (g !== undefined) touched.add(g);
    }
    const remaining = [...rest];
    const listed = new Set(rest);
    for (const g of touched) {
      for (const m of this.membersByGroup.get(g) ?? []) if (!split.has(m) && !listed.has(m)) remaining.push(m);
    }
    const inherited = this.dropGroups(touched);
    const left = this.newGroup([...split]);
    const right = this.newGroup(remaining.filter((id) => !split.has(id)));
    for (const h of inherited) {
      if (touched.has(h)) continue;
      this.link(left, h);
      this.link(right, h);
    }
    this.link(left, right);
    return [left, right];
  }

  private newGroup(members: string[]): number {
    const group = this.nextGroup++;
    this.membersByGroup.set(group, members);
    for (const id of members) this.groupByArticle.set(id, group);
    return group;
  }

  private link(a: number, b: number): void {
    let set = this.apartByGroup.get(a);
    if (set === undefined) this.apartByGroup.set(a, (set = new Set()));
    set.add(b);
    let back = this.apartByGroup.get(b);
    if (back === undefined) this.apartByGroup.set(b, (back = new Set()));
    back.add(a);
  }

  /** Remove groups, returning the union of their apart links. */
  private dropGroups(groups: ReadonlySet<number>): Set<number> {
    const inherited = new Set<number>();
    for (const g of groups) {
      for (const m of this.membersByGroup.get(g) ?? []) this.groupByArticle.delete(m);
      this.membersByGroup.delete(g);
      for (const h of this.apartByGroup.get(g) ?? []) {
        inherited.add(h);
        this.apartByGroup.get(h)?.delete(g);
      }
      this.apartByGroup.delete(g);
    }
    return inherited;
  }
}
