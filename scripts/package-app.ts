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
import JSZip from 'jszip';
import { COMMAND_CATALOGUE, type CommandCatalogueEntry } from '../src/domain/commands/catalogue';
import { loadDotenv } from '../src/config/load-dotenv';
import { commandListsDrift, commandListsFrom } from './app-package/command-lists';
import { ICON_SPECS, iconProblems, readIcons } from './app-package/icons';
import { readTemplate, renderManifest, validateManifest, type Manifest } from './app-package/manifest';
import { PackagingError } from './app-package/packaging-error';
import { readPackagingEnv } from './app-package/packaging-env';
import { DEFAULT_OUT, MANIFEST_DIR, TEMPLATE_PATH } from './app-package/paths';

export { DEFAULT_OUT, MANIFEST_DIR, ROOT, TEMPLATE_PATH } from './app-package/paths';
export { PackagingError } from './app-package/packaging-error';
export { readPackagingEnv, type PackagingEnv } from './app-package/packaging-env';
export {
  BOT_SCOPES,
  COMMAND_LIMITS,
  commandListsDrift,
  commandListsFrom,
  type BotScope,
  type CommandList,
  type ManifestCommand,
} from './app-package/command-lists';
export {
  appVersion,
  bundledTeamsSchemaVersions,
  fillPlaceholders,
  readTemplate,
  renderManifest,
  validateManifest,
  type Manifest,
} from './app-package/manifest';
export { ICON_SPECS, iconProblems, readIcons } from './app-package/icons';

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
