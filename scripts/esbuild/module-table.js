// Shared by stub-modules.js and defer-modules.js, which each replace the modules of a table:
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

module.exports = { checkedImporter, filterFor, packagePath, staleEntries };
