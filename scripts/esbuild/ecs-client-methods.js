// esbuild plugin: keeps, on @alicloud/ecs20140526's Client class (dist/client.js), only the
// methods of the given actions: `<action>` and `<action>WithOptions`, as the SDK wrote them. The
// class's other ~750 action methods make up half the bundle, and V8 parses all of them at every
// start. The constructor, getEndpoint and anything that is not an action method stay.
//
// client.js is tsc output with a fixed layout: inside `class Client extends openapi_core_1.default {`
// every member starts at four spaces, optionally after a `/** ... */` or `// ...` comment, and ends
// with a line `    }`. The plugin reads it member by member and fails the build on anything else.
const fs = require('fs');

const CLIENT = /[\\/]@alicloud[\\/]ecs20140526[\\/]dist[\\/]client\.js$/;
const CLASS_START = '\nclass Client extends openapi_core_1.default {\n';
const CLASS_END = '\n}\nexports.default = Client;';

class SdkLayoutError extends Error {
  constructor(message) {
    super(`@alicloud/ecs20140526 layout changed: ${message}. Re-check scripts/esbuild/ecs-client-methods.js against the installed SDK.`);
  }
}

const methodName = (action) => action[0].toLowerCase() + action.slice(1);

/** The class body's members, in order: { name, text }, where text includes the member's leading comment. */
function members(body) {
  const lines = body.split('\n');
  const out = [];
  let start = 0;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '' || line.startsWith('    //')) {
      i++;
    } else if (line === '    /**') {
      while (i < lines.length && lines[i] !== '     */') i++;
      i++;
    } else {
      const sig = /^ {4}(?:async )?(\w+)\(.*\) \{$/.exec(line);
      if (!sig) throw new SdkLayoutError(`unexpected line ${i + 1} in the Client class: ${JSON.stringify(line.trim().slice(0, 80))}`);
      while (i < lines.length && lines[i] !== '    }') i++;
      if (i === lines.length) throw new SdkLayoutError(`method ${sig[1]} of the Client class has no end`);
      i++;
      out.push({ name: sig[1], text: lines.slice(start, i).join('\n') });
      start = i;
    }
  }
  return out;
}

/** client.js with only the given actions' methods left on the Client class. */
function keepActionMethods(source, actions) {
  const open = source.indexOf(CLASS_START);
  const close = source.indexOf(CLASS_END);
  if (open < 0 || close < open || source.indexOf(CLASS_START, open + 1) >= 0)
    throw new SdkLayoutError('dist/client.js does not declare one `class Client extends openapi_core_1.default`');
  const all = members(source.slice(open + CLASS_START.length, close));
  const names = new Set(all.map((m) => m.name));
  const isAction = (name) =>
    names.has(`${name}WithOptions`) || (name.endsWith('WithOptions') && names.has(name.slice(0, -'WithOptions'.length)));
  const keep = new Set(actions.flatMap((a) => [methodName(a), `${methodName(a)}WithOptions`]));
  for (const name of keep) if (!names.has(name)) throw new SdkLayoutError(`the Client class has no method ${name}`);
  const kept = all.filter((m) => keep.has(m.name) || !isAction(m.name));
  // A kept method calling a dropped one would fail only when it runs.
  const keptNames = new Set(kept.map((m) => m.name));
  for (const m of kept) {
    for (const [, called] of m.text.matchAll(/\bthis\.(\w+)\(/g)) {
      if (names.has(called) && !keptNames.has(called))
        throw new SdkLayoutError(`the kept method ${m.name} calls ${called}, which is not kept`);
    }
  }
  const body = kept.map((m) => m.text).join('\n');
  return {
    source: source.slice(0, open + CLASS_START.length) + body + source.slice(close),
    kept: kept.length,
    dropped: all.length - kept.length,
  };
}

/**
 * @param {{ actions: string[] }} options the ECS actions (e.g. 'DescribeImages') whose methods to keep
 * @returns {import('esbuild').Plugin}
 */
function ecsClientMethods({ actions }) {
  return {
    name: 'ecs-client-methods',
    setup(build) {
      let trimmed = 0;
      build.onStart(() => {
        trimmed = 0;
      });
      build.onLoad({ filter: CLIENT }, (args) => {
        const { source } = keepActionMethods(fs.readFileSync(args.path, 'utf8'), actions);
        trimmed++;
        return { contents: source, loader: 'js' };
      });
      build.onEnd((result) => {
        if (result.errors.length > 0 || trimmed === 1) return undefined;
        return {
          errors: [
            { text: `ecs-client-methods: expected to load @alicloud/ecs20140526's dist/client.js once, loaded it ${trimmed} times` },
          ],
        };
      });
    },
  };
}

module.exports = { ecsClientMethods, keepActionMethods };
