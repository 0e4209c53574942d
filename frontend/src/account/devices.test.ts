import { describe, expect, it } from 'vitest';
import { deviceName } from './devices';

describe('deviceName', () => {
  it('names the browser and the system as a person would', () => {
    expect(deviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36')).toBe(
      'Chrome on Windows',
    );
    expect(deviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0')).toBe(
      'Edge on Windows',
    );
    expect(deviceName('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1')).toBe(
      'Safari on an iPhone or iPad',
    );
    expect(deviceName('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox on Linux');
    expect(deviceName('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15')).toBe(
      'Safari on a Mac',
    );
  });

  it('falls back to what the program called itself, shortened, or says it is unknown', () => {
    expect(deviceName(null)).toBe('An unknown device');
    expect(deviceName('curl/8.5.0')).toBe('curl/8.5.0');
    expect(deviceName(`partner-sync/${'x'.repeat(80)}`)).toHaveLength(58);
  });
});
