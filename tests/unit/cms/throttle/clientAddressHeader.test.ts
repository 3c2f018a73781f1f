import { describe, expect, it } from 'vitest'

import { CLIENT_ADDRESS_HEADER, clientAddressFrom, markClientAddressStamped } from '../../../../cms/throttle/clientAddressHeader'

describe('the client as the CMS limits count it', () => {
  it('is the stamped address, an IPv6 one by its /64', () => {
    markClientAddressStamped()
    expect(clientAddressFrom(new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9' }))).toBe('203.0.113.9')
    expect(clientAddressFrom(new Headers({ [CLIENT_ADDRESS_HEADER]: '2001:db8:1:2::5' }))).toBe('2001:db8:1:2::/64')
    expect(clientAddressFrom(new Headers({ [CLIENT_ADDRESS_HEADER]: '2001:db8:1:2:aaaa:bbbb:cccc:dddd' }))).toBe('2001:db8:1:2::/64')
    expect(clientAddressFrom(new Headers())).toBe('unplaced')
  })
})
