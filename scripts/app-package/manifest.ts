/** The manifest: the template with its placeholders filled, and its offline schema validation. */
import fs from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import type { CommandList } from './command-lists';
import { PackagingError } from './packaging-error';
import type { PackagingEnv } from './packaging-env';
import { ROOT, TEMPLATE_PATH } from './paths';

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
