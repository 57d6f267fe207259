import { LandedVersions } from '../../../src/adapters/teams/proactive/landed-versions';

/*
 * Two follow-ups redraw their parts of one card (two roles activated together): version 1 (first
 * part active) and version 2 (both active). The writer of version 1 looks for a newer version after
 * its update lands; it redraws only when the message would otherwise keep showing a stale one.
 */
const message = 'conversation|activity';

test('the newer version landed after ours: nothing to redraw (the flaky second update)', () => {
  const landed = new LandedVersions();
  landed.leaving(message, 1);
  landed.leaving(message, 2);
  landed.arrived(message, 1, true);
  landed.arrived(message, 2, true);
  expect(landed.covered(message, 2)).toBe(true);
});

test('the newer version landed before ours: ours overwrote it, so it is drawn again', () => {
  const landed = new LandedVersions();
  landed.leaving(message, 1);
  landed.leaving(message, 2);
  landed.arrived(message, 2, true);
  landed.arrived(message, 1, true);
  expect(landed.covered(message, 2)).toBe(false);
});

test('the newer version is still on its way: it lands after ours, nothing to redraw', () => {
  const landed = new LandedVersions();
  landed.leaving(message, 1);
  landed.leaving(message, 2);
  landed.arrived(message, 1, true);
  expect(landed.covered(message, 2)).toBe(true);
  // …unless that update fails: then nobody has shown version 2.
  landed.arrived(message, 2, false);
  expect(landed.covered(message, 2)).toBe(false);
});

test('a version written but not yet sent by its writer (or by another instance) is drawn again', () => {
  const landed = new LandedVersions();
  landed.leaving(message, 1);
  landed.arrived(message, 1, true);
  expect(landed.covered(message, 2)).toBe(false);
});

test('two updates carrying the same version: it stays on its way until both arrived', () => {
  const landed = new LandedVersions();
  landed.leaving(message, 3);
  landed.leaving(message, 3);
  landed.arrived(message, 3, false);
  expect(landed.covered(message, 3)).toBe(true);
  landed.arrived(message, 3, false);
  expect(landed.covered(message, 3)).toBe(false);
});

test('other messages are independent', () => {
  const landed = new LandedVersions();
  landed.leaving(message, 2);
  landed.arrived(message, 2, true);
  expect(landed.covered('other|message', 2)).toBe(false);
});
