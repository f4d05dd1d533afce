"""Financial entitlements: schemes, awards, claims and the ledger."""
