/*
 * Runs one command and measures it: wall time, CPU (user+sys) and peak RSS of the process and of
 * every descendant it waited for (an engine, its provider plugins, the `node` processes of its
 * provisioners and data sources). Node cannot read a child's rusage, so the run goes through
 * python3's os.wait4, as bench/cli-start.bench.js does; python's own start-up is outside the clock.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

// fork+exec, stdin from /dev/null, stdout and stderr to files; wall time from fork to reap; then
// the rusage of that pid (it includes its reaped descendants; ru_maxrss is in KiB on Linux).
const PY_HELPER = `
import json, os, sys, time
argv, env, cwd, out, err = json.loads(sys.argv[1])
started = time.monotonic()
pid = os.fork()
if pid == 0:
    try:
        os.chdir(cwd)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        for fd, name in ((1, out), (2, err)):
            os.dup2(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
        os.execve(argv[0], argv, env)
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
wall = time.monotonic() - started
print(json.dumps({"code": os.waitstatus_to_exitcode(status), "wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rssKiB": ru.ru_maxrss}))
`;

/**
 * Runs argv (argv[0] an absolute path) in cwd with exactly env, synchronously; returns
 * { code, wallS, cpuS, rssMB, stdout, stderr }. Throws only if the helper itself fails.
 */
function runMeasured(argv, { cwd, env }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-rusage-'));
  const out = path.join(dir, 'stdout');
  const err = path.join(dir, 'stderr');
  try {
    const res = spawnSync('python3', ['-c', PY_HELPER, JSON.stringify([argv, env, cwd, out, err])], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`rusage helper (python3 os.wait4) failed: ${res.stderr || res.error}`);
    const r = JSON.parse(res.stdout);
    const read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
    return { code: r.code, wallS: r.wall, cpuS: r.cpu, rssMB: r.rssKiB / 1024, stdout: read(out), stderr: read(err) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { runMeasured };
