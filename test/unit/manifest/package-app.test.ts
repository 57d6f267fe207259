import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import {
  buildAppPackage,
  bundledTeamsSchemaVersions,
  PackagingError,
  readPackagingEnv,
  ROOT,
  validateManifest,
  type Manifest,
} from '../../../scripts/package-app';

// @microsoft/app-manifest requires strip-bom, an ES module that jest's CommonJS registry cannot load
// (Node 20 itself can, so the CLI does not need this). Only its manifest-file reader uses it.
jest.mock('strip-bom', () => (text: string) => text.replace(/^\uFEFF/, ''));

const APP_ID = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
const DOMAIN = 'elevate.contoso.com';
const VALID_ENV = { MicrosoftAppId: APP_ID, BOT_DOMAIN: DOMAIN };

function packagingError(run: () => unknown): PackagingError {
  try {
    run();
  } catch (error) {
    if (error instanceof PackagingError) return error;
    throw error;
  }
  throw new Error('expected a PackagingError');
}

describe('buildAppPackage with a valid environment', () => {
  let files: Record<string, Buffer>;
  let manifest: Manifest;

  beforeAll(async () => {
    const result = await buildAppPackage({ env: VALID_ENV });
    const zip = await JSZip.loadAsync(result.zip);
    files = {};
    for (const name of Object.keys(zip.files)) files[name] = await zip.files[name].async('nodebuffer');
    manifest = JSON.parse(files['manifest.json'].toString('utf8')) as Manifest;
  });

  it('zips exactly the manifest and both icons at the root', () => {
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(files['color.png'].equals(fs.readFileSync(path.join(ROOT, 'manifest', 'color.png')))).toBe(true);
    expect(files['outline.png'].equals(fs.readFileSync(path.join(ROOT, 'manifest', 'outline.png')))).toBe(
      true,
    );
  });

  it('writes a manifest that validates against its bundled schema', async () => {
    expect(manifest.$schema).toMatch(/^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.\d+\//);
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('uses the newest schema version the validator bundles', () => {
    const newest = bundledTeamsSchemaVersions().at(-1);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/${newest}/MicrosoftTeams.schema.json`,
    );
    expect(`v${String(manifest.manifestVersion)}`).toBe(newest);
  });

  it('reports schema errors and schemas that cannot be checked offline', async () => {
    const broken = { ...manifest, accentColor: 'blue', name: { full: 'Elevate' } } as Manifest;
    const problems = await validateManifest(broken);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringContaining('/accentColor'), expect.stringContaining("'short'")]),
    );
    const unknown = { ...manifest, $schema: 'https://example.com/teams.schema.json' } as Manifest;
    expect(await validateManifest(unknown)).toEqual([
      expect.stringContaining('could not be validated offline'),
    ]);
  });

  it('fills the app id, bot id, SSO resource and domains from the environment', () => {
    const text = files['manifest.json'].toString('utf8');
    expect(text).not.toContain('${{');
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://botid-${APP_ID}` });
    expect(manifest.validDomains).toEqual([DOMAIN, 'token.botframework.com']);
    expect(manifest.version).toBe(
      JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
    );
    expect((manifest.developer as { websiteUrl: string }).websiteUrl).toBe(`https://${DOMAIN}/`);
  });

  it('declares a conversational bot in personal, team and group chat scopes', () => {
    const bot = manifest.bots[0];
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
    expect(bot.commandLists?.map((list) => list.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
  });

  it('explains the product in its descriptions', () => {
    const description = manifest.description as { short: string; full: string };
    expect(description.short.length).toBeLessThanOrEqual(80);
    expect(description.short).toMatch(/PIM/);
    for (const topic of [
      /just in time/i,
      /approv/i,
      /remind/i,
      /on-call/i,
      /MFA/,
      /audit/i,
      /through PIM/i,
    ]) {
      expect(description.full).toMatch(topic);
    }
  });

  it('normalises case so the same app id always gives the same manifest', async () => {
    const upper = await buildAppPackage({
      env: { MicrosoftAppId: APP_ID.toUpperCase(), BOT_DOMAIN: 'Elevate.Contoso.COM' },
    });
    expect(upper.manifest.id).toBe(APP_ID);
    expect(upper.manifest.validDomains[0]).toBe(DOMAIN);
  });
});

describe('readPackagingEnv', () => {
  it('lists every bad variable with what is wrong and an example', () => {
    const error = packagingError(() => readPackagingEnv({}));
    expect(error.exitCode).toBe(2);
    expect(error.problems).toEqual([
      expect.stringMatching(/^MicrosoftAppId is not set\. Example: MicrosoftAppId=[0-9a-f-]{36}$/),
      expect.stringMatching(/^BOT_DOMAIN is not set\. Example: BOT_DOMAIN=elevate\.contoso\.com$/),
    ]);
  });

  it('rejects an app id that is not a GUID and shows the value it got', () => {
    const error = packagingError(() =>
      readPackagingEnv({ MicrosoftAppId: 'elevate-bot', BOT_DOMAIN: DOMAIN }),
    );
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^MicrosoftAppId must be .*GUID.*\(got "elevate-bot"\)/);
  });

  it.each([
    ['https://elevate.contoso.com', /without a scheme/],
    ['elevate.contoso.com/api/messages', /without a path/],
    ['elevate.contoso.com/', /without a path/],
    ['elevate.contoso.com:443', /without a port/],
    ['10.1.2.3', /not an IP address/],
    ['localhost', /not a valid public DNS host name/],
    ['elevate_bot.contoso.com', /not a valid public DNS host name/],
    ['elevate contoso.com', /spaces/],
    ['', /is empty/],
  ])('rejects BOT_DOMAIN=%j', (value, reason) => {
    const error = packagingError(() => readPackagingEnv({ MicrosoftAppId: APP_ID, BOT_DOMAIN: value }));
    expect(error.exitCode).toBe(2);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^BOT_DOMAIN /);
    expect(error.problems[0]).toMatch(reason);
  });

  it('accepts tunnel host names and trims whitespace', () => {
    expect(
      readPackagingEnv({ MicrosoftAppId: ` ${APP_ID} `, BOT_DOMAIN: 'abc123-3978.euw.devtunnels.ms\n' }),
    ).toEqual({
      appId: APP_ID,
      botDomain: 'abc123-3978.euw.devtunnels.ms',
    });
  });
});

describe('npm run package (scripts/package-app.cli.js)', () => {
  const cli = path.join(ROOT, 'scripts', 'package-app.cli.js');
  let workDir: string;

  beforeEach(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'elevate-package-'));
  });
  afterEach(() => fs.rmSync(workDir, { recursive: true, force: true }));

  /** Runs the CLI in an empty folder (so no .env is picked up) with only the given variables. */
  function run(env: Record<string, string>, args: string[] = []) {
    const { PATH, HOME } = process.env;
    return spawnSync(process.execPath, [cli, ...args], {
      cwd: workDir,
      env: { PATH, HOME, ...env },
      encoding: 'utf8',
    });
  }

  it('exits 2 naming each bad variable', () => {
    const result = run({ MicrosoftAppId: 'not-a-guid', BOT_DOMAIN: 'https://bot.example.com/' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('MicrosoftAppId must be');
    expect(result.stderr).toContain('BOT_DOMAIN must be a bare host name');
    expect(fs.existsSync(path.join(workDir, 'appPackage.zip'))).toBe(false);
  });

  it('reads .env from the working folder and writes the zip', async () => {
    fs.writeFileSync(path.join(workDir, '.env'), `MicrosoftAppId=${APP_ID}\nBOT_DOMAIN=${DOMAIN}\n`);
    const out = path.join(workDir, 'appPackage.zip');
    const result = run({}, ['--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`bot ${APP_ID}`);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
    expect(manifest.bots[0].botId).toBe(APP_ID);
  });

  it('refuses unknown arguments', () => {
    const result = run(VALID_ENV, ['--zip']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown argument "--zip"');
  });
});
