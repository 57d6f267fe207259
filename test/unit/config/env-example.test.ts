import fs from 'node:fs';
import path from 'node:path';
import { envSchema } from '../../../src/config/config.schema';

describe('.env.example', () => {
  const text = fs.readFileSync(path.join(__dirname, '../../../.env.example'), 'utf8');
  const documented = [...text.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]);
  const schemaKeys = Object.keys(envSchema.shape);

  it('documents every setting the schema reads, each with a comment above it', () => {
    expect([...documented].sort()).toEqual([...schemaKeys].sort());
    const lines = text.split('\n');
    for (const key of documented) {
      const index = lines.findIndex((line) => line.startsWith(`${key}=`));
      expect(lines[index - 1]).toMatch(/^#/);
    }
  });
});
