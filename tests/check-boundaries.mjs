// The module boundaries of ARCHITECTURE.md, checked (run by `npm test`). dependency-cruiser
// reads every import of src/ and entrypoints/ (type-only ones too: a type import still ties two
// folders together) and fails on a forbidden import or on a cycle between src/ folders.
import { cruise } from 'dependency-cruiser';

const FOLDERS =
  'background|build|crm|db|detection|export|i18n|lessons|messaging|prompt|settings|ui';

/** Each rule: who may not import what, and why. */
const forbidden = [
  {
    name: 'domain-imports-no-ui-db-or-browser',
    comment:
      'src/lessons is the domain (lesson schema, template, questions, reasons, outcomes): pure, ' +
      'so it imports only i18n (its words) and zod. No UI, no browser API, no db, no CRM code.',
    severity: 'error',
    from: { path: '^src/lessons/' },
    to: {
      path: `^(entrypoints/|src/(?!lessons/|i18n/|public/)|node_modules/(preact|dexie|wxt|@wxt-dev)/)`,
    },
  },
  {
    name: 'content-scripts-never-open-the-database',
    comment:
      'IndexedDB opened in a content script belongs to the CRM site, not to Rebound: the code ' +
      'that runs in CRM pages (crm, detection, the in-page prompt) only sends messages.',
    severity: 'error',
    from: { path: '^src/(crm|detection|prompt)/' },
    to: { path: '^(src/db/|node_modules/dexie/)' },
  },
  {
    name: 'adapters-are-data-not-decisions',
    comment:
      'An adapter (src/crm) reads pages and saves; it never shows UI nor decides when to prompt.',
    severity: 'error',
    from: { path: '^src/crm/' },
    to: { path: '^src/(ui|prompt|background|db)/|^node_modules/preact/' },
  },
  {
    name: 'src-never-imports-entrypoints',
    comment: 'Entry points wire src/ together; src/ never reaches back into them.',
    severity: 'error',
    from: { path: '^src/' },
    to: { path: '^entrypoints/' },
  },
  {
    name: 'build-tooling-stays-out-of-the-extension',
    comment:
      'src/build holds the Vite transforms wxt.config.ts applies to every bundle: build-time code, never bundled itself.',
    severity: 'error',
    from: { path: '^(src|entrypoints)/', pathNot: '^src/build/' },
    to: { path: '^src/build/' },
  },
  {
    name: 'no-unknown-src-folder',
    comment: `The folders of src/ are the ones ARCHITECTURE.md names (${FOLDERS}); a new one is added here on purpose.`,
    severity: 'error',
    from: { path: '^src/' },
    to: { path: '^src/', pathNot: `^src/(${FOLDERS}|public)/` },
  },
];

const result = await cruise(['src', 'entrypoints'], {
  validate: true,
  ruleSet: { forbidden },
  tsConfig: { fileName: 'tsconfig.json' },
  tsPreCompilationDeps: true,
  doNotFollow: { path: 'node_modules' },
  exclude: { path: '\\.test\\.tsx?$|\\.test-helper\\.ts$' },
});

/**
 * What the scripts that run in CRM pages carry, followed through every module they bundle (so
 * type-only imports, which leave nothing in a bundle, do not count here).
 */
const CRM_PAGE_SCRIPTS = '^entrypoints/[^/]+\\.content(/index)?\\.ts$|^entrypoints/panel\\.ts$';
const BUILT_IN_CONTENT =
  '^entrypoints/(hubspot|salesforce|pipedrive|dynamics|zoho)\\.content\\.ts$';
const bundled = await cruise(['src', 'entrypoints'], {
  validate: true,
  ruleSet: {
    forbidden: [
      {
        name: 'crm-pages-never-carry-the-database',
        comment:
          'Nothing a CRM page runs (content scripts, the panel script) may reach src/db or Dexie, ' +
          'however many modules away: IndexedDB opened there belongs to the CRM site.',
        severity: 'error',
        from: { path: CRM_PAGE_SCRIPTS },
        to: { path: '^src/db/|^node_modules/dexie/', reachable: true },
      },
      {
        name: 'built-in-content-scripts-carry-zod-mini-only',
        comment:
          'A CRM tab loads its content script with every page: it parses with zod/mini (a few kB), ' +
          'never classic zod (~50 kB gzip), issue #8. The panel script loads on demand and may.',
        severity: 'error',
        from: { path: BUILT_IN_CONTENT },
        to: {
          path: '^node_modules/zod/',
          pathNot: '^node_modules/zod/(v4/)?mini/',
          reachable: true,
        },
      },
    ],
  },
  tsConfig: { fileName: 'tsconfig.json' },
  tsPreCompilationDeps: false,
  doNotFollow: { path: 'node_modules' },
  exclude: { path: '\\.test\\.tsx?$|\\.test-helper\\.ts$' },
});

const through = (via) =>
  via?.length ? ` (through ${via.map((m) => m.name ?? m).join(' → ')})` : '';
const problems = [...result.output.summary.violations, ...bundled.output.summary.violations].map(
  (v) => `${v.rule.name}: ${v.from} → ${v.to}${through(v.via)}`,
);

// Cycles between src/ folders (a folder is its top level: src/crm/hubspot is part of src/crm).
const folderOf = (file) => /^src\/([^/]+)\//.exec(file)?.[1];
const edges = new Map();
for (const module of result.output.modules) {
  const from = folderOf(module.source);
  if (!from) continue;
  for (const dep of module.dependencies) {
    const to = folderOf(dep.resolved);
    if (!to || to === from || to === 'public') continue;
    const key = `${from}→${to}`;
    if (!edges.has(key)) edges.set(key, `${module.source} → ${dep.resolved}`);
  }
}
const next = new Map();
for (const key of edges.keys()) {
  const [from, to] = key.split('→');
  next.set(from, [...(next.get(from) ?? []), to]);
}
/** The shortest path of folder imports from `start` back to itself, if there is one. */
function cycleFrom(start) {
  const queue = [[start]];
  const seen = new Set();
  while (queue.length) {
    const trail = queue.shift();
    for (const to of next.get(trail.at(-1)) ?? []) {
      if (to === start) return [...trail, start];
      if (seen.has(to)) continue;
      seen.add(to);
      queue.push([...trail, to]);
    }
  }
  return undefined;
}
const reported = new Set();
for (const folder of next.keys()) {
  const cycle = cycleFrom(folder);
  if (!cycle) continue;
  const name = [...cycle.slice(0, -1)].sort().join(',');
  if (reported.has(name)) continue;
  reported.add(name);
  const links = cycle.slice(0, -1).map((f, i) => `    ${edges.get(`${f}→${cycle[i + 1]}`)}`);
  problems.push(`folder-cycle: ${cycle.join(' → ')}, through\n${links.join('\n')}`);
}

const modules = result.output.summary.totalCruised;
if (problems.length) {
  console.error(
    `Module boundaries broken (${problems.length}), ARCHITECTURE.md "Layout and boundaries":`,
  );
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`Module boundaries hold: ${modules} modules, no forbidden import, no folder cycle.`);
