"""The database keeps a PA off shifts during their leave, from either side.

A shift given to a PA on leave is refused, and so is leave that covers a shift the PA
still holds (they give it away or swap it first). Leave days run from local midnight to
midnight, in the council's time zone (Europe/London).
"""

from django.db import migrations

RULES = """
CREATE FUNCTION rota_leave_overlaps(starts timestamptz, ends timestamptz,
                                    first_day date, last_day date) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT starts < ((last_day + 1)::timestamp AT TIME ZONE 'Europe/London')
       AND ends > (first_day::timestamp AT TIME ZONE 'Europe/London')
$$;

CREATE FUNCTION rota_shift_not_on_leave() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.pa_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM rota_leave l
        WHERE l.pa_id = NEW.pa_id
          AND rota_leave_overlaps(NEW.starts_at, NEW.ends_at, l.starts_on, l.ends_on)
    ) THEN
        RAISE EXCEPTION 'this PA is on leave during the shift'
            USING ERRCODE = 'exclusion_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER shift_not_on_leave BEFORE INSERT OR UPDATE OF pa_id, starts_at, ends_at
    ON rota_shift FOR EACH ROW EXECUTE FUNCTION rota_shift_not_on_leave();

CREATE FUNCTION rota_leave_has_no_shifts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM rota_shift s
        WHERE s.pa_id = NEW.pa_id
          AND rota_leave_overlaps(s.starts_at, s.ends_at, NEW.starts_on, NEW.ends_on)
    ) THEN
        RAISE EXCEPTION 'this PA has shifts during this leave'
            USING ERRCODE = 'exclusion_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER leave_has_no_shifts BEFORE INSERT OR UPDATE ON rota_leave
    FOR EACH ROW EXECUTE FUNCTION rota_leave_has_no_shifts();
"""

UNDO = """
DROP TRIGGER leave_has_no_shifts ON rota_leave;
DROP FUNCTION rota_leave_has_no_shifts();
DROP TRIGGER shift_not_on_leave ON rota_shift;
DROP FUNCTION rota_shift_not_on_leave();
DROP FUNCTION rota_leave_overlaps(timestamptz, timestamptz, date, date);
"""


class Migration(migrations.Migration):
    dependencies = [("rota", "0001_initial")]

    operations = [migrations.RunSQL(RULES, UNDO)]
