"""The ledger's rules, kept by the database whatever the code above it does.

- An entry can never be updated or deleted (a mistake is corrected by a reversal).
- An entry that would take its award below zero is refused. The trigger locks the
  award row first, so two entries for one award arriving at once are checked in turn.
"""

from django.db import migrations

RULES = """
CREATE FUNCTION finance_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger entries are never changed or deleted (% refused)', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON finance_ledgerentry
    FOR EACH ROW EXECUTE FUNCTION finance_ledger_append_only();

CREATE FUNCTION finance_ledger_never_below_zero() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    balance bigint;
BEGIN
    PERFORM 1 FROM finance_award WHERE id = NEW.award_id FOR UPDATE;
    SELECT COALESCE(SUM(amount_pence), 0) INTO balance
        FROM finance_ledgerentry WHERE award_id = NEW.award_id;
    IF balance + NEW.amount_pence < 0 THEN
        RAISE EXCEPTION 'award % would go below zero (balance %, entry %)',
            NEW.award_id, balance, NEW.amount_pence
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER ledger_never_below_zero BEFORE INSERT ON finance_ledgerentry
    FOR EACH ROW EXECUTE FUNCTION finance_ledger_never_below_zero();
"""

UNDO = """
DROP TRIGGER ledger_never_below_zero ON finance_ledgerentry;
DROP FUNCTION finance_ledger_never_below_zero();
DROP TRIGGER ledger_append_only ON finance_ledgerentry;
DROP FUNCTION finance_ledger_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("finance", "0002_awards_claims_ledger")]

    operations = [migrations.RunSQL(RULES, UNDO)]
