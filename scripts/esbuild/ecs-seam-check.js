// esbuild plugin: a project file that imports @alicloud/ecs20140526 may name only models of the
// actions the bundle keeps (see ecs-models-barrel.js and ecs-client-methods.js). TypeScript checks
// such a file against the full SDK, so without this an action added there but not to the bundle's
// list would compile, pass the tests that load the SDK from node_modules, and fail only when the
// bundle runs it. Every call of an action needs its `<Action>Request`, so checking model names
// covers the actions too: each must be `<kept action>Request...`, `...ShrinkRequest...` or `...Response...`.
const fs = require('fs');
const path = require('path');

const SDK = '@alicloud/ecs20140526';

/**
 * The SDK names a source file uses: `ns.Name` for each `import * as ns`, and named imports.
 * `understood` is false when the file mentions the SDK in any other way (a require, a re-export).
 */
function sdkNames(source) {
  const from = `from\\s+['"]${SDK}['"]`;
  const statement = (clause) => new RegExp(`import\\s+(?:type\\s+)?${clause}\\s*${from}`, 'g');
  const names = [];
  let statements = 0;
  for (const [, ns] of source.matchAll(statement('(?:\\w+\\s*,\\s*)?\\*\\s+as\\s+([\\w$]+)'))) {
    statements++;
    for (const [, name] of source.matchAll(new RegExp(`(?<![\\w$])${ns.replace(/\$/g, '\\$')}\\.(\\w+)`, 'g'))) names.push(name);
  }
  for (const [, list] of source.matchAll(statement('(?:\\w+\\s*,\\s*)?\\{([^}]*)\\}'))) {
    statements++;
    for (const item of list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean))
      names.push(item.replace(/^type\s+/, '').split(/\s+as\s+/)[0]);
  }
  statements += [...source.matchAll(statement('\\w+'))].length;
  const mentions = source.split(`'${SDK}'`).length + source.split(`"${SDK}"`).length - 2;
  return { names, understood: statements === mentions };
}

/**
 * @param {{ actions: string[] }} options the ECS actions the bundle keeps
 * @returns {import('esbuild').Plugin}
 */
function ecsSeamCheck({ actions }) {
  const kept = (name) => actions.some((a) => new RegExp(`^${a}(Shrink)?(Request|Response)`).test(name));
  return {
    name: 'ecs-seam-check',
    setup(build) {
      const importers = new Set();
      build.onStart(() => importers.clear());
      build.onResolve({ filter: new RegExp(`^${SDK}$`) }, (args) => {
        if (!args.importer.split(path.sep).includes('node_modules')) importers.add(args.importer);
        return undefined;
      });
      build.onEnd((result) => {
        if (result.errors.length > 0) return undefined;
        const errors = [];
        for (const file of importers) {
          const { names, understood } = sdkNames(fs.readFileSync(file, 'utf8'));
          const where = path.relative(process.cwd(), file);
          if (!understood)
            errors.push({
              text: `ecs-seam-check: ${where} imports ${SDK} in a form this check does not read; use \`import Ecs, * as $Ecs from '${SDK}'\``,
            });
          for (const name of new Set(names.filter((n) => !kept(n)))) {
            errors.push({
              text: `ecs-seam-check: ${where} uses ${SDK}'s ${name}, which is not among the bundle's actions; add its action to ECS_ACTIONS in scripts/bundle.js`,
            });
          }
        }
        return { errors };
      });
    },
  };
}

module.exports = { ecsSeamCheck, sdkNames };
