import { describe, expect, it } from 'vitest';
import { communityFeed, webcalUrl, withFeedToken } from './feed';

describe('calendar feed links', () => {
  it('appends the viewer’s token to the server’s address', () => {
    expect(withFeedToken('http://127.0.0.1:18080/calendar/communities/Q29t.ics', 'abc_123')).toBe(
      'http://127.0.0.1:18080/calendar/communities/Q29t.ics?token=abc_123',
    );
    expect(withFeedToken('https://convene.example/calendar/meetings/M.ics?x=1', 'a b+c')).toBe(
      'https://convene.example/calendar/meetings/M.ics?x=1&token=a%20b%2Bc',
    );
  });

  it('gives nothing without a token or an address', () => {
    expect(withFeedToken('https://convene.example/c.ics', null)).toBeNull();
    expect(withFeedToken('', 'tok')).toBeNull();
    expect(communityFeed(null, 'tok')).toEqual({ https: null, webcal: null });
  });

  it('turns an http(s) address into a webcal:// one for subscribing', () => {
    expect(webcalUrl('https://convene.example/calendar/communities/C.ics?token=t')).toBe('webcal://convene.example/calendar/communities/C.ics?token=t');
    expect(webcalUrl('http://127.0.0.1:18080/c.ics?token=t')).toBe('webcal://127.0.0.1:18080/c.ics?token=t');
    expect(webcalUrl('ftp://x/c.ics')).toBeNull();
    expect(communityFeed('https://convene.example/calendar/communities/C.ics', 'tok')).toEqual({
      https: 'https://convene.example/calendar/communities/C.ics?token=tok',
      webcal: 'webcal://convene.example/calendar/communities/C.ics?token=tok',
    });
  });
});
