import * as fs from 'fs';
import * as path from 'path';

// The CDK Terrain flavour (`cdktf-alicloud-managed-image/cdktn`) is written by the build
// (scripts/cdktn-flavor.js). It runs in CI against cdktn itself (.ci/ecosystem.sh); here, that
// it is the construct layer unchanged but for the framework seam.
const lib = path.join(__dirname, '..', '..', 'lib');
const construct = path.join(lib, 'construct');
const flavour = path.join(lib, 'construct-cdktn');

function compiled(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(prefix, e.name);
    if (e.isDirectory()) return compiled(path.join(dir, e.name), rel);
    return /\.(js|d\.ts)$/.test(e.name) ? [rel] : [];
  });
}

const built = fs.existsSync(path.join(flavour, 'cdk.js'));
const describeBuilt = built ? describe : describe.skip;
if (!built) process.stderr.write('\n*** lib/construct-cdktn is missing: run "npm run build" (npm test does) ***\n\n');

describeBuilt('the cdktn flavour of the construct layer', () => {
  test('has every compiled file of lib/construct, identical except the seam', () => {
    const files = compiled(construct).sort();
    expect(compiled(flavour).sort()).toEqual(files);
    const differing = files.filter(
      (f) => fs.readFileSync(path.join(construct, f), 'utf8') !== fs.readFileSync(path.join(flavour, f), 'utf8'),
    );
    expect(differing.sort()).toEqual(['cdk.d.ts', 'cdk.js']);
  });

  test('its seam imports cdktn and nothing else of the framework', () => {
    const js = fs.readFileSync(path.join(flavour, 'cdk.js'), 'utf8');
    expect(js).toContain('require("cdktn")');
    expect(js).not.toMatch(/require\(["']cdktf["']\)/);
    const dts = fs.readFileSync(path.join(flavour, 'cdk.d.ts'), 'utf8');
    expect(dts.match(/from 'cdktn'/g)).toHaveLength(2);
    expect(dts).not.toContain("'cdktf'");
  });

  test('the entry lib/cdktn exports the same names as the main entry, from the flavour', () => {
    expect(fs.readFileSync(path.join(lib, 'cdktn.js'), 'utf8')).toContain('require("./construct-cdktn")');
    expect(fs.readFileSync(path.join(lib, 'cdktn.d.ts'), 'utf8')).toContain("export * from './construct-cdktn';");
  });

  test('the package exports it as ./cdktn', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(lib, '..', 'package.json'), 'utf8'));
    expect(pkg.exports['./cdktn']).toEqual({ types: './lib/cdktn.d.ts', default: './lib/cdktn.js' });
  });
});
