"""Financial entitlements: schemes, awards, claims and the ledger (issue 5)."""
