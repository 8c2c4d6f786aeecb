-- KM is the Comorian franc (ISO 4217 KMF), which has no minor units (docs/protocol.md, "Minor
-- units"); the init migration seeded it with 2. The table now agrees with lib/webgames/currencies.ts,
-- the one source (tests/webgames/currencies.test.ts compares every row).
-- Changing the decimals of a currency that already holds fractional amounts would change what its
-- balances and replayed answers say, so the migration refuses in that case instead.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "wallets" WHERE "currency" = 'KM' AND "balance" <> round("balance", 0))
     OR EXISTS (SELECT 1 FROM "ledger_entries" WHERE "currency" = 'KM' AND ("amount" <> round("amount", 0) OR "balance_after" <> round("balance_after", 0))) THEN
    RAISE EXCEPTION 'KM amounts with decimals exist; resolve them before KM gets 0 minor units';
  END IF;
END $$;

UPDATE "currencies" SET "minor_units" = 0 WHERE "code" = 'KM';
