// Shared by stub-modules.js, defer-modules.js and silence-modules.js, which each replace the modules of a table:
// { [module name]: { importers: [package-relative files allowed to require it], exports: [...] } }.
// A replaced module may be required only from the files its entry lists, since what the table
// says about its use is about those files only; an entry nothing required is stale.
const path = require('path');

/** The path of a file inside node_modules, from its package name on. */
function packagePath(file) {
  const parts = file.split(path.sep).join('/').split('/node_modules/');
  return parts[parts.length - 1];
}

/** An onResolve filter matching exactly the table's module names. */
function filterFor(table) {
  return new RegExp(
    `^(${Object.keys(table)
      .map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
      .join('|')})$`,
  );
}

/** undefined when args.importer may require args.path, else an onResolve result with the error. */
function checkedImporter(plugin, args, table, tableFile) {
  const from = packagePath(args.importer);
  if (table[args.path].importers.includes(from)) return undefined;
  return {
    errors: [
      {
        text: `${plugin}: "${args.path}" is now required by ${from}; check how it uses it, then list it in ${tableFile} (or stop replacing the module)`,
      },
    ],
  };
}

/** An onEnd result failing the build for table entries that nothing required, if any. */
function staleEntries(plugin, table, replaced, tableFile) {
  const stale = Object.keys(table).filter((n) => !replaced.has(n));
  if (stale.length === 0) return undefined;
  return { errors: [{ text: `${plugin}: nothing required ${stale.join(', ')}; the SDK changed, re-check ${tableFile}` }] };
}

/**
 * The esbuild plugin the three share: each module of the table, required from a file its entry
 * lists, is bundled as what source(name, exports) returns instead of its own code; a require of it
 * from elsewhere, or an entry nothing required, fails the build. A replacement that requires the
 * module itself (defer-modules' shim) gets the real module, resolved from where it was first required.
 * @param {{ plugin: string, tableFile: string, table: Record<string, { importers: string[], exports: string[] }>, source(name: string, exportNames: string[]): string }} options
 * @returns {import('esbuild').Plugin}
 */
function replaceModules({ plugin, tableFile, table, source }) {
  const namespace = plugin;
  return {
    name: plugin,
    setup(build) {
      const replaced = new Set();
      build.onStart(() => replaced.clear());
      build.onResolve({ filter: filterFor(table) }, (args) => {
        if (args.namespace === namespace) return undefined;
        const refused = checkedImporter(plugin, args, table, tableFile);
        if (refused) return refused;
        replaced.add(args.path);
        return { path: args.path, namespace, pluginData: { resolveDir: args.resolveDir } };
      });
      build.onLoad({ filter: /.*/, namespace }, (args) => ({
        contents: source(args.path, table[args.path].exports),
        loader: 'js',
        resolveDir: args.pluginData.resolveDir,
      }));
      build.onEnd((result) => (result.errors.length > 0 ? undefined : staleEntries(plugin, table, replaced, tableFile)));
    },
  };
}

module.exports = { checkedImporter, filterFor, packagePath, replaceModules, staleEntries };
