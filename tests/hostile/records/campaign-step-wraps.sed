# expect: :7: bad campaign line
/^difficulty /a campaign jin_campaign 4294967297
