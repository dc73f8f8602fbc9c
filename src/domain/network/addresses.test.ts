import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress, isAllowedAddress, parseIpv4, parseIpv6 } from './addresses';

describe('classifyAddress', () => {
  it.each([
    ['10.0.0.1', 'blocked'],
    ['10.255.255.255', 'blocked'],
    ['172.16.0.1', 'blocked'],
    ['172.31.255.254', 'blocked'],
    ['192.168.1.1', 'blocked'],
    ['169.254.169.254', 'blocked'],
    ['100.64.0.1', 'blocked'],
    ['100.127.255.255', 'blocked'],
    ['0.0.0.0', 'blocked'],
    ['224.0.0.1', 'blocked'],
    ['255.255.255.255', 'blocked'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::', 'blocked'],
    ['fc00::1', 'blocked'],
    ['fd00:ec2::254', 'blocked'],
    ['fe80::1', 'blocked'],
    ['febf::1', 'blocked'],
    ['ff02::1', 'blocked'],
    ['::ffff:10.0.0.1', 'blocked'],
    ['::ffff:a9fe:a9fe', 'blocked'],
    ['::ffff:169.254.169.254', 'blocked'],
    ['64:ff9b::a9fe:a9fe', 'blocked'],
    ['8.8.8.8', 'public'],
    ['172.15.255.255', 'public'],
    ['172.32.0.1', 'public'],
    ['100.63.255.255', 'public'],
    ['100.128.0.0', 'public'],
    ['192.169.0.1', 'public'],
    ['2a00:1450:400f:80d::200e', 'public'],
    ['fbff::1', 'public'],
    ['fec0::1', 'blocked'],
    ['::ffff:8.8.8.8', 'public'],
    ['not an address', 'invalid'],
    ['010.0.0.1', 'invalid'],
    ['256.1.1.1', 'invalid'],
    ['1:2:3:4:5:6:7:8:9', 'invalid'],
    ['fe80::1%eth0', 'invalid'],
  ] as const)('%s is %s', (address, expected) => {
    expect(classifyAddress(address).class).toBe(expected);
  });

  it('names the range it refused', () => {
    expect(classifyAddress('169.254.169.254').range).toMatch(/metadata/);
    expect(classifyAddress('192.168.0.10').range).toMatch(/192\.168\.0\.0\/16/);
  });

  it('refuses loopback unless allowed, and everything private always', () => {
    expect(isAllowedAddress('127.0.0.1', { allowLoopback: false })).toBe(false);
    expect(isAllowedAddress('127.0.0.1', { allowLoopback: true })).toBe(true);
    expect(isAllowedAddress('::1', { allowLoopback: true })).toBe(true);
    expect(isAllowedAddress('10.0.0.1', { allowLoopback: true })).toBe(false);
    expect(isAllowedAddress('169.254.169.254', { allowLoopback: true })).toBe(false);
    expect(isAllowedAddress('8.8.8.8', { allowLoopback: false })).toBe(true);
    expect(isAllowedAddress('garbage', { allowLoopback: true })).toBe(false);
  });

  it('judges an IPv4-mapped IPv6 address exactly as the IPv4 address inside it', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(classifyAddress(`::ffff:${ip}`)).toEqual(classifyAddress(ip));
      }),
    );
  });

  it('every address in 10/8, 172.16/12 and 192.168/16 is blocked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffff }),
        fc.integer({ min: 0, max: 0xfffff }),
        fc.integer({ min: 0, max: 0xffff }),
        (a, b, c) => {
          const dotted = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
          expect(classifyAddress(dotted((10 << 24) + a)).class).toBe('blocked');
          expect(classifyAddress(dotted(((172 << 24) | (16 << 16)) + b)).class).toBe('blocked');
          expect(classifyAddress(dotted(((192 << 24) | (168 << 16)) + c)).class).toBe('blocked');
        },
      ),
    );
  });
});

describe('parsing', () => {
  it('reads IPv6 with :: anywhere and an IPv4 tail', () => {
    expect(parseIpv6('::')).toBe(0n);
    expect(parseIpv6('1::')).toBe(1n << 112n);
    expect(parseIpv6('::ffff:1.2.3.4')).toBe((0xffffn << 32n) | 0x01020304n);
    expect(parseIpv6('1:2:3:4:5:6:7:8')).toBe(parseIpv6('1:2:3:4:5:6:7::8'.replace('::', ':')));
    expect(parseIpv6('1::2::3')).toBeNull();
    expect(parseIpv6('12345::')).toBeNull();
  });

  it('reads every dotted quad it prints', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(parseIpv4(ip)).not.toBeNull();
      }),
    );
  });
});
