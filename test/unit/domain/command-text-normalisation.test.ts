import { normaliseCommandText } from '../../../src/domain/commands';

describe('normaliseCommandText', () => {
  it.each([
    ['<at>Elevate</at> activate GA for 1h', 'activate GA for 1h'],
    ['@Elevate activate GA', 'activate GA'],
    ['Elevate: status', 'status'],
    ['elevate, roles', 'roles'],
    ['  my   roles  ', 'my roles'],
    ['status.', 'status'],
    ['help!?', 'help'],
    ['<p>activate&nbsp;GA</p>', 'activate GA'],
    ['activate GA because \u201cdb failover\u201d', 'activate GA because "db failover"'],
    ['@elevate\u200b roles', 'roles'],
    ['<at>Elevate</at> activate GA because <at>Bob Lee</at> asked', 'activate GA because Bob Lee asked'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseCommandText(input)).toBe(expected);
  });

  it('keeps the case of what the user typed', () => {
    expect(normaliseCommandText('Activate Exchange Admin')).toBe('Activate Exchange Admin');
  });
});
