// The first statements of dist/managed-image.js (scripts/bundle.js puts the bundled program in
// PROGRAM, a string, its hash in PROGRAM_KEY, and puts the cache variable's name where the placeholder is). Node compiles a script from scratch at
// every start, and for this bundle that is about a third of a cold start: so the program is
// compiled with V8's code cache, kept per user (default ~/.cache/cdktf-alicloud-managed-image, or
// the directory in MANAGED_IMAGE_CACHE_DIR; "off" turns it off). A missing, stale or foreign cache costs only the
// compile it would have saved; the cache is used only from a directory the user owns that nobody
// else can write to, and written atomically once the first run that lacked it is done.
/* global PROGRAM, PROGRAM_KEY, __filename */
(function launch() {
  const fs = require('fs');
  const path = require('path');
  const vm = require('vm');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${PROGRAM}\n})`;

  function cacheDir() {
    const env = process.env;
    const chosen = env['__CACHE_DIR_VARIABLE__'];
    if (chosen === 'off') return undefined;
    const base = env.XDG_CACHE_HOME || (env.HOME ? path.join(env.HOME, '.cache') : undefined);
    const dir = chosen || (base && path.join(base, 'cdktf-alicloud-managed-image'));
    if (!dir || typeof process.getuid !== 'function') return undefined;
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const stat = fs.lstatSync(dir);
      const ownedAlone = stat.isDirectory() && stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
      return ownedAlone ? dir : undefined;
    } catch {
      return undefined;
    }
  }

  const dir = cacheDir();
  // PROGRAM_KEY is the program's hash, computed at build: hashing 0.4 MB at every start would cost
  // a good part of what the cache saves. V8 itself refuses a cache of another V8 or other flags.
  const file = dir && path.join(dir, `managed-image-${PROGRAM_KEY}-${process.version}-${process.arch}.v8cache`);
  let cachedData;
  try {
    if (file) cachedData = fs.readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(wrapped, { filename: __filename, cachedData });
  if (file && (cachedData === undefined || script.cachedDataRejected)) {
    // After the run, so the cache holds the functions this run compiled, not only the top level.
    process.once('beforeExit', () => {
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, file);
      } catch {
        fs.rmSync(tmp, { force: true });
      }
    });
  }
  script.runInThisContext()(exports, require, module, __filename, __dirname);
})();
