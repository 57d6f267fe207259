/**
 * Builds the Teams app package (`dist/appPackage.zip`): fills `manifest/manifest.template.json`
 * from the environment, generates the bot's `commandLists` from the router's command catalogue,
 * validates the manifest offline against the schema bundled in `@microsoft/app-manifest`, checks
 * the icons, and zips manifest.json + color.png + outline.png.
 *
 * Run with `npm run package` (scripts/package-app.cli.js loads this file without a build).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { z } from 'zod';
import { COMMAND_CATALOGUE, type CommandCatalogueEntry } from '../src/domain/commands/catalogue';
import { loadDotenv } from '../src/config/load-dotenv';

export const ROOT = path.resolve(__dirname, '..');

export const MANIFEST_DIR = path.join(ROOT, 'manifest');
export const TEMPLATE_PATH = path.join(MANIFEST_DIR, 'manifest.template.json');
export const DEFAULT_OUT = path.join(ROOT, 'dist', 'appPackage.zip');

export type BotScope = 'personal' | 'team' | 'groupChat';
export const BOT_SCOPES: readonly BotScope[] = ['personal', 'team', 'groupChat'];

/** Teams' limits for a bot's command menu (stricter than the schema, which allows 12 and 128/4000). */
export const COMMAND_LIMITS = { commandsPerList: 10, titleLength: 32, descriptionLength: 128 } as const;

export const ICON_SPECS = {
  color: { file: 'color.png', size: 192 },
  outline: { file: 'outline.png', size: 32 },
} as const;

export interface ManifestCommand {
  title: string;
  description: string;
}
export interface CommandList {
  scopes: BotScope[];
  commands: ManifestCommand[];
}

/** What the manifest needs from the environment. */
export interface PackagingEnv {
  appId: string;
  botDomain: string;
}

/** Packaging failed; `problems` lists every reason, `exitCode` is 2 for bad environment values. */
export class PackagingError extends Error {
  constructor(
    readonly problems: string[],
    readonly exitCode: 1 | 2 = 1,
    heading = 'Cannot build the Teams app package',
  ) {
    super(`${heading}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackagingError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A DNS name with at least two labels and an alphabetic top-level label (so no IPs, no localhost). */
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

const APP_ID_EXAMPLE = 'MicrosoftAppId=1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
const BOT_DOMAIN_EXAMPLE = 'BOT_DOMAIN=elevate.contoso.com';

function botDomainProblem(value: string): string | undefined {
  if (/\s/.test(value)) return 'must not contain spaces';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
    return 'must be a bare host name, without a scheme such as "https://"';
  if (value.includes('/')) return 'must be a bare host name, without a path or trailing "/"';
  if (value.includes('@')) return 'must be a bare host name, without user information';
  if (/:\d*$/.test(value)) return 'must be a bare host name, without a port (Teams reaches the bot on 443)';
  if (/^[\d.]+$/.test(value) || value.includes(':')) return 'must be a DNS host name, not an IP address';
  if (!HOST_NAME.test(value)) {
    return 'is not a valid public DNS host name (letters, digits and "-" in dot-separated labels, e.g. a.b.com; localhost is not accepted by Teams)';
  }
  return undefined;
}

const envSchema = z.object({
  MicrosoftAppId: z
    .string({ error: 'is not set' })
    .trim()
    .min(1, { error: 'is empty', abort: true })
    .regex(GUID, {
      error: "must be the bot's Microsoft App ID, a GUID like 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d",
    }),
  BOT_DOMAIN: z
    .string({ error: 'is not set' })
    .trim()
    .min(1, { error: 'is empty', abort: true })
    .superRefine((value, ctx) => {
      const problem = botDomainProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

const EXAMPLES: Record<string, string> = { MicrosoftAppId: APP_ID_EXAMPLE, BOT_DOMAIN: BOT_DOMAIN_EXAMPLE };

/** Reads and checks MicrosoftAppId and BOT_DOMAIN; throws one error naming every bad variable. */
export function readPackagingEnv(env: NodeJS.ProcessEnv): PackagingEnv {
  const parsed = envSchema.safeParse({ MicrosoftAppId: env.MicrosoftAppId, BOT_DOMAIN: env.BOT_DOMAIN });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const shown = env[name] === undefined ? '' : ` (got ${JSON.stringify(env[name])})`;
      return `${name} ${issue.message}${shown}. Example: ${EXAMPLES[name]}`;
    });
    throw new PackagingError(
      problems,
      2,
      'Cannot build the Teams app package: fix these environment variables (or .env)',
    );
  }
  return { appId: parsed.data.MicrosoftAppId.toLowerCase(), botDomain: parsed.data.BOT_DOMAIN.toLowerCase() };
}

/** One `commandLists` entry per scope, from the catalogue; throws listing every limit broken. */
export function commandListsFrom(catalogue: ReadonlyArray<CommandCatalogueEntry>): CommandList[] {
  const problems: string[] = [];
  for (const entry of catalogue) {
    const label = `command "${entry.name}"`;
    if (entry.title.trim() === '') problems.push(`${label}: title is empty`);
    if (entry.title.length > COMMAND_LIMITS.titleLength) {
      problems.push(
        `${label}: title is ${entry.title.length} characters; Teams allows at most ${COMMAND_LIMITS.titleLength}`,
      );
    }
    if (entry.description.trim() === '') problems.push(`${label}: description is empty`);
    if (entry.description.length > COMMAND_LIMITS.descriptionLength) {
      problems.push(
        `${label}: description is ${entry.description.length} characters; Teams allows at most ${COMMAND_LIMITS.descriptionLength}`,
      );
    }
    if (entry.scopes.length === 0)
      problems.push(`${label}: has no scopes; use some of ${BOT_SCOPES.join(', ')}`);
    for (const scope of entry.scopes) {
      if (!BOT_SCOPES.includes(scope)) {
        problems.push(`${label}: unknown scope "${String(scope)}"; allowed: ${BOT_SCOPES.join(', ')}`);
      }
    }
  }
  const lists: CommandList[] = [];
  for (const scope of BOT_SCOPES) {
    const entries = catalogue.filter((entry) => !entry.adminOnly && entry.scopes.includes(scope));
    if (entries.length === 0) continue;
    if (entries.length > COMMAND_LIMITS.commandsPerList) {
      problems.push(
        `scope ${scope}: ${entries.length} commands; Teams shows at most ${COMMAND_LIMITS.commandsPerList} per scope`,
      );
    }
    const seen = new Set<string>();
    for (const entry of entries) {
      const key = entry.title.toLowerCase();
      if (seen.has(key))
        problems.push(`scope ${scope}: title "${entry.title}" is used by more than one command`);
      seen.add(key);
    }
    lists.push({
      scopes: [scope],
      commands: entries.map((entry) => ({ title: entry.title, description: entry.description })),
    });
  }
  if (problems.length > 0) {
    throw new PackagingError(problems, 1, 'The command catalogue does not fit the Teams command menu');
  }
  return lists;
}

/** Differences between the template's `commandLists` and the ones generated from the catalogue. */
export function commandListsDrift(inTemplate: unknown, generated: CommandList[]): string[] {
  const drift: string[] = [];
  const lists = Array.isArray(inTemplate) ? (inTemplate as CommandList[]) : [];
  const byScope = (all: CommandList[]) => new Map(all.map((list) => [list.scopes.join(','), list.commands]));
  const have = byScope(lists);
  const want = byScope(generated);
  for (const [scope, commands] of want) {
    const current = have.get(scope);
    if (!current) {
      drift.push(`scope ${scope}: missing from the template`);
      continue;
    }
    const currentText = JSON.stringify(current.map((c) => [c.title, c.description]));
    const wantedText = JSON.stringify(commands.map((c) => [c.title, c.description]));
    if (currentText !== wantedText) {
      drift.push(
        `scope ${scope}: template has [${current.map((c) => c.title).join(', ')}], ` +
          `catalogue gives [${commands.map((c) => c.title).join(', ')}] (or titles/descriptions differ)`,
      );
    }
  }
  for (const scope of have.keys()) {
    if (!want.has(scope)) drift.push(`scope ${scope}: in the template but no catalogue command uses it`);
  }
  return drift;
}

const PLACEHOLDER = /\$\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

/** Replaces `${{NAME}}` in every string of `value`; throws naming any placeholder without a value. */
export function fillPlaceholders<T>(value: T, values: Record<string, string>): T {
  const missing = new Set<string>();
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        if (values[name] === undefined) missing.add(name);
        return values[name] ?? whole;
      });
    }
    if (Array.isArray(node)) return node.map(visit);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, visit(child)]));
    }
    return node;
  };
  const filled = visit(value) as T;
  if (missing.size > 0) {
    throw new PackagingError(
      [...missing].map((name) => `the template uses \${{${name}}}, which has no value`),
    );
  }
  return filled;
}

export type Manifest = Record<string, unknown> & {
  id: string;
  bots: Array<Record<string, unknown> & { botId: string; commandLists?: CommandList[] }>;
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
};

export function readTemplate(templatePath = TEMPLATE_PATH): Manifest {
  return JSON.parse(fs.readFileSync(templatePath, 'utf8')) as Manifest;
}

export function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** The manifest for this environment: placeholders filled and commandLists from the catalogue. */
export function renderManifest(
  template: Manifest,
  env: PackagingEnv,
  commandLists: CommandList[],
  version = appVersion(),
): Manifest {
  const manifest = fillPlaceholders(template, {
    MicrosoftAppId: env.appId,
    BOT_DOMAIN: env.botDomain,
    APP_VERSION: version,
  });
  if (!Array.isArray(manifest.bots) || manifest.bots.length !== 1) {
    throw new PackagingError(['the template must declare exactly one bot']);
  }
  manifest.bots[0].commandLists = commandLists;
  return manifest;
}

const APP_MANIFEST_DIR = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
const TEAMS_SCHEMAS_DIR = path.join(APP_MANIFEST_DIR, 'build', 'json-schemas', 'teams');
const TEAMS_SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v[\w.]+)\/MicrosoftTeams\.schema\.json$/;

/** Teams manifest schema versions that @microsoft/app-manifest ships (validated without network). */
export function bundledTeamsSchemaVersions(): string[] {
  return fs
    .readdirSync(TEAMS_SCHEMAS_DIR)
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

function bundledSchemaFile(schemaUrl: unknown): string | undefined {
  const match = typeof schemaUrl === 'string' ? TEAMS_SCHEMA_URL.exec(schemaUrl) : null;
  if (!match) return undefined;
  const file = path.join(TEAMS_SCHEMAS_DIR, match[1], 'MicrosoftTeams.schema.json');
  return fs.existsSync(file) ? file : undefined;
}

/** Schema errors from the bundled schema named by `$schema` (no network); empty when valid. */
export async function validateManifest(manifest: Manifest): Promise<string[]> {
  const schemaFile = bundledSchemaFile(manifest.$schema);
  if (!schemaFile) {
    return [
      `manifest $schema ${JSON.stringify(manifest.$schema)} is not a Teams schema bundled with @microsoft/app-manifest ` +
        `(bundled: ${bundledTeamsSchemaVersions().join(', ')}); it could not be validated offline`,
    ];
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the library types each schema version separately
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as any);
  const problems = errors.map((error) => `manifest${error.trim()}`);
  const expectedResource = `api://botid-${manifest.id}`;
  if (manifest.webApplicationInfo?.resource !== expectedResource) {
    problems.push(`webApplicationInfo.resource must be "${expectedResource}" for Teams SSO`);
  }
  return problems;
}

/** Problems with the icons: sizes, opaque colour icon, white-on-transparent outline icon. */
export function iconProblems(icons: { color: Buffer; outline: Buffer }): string[] {
  const problems: string[] = [];
  const decode = (name: keyof typeof ICON_SPECS, data: Buffer): PNG | undefined => {
    try {
      return PNG.sync.read(data);
    } catch (error) {
      problems.push(`${ICON_SPECS[name].file} is not a readable PNG (${(error as Error).message})`);
      return undefined;
    }
  };
  const checkSize = (name: keyof typeof ICON_SPECS, png: PNG) => {
    const { size, file } = ICON_SPECS[name];
    if (png.width !== size || png.height !== size) {
      problems.push(`${file} is ${png.width}×${png.height}; Teams needs ${size}×${size}`);
    }
  };

  const color = decode('color', icons.color);
  if (color) {
    checkSize('color', color);
    let translucent = 0;
    for (let i = 3; i < color.data.length; i += 4) if (color.data[i] !== 255) translucent++;
    if (translucent > 0) {
      problems.push(
        `color.png has ${translucent} transparent pixels; the colour icon must be fully opaque (full-bleed)`,
      );
    }
  }

  const outline = decode('outline', icons.outline);
  if (outline) {
    checkSize('outline', outline);
    let notWhite = 0;
    let transparent = 0;
    let visible = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const alpha = outline.data[i + 3];
      if (alpha === 0) {
        transparent++;
        continue;
      }
      visible++;
      if (outline.data[i] !== 255 || outline.data[i + 1] !== 255 || outline.data[i + 2] !== 255) notWhite++;
    }
    if (notWhite > 0) {
      problems.push(
        `outline.png has ${notWhite} visible pixels that are not white; use white (#FFFFFF) on transparent only`,
      );
    }
    if (transparent === 0)
      problems.push('outline.png has no transparent pixels; its background must be transparent');
    if (visible === 0) problems.push('outline.png is fully transparent; it needs a white mark');
  }
  return problems;
}

export function readIcons(manifestDir = MANIFEST_DIR): { color: Buffer; outline: Buffer } {
  return {
    color: fs.readFileSync(path.join(manifestDir, ICON_SPECS.color.file)),
    outline: fs.readFileSync(path.join(manifestDir, ICON_SPECS.outline.file)),
  };
}

/** A fixed timestamp for zip entries, so the same inputs give the same bytes. */
const ZIP_DATE = new Date('2026-01-01T00:00:00Z');

export interface AppPackage {
  manifest: Manifest;
  zip: Buffer;
  /** Differences between the template's commandLists and the catalogue (the zip uses the catalogue). */
  templateDrift: string[];
}

/** Builds the package in memory; throws PackagingError listing every problem found. */
export async function buildAppPackage(options: {
  env: NodeJS.ProcessEnv;
  catalogue?: ReadonlyArray<CommandCatalogueEntry>;
  manifestDir?: string;
}): Promise<AppPackage> {
  const manifestDir = options.manifestDir ?? MANIFEST_DIR;
  const packagingEnv = readPackagingEnv(options.env);
  const commandLists = commandListsFrom(options.catalogue ?? COMMAND_CATALOGUE);
  const template = readTemplate(path.join(manifestDir, 'manifest.template.json'));
  const templateDrift = commandListsDrift(template.bots?.[0]?.commandLists, commandLists);
  const manifest = renderManifest(template, packagingEnv, commandLists);

  const icons = readIcons(manifestDir);
  const problems = [...(await validateManifest(manifest)), ...iconProblems(icons)];
  if (problems.length > 0) throw new PackagingError(problems);

  const zip = new JSZip();
  const entry = { date: ZIP_DATE };
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, entry);
  zip.file(ICON_SPECS.color.file, icons.color, entry);
  zip.file(ICON_SPECS.outline.file, icons.outline, entry);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { manifest, zip: bytes, templateDrift };
}

/** Rewrites the template's commandLists from the catalogue (`npm run package -- --update-template`). */
export function updateTemplateCommands(
  catalogue: ReadonlyArray<CommandCatalogueEntry> = COMMAND_CATALOGUE,
  templatePath = TEMPLATE_PATH,
): void {
  const template = readTemplate(templatePath);
  template.bots[0].commandLists = commandListsFrom(catalogue);
  fs.writeFileSync(templatePath, `${JSON.stringify(template, null, 2)}\n`);
  // In the project's Prettier style, so the diff shows only the commands that changed. (A child
  // process: Prettier 3 loads its plugins with import(), which jest's module system refuses.)
  execFileSync(
    process.execPath,
    [require.resolve('prettier/bin/prettier.cjs'), '--write', '--log-level=warn', templatePath],
    {
      stdio: 'inherit',
    },
  );
}

interface CliOptions {
  out: string;
  updateTemplate: boolean;
}

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { out: DEFAULT_OUT, updateTemplate: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--update-template') options.updateTemplate = true;
    else if (arg === '--out' && argv[i + 1]) options.out = path.resolve(argv[++i]);
    else if (arg.startsWith('--out=')) options.out = path.resolve(arg.slice('--out='.length));
    else {
      throw new PackagingError(
        [`unknown argument "${arg}"; allowed: --out <file.zip>, --update-template`],
        2,
        'Usage: npm run package [-- --out <file.zip>] [-- --update-template]',
      );
    }
  }
  return options;
}

/** CLI entry point; returns the process exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const options = parseArgs(argv);
    if (options.updateTemplate) {
      updateTemplateCommands();
      process.stdout.write(`Updated commandLists in ${path.relative(process.cwd(), TEMPLATE_PATH)}\n`);
      return 0;
    }
    loadDotenv();
    const result = await buildAppPackage({ env });
    for (const line of result.templateDrift) {
      process.stderr.write(
        `warning: manifest template commandLists drifted from the catalogue (${line}); ` +
          'the package uses the catalogue. Run `npm run package -- --update-template`.\n',
      );
    }
    fs.mkdirSync(path.dirname(options.out), { recursive: true });
    fs.writeFileSync(options.out, result.zip);
    process.stdout.write(
      `Wrote ${path.relative(process.cwd(), options.out) || options.out} ` +
        `(bot ${result.manifest.id}, domain ${result.manifest.validDomains[0]}, manifest ${String(result.manifest.manifestVersion)})\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof PackagingError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
