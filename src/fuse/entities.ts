/**
 * Who's who across reports: the per-article entities of every report merged into story entities.
 *
 *   - people by full name ("Henrik Solberg" = "Adm. Henrik Solberg"); a surname alone ("Solberg") joins the one
 *     person of the story with that surname, and stays apart when two people share it;
 *   - organisations and places by name, alias or acronym ("Joint Forces Command" = "JFC");
 *   - a person no report names but one describes by role ("the chair of the alliance's military committee") joins
 *     the named person another report gives that same role, when exactly one person has it.
 */
import type { Entity, EntityType } from '../analyze/entities/types.js';
import type { FusionContext } from './context.js';
import type { Citation, DossierEntity, DossierMention, DossierRole } from './types.js';
import { fold, nameWords, roleKey } from './text.js';

export interface EntityIndex {
  readonly entities: readonly DossierEntity[];
  /** Story entity id for an article's entity id. */
  lookup(articleId: string, entityId: string | undefined): DossierEntity | undefined;
  byId(id: string): DossierEntity | undefined;
}

interface Item {
  readonly articleId: string;
  readonly entity: Entity;
  readonly person: boolean;
  readonly named: boolean;
  readonly words: readonly string[];
  readonly roleKeys: ReadonlySet<string>;
}

const NAME_KINDS = new Set(['name', 'title-name', 'surname', 'acronym']);

export function mergeEntities(ctx: FusionContext): EntityIndex {
  const items: Item[] = [];
  for (const r of ctx.reports) {
    for (const entity of r.analysis.entities) {
      const person = entity.type === 'person';
      const named = entity.mentions.some((m) => NAME_KINDS.has(m.kind) || (!person && m.kind === 'demonym'));
      items.push({
        articleId: r.article.id,
        entity,
        person,
        named,
        words: nameWords(entity.name),
        roleKeys: new Set(entity.roles.map((x) => roleKey(x.role)).filter((k) => k !== '')),
      });
    }
  }
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let x = i;
    while (parent[x] !== x) x = parent[x] ?? x;
    return x;
  };
  // The lower index stays root so group order follows first appearance.
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const joinedBy = new Map<number, 'name' | 'role'>();

  // Organisations and places: any shared name, alias or acronym.
  const byKey = new Map<string, number>();
  items.forEach((it, i) => {
    if (it.person || !it.named || it.entity.plural) return;
    for (const key of [it.entity.name, ...it.entity.aliases].map((n) => fold(n).trim()).filter((k) => k.length > 1)) {
      const seen = byKey.get(key);
      if (seen === undefined) byKey.set(key, i);
      else union(seen, i);
    }
  });

  // People: full names first, then surnames with exactly one full-named bearer.
  const byFullName = new Map<string, number>();
  items.forEach((it, i) => {
    if (!it.person || !it.named || it.words.length < 2) return;
    const key = it.words.join(' ');
    const seen = byFullName.get(key);
    if (seen === undefined) byFullName.set(key, i);
    else union(seen, i);
  });
  const bySurname = new Map<string, Set<number>>();
  for (const i of byFullName.values()) {
    const surname = items[i]?.words.at(-1);
    if (surname === undefined) continue;
    const roots = bySurname.get(surname) ?? new Set<number>();
    roots.add(find(i));
    bySurname.set(surname, roots);
  }
  items.forEach((it, i) => {
    if (!it.person || !it.named || it.words.length !== 1) return;
    const roots = bySurname.get(it.words[0] ?? '');
    if (roots && roots.size === 1) union([...roots][0] ?? i, i);
  });

  // Role-only people: join the one named person whose stated roles include the same role.
  const namedRoleOwners = new Map<string, Set<number>>();
  items.forEach((it, i) => {
    if (!it.person || !it.named) return;
    for (const key of it.roleKeys) {
      const owners = namedRoleOwners.get(key) ?? new Set<number>();
      owners.add(i);
      namedRoleOwners.set(key, owners);
    }
  });
  items.forEach((it, i) => {
    if (it.named || it.entity.plural || (it.entity.type !== 'person' && it.entity.type !== 'misc')) return;
    const keys = new Set([...it.roleKeys, roleKey(it.entity.name)]);
    const roots = new Set<number>();
    for (const key of keys) for (const owner of namedRoleOwners.get(key) ?? []) roots.add(find(owner));
    if (roots.size === 1) {
      union([...roots][0] ?? i, i);
      joinedBy.set(i, 'role');
    }
  });

  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const root = find(i);
    const list = groups.get(root) ?? [];
    list.push(i);
    groups.set(root, list);
  });

  const lookup = new Map<string, DossierEntity>();
  const entities: DossierEntity[] = [];
  for (const members of groups.values()) {
    const group = members.map((i) => items[i]).filter((x): x is Item => x !== undefined);
    const dossierEntity = buildEntity(ctx, `n${entities.length + 1}`, group, members.map((i) => joinedBy.get(i) ?? 'name'));
    entities.push(dossierEntity);
    for (const it of group) lookup.set(`${it.articleId}\u0000${it.entity.id}`, dossierEntity);
  }
  const byId = new Map(entities.map((e) => [e.id, e]));
  return {
    entities,
    lookup: (articleId, entityId) => (entityId === undefined ? undefined : lookup.get(`${articleId}\u0000${entityId}`)),
    byId: (id) => byId.get(id),
  };
}

function buildEntity(ctx: FusionContext, id: string, group: readonly Item[], joined: readonly ('name' | 'role')[]): DossierEntity {
  const named = group.filter((it) => it.named);
  const pool = named.length > 0 ? named : group;
  // The fullest name: most words, then the commonest, then first seen.
  const counts = new Map<string, number>();
  for (const it of pool) counts.set(it.entity.name, (counts.get(it.entity.name) ?? 0) + 1);
  const name = [...pool]
    .sort((a, b) => b.words.length - a.words.length || (counts.get(b.entity.name) ?? 0) - (counts.get(a.entity.name) ?? 0))[0]?.entity.name ?? '';
  // An outlet named in the text ("(Globe Wire)", "told the Ledger") is a news organisation, whatever the tagger said.
  const isOutlet = ctx.articles.some((a) => a.outlet !== undefined && fold(a.outlet).replace(/^the\s+/, '').trim() === fold(name).replace(/^the\s+/, '').trim());
  const type = isOutlet ? 'organisation' : majorityType(pool);

  const aliasByFold = new Map<string, string>();
  for (const it of named) {
    for (const alias of [it.entity.name, ...it.entity.aliases]) {
      const key = fold(alias).trim();
      if (key !== fold(name).trim() && !aliasByFold.has(key)) aliasByFold.set(key, alias);
    }
  }

  const roles = new Map<string, { role: string; title?: string; sources: Citation[] }>();
  for (const it of group) {
    for (const role of it.entity.roles) {
      const key = roleKey(role.role) || fold(role.role);
      const entry = roles.get(key) ?? { role: role.role, ...(role.title ? { title: role.title } : {}), sources: [] };
      if (role.end > role.start) entry.sources.push(ctx.cite(it.articleId, role));
      roles.set(key, entry);
    }
  }
  const dossierRoles: DossierRole[] = [...roles.values()].map((r) => ({
    role: r.role,
    ...(r.title ? { title: r.title } : {}),
    sources: r.sources,
    support: ctx.support(r.sources.map((s) => s.articleId)),
  }));

  const mentions: DossierMention[] = [];
  for (const it of group) {
    for (const m of it.entity.mentions) {
      mentions.push({ articleId: it.articleId, ...ctx.spanRef(it.articleId, m), kind: m.kind });
    }
  }
  const nationality = group.map((it) => it.entity.nationality?.value).find((v) => v !== undefined);
  const affiliation = group.map((it) => it.entity.affiliation?.value).find((v) => v !== undefined);
  return {
    id,
    name,
    type,
    aliases: [...aliasByFold.values()],
    roles: dossierRoles,
    ...(nationality !== undefined ? { nationality } : {}),
    ...(affiliation !== undefined ? { affiliation } : {}),
    mentions,
    members: group.map((it, i) => ({ articleId: it.articleId, entityId: it.entity.id, joinedBy: joined[i] ?? 'name' })),
    unnamed: named.length === 0,
    plural: group.every((it) => it.entity.plural === true),
    support: ctx.support(group.map((it) => it.articleId)),
  };
}

function majorityType(items: readonly Item[]): EntityType {
  const counts = new Map<EntityType, number>();
  for (const it of items) counts.set(it.entity.type, (counts.get(it.entity.type) ?? 0) + 1);
  let best: EntityType = items[0]?.entity.type ?? 'misc';
  for (const [type, n] of counts) if (n > (counts.get(best) ?? 0)) best = type;
  return best;
}
