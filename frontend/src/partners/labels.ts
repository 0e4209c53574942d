/** The scopes a partner system may be given (SPEC §6). */
export const SCOPES: Record<string, { text: string; hint: string }> = {
  'read:calls': { text: 'Read calls', hint: 'Calls for conveners and their dates.' },
  'read:communities': { text: 'Read communities', hint: 'Communities, their domains, stages and meetings.' },
  'read:practices': { text: 'Read practices', hint: 'Practices and promising practices.' },
};

export const SCOPE_VALUES = Object.keys(SCOPES);
