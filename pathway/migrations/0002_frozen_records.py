"""The database, not only the views, keeps signed plans and a young person's words unchanged.

- A signed plan version can never be updated or deleted.
- A signed review can never be updated or deleted.
- A young person's view on a section can never be updated or deleted.

TRUNCATE (used only by test teardown) is not a row change and is not affected.
"""

from django.db import migrations

FORBID = """
CREATE FUNCTION pathway_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on %: this record is frozen and cannot be changed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER plan_version_frozen BEFORE UPDATE OR DELETE ON pathway_planversion
    FOR EACH ROW EXECUTE FUNCTION pathway_refuse_change();

CREATE TRIGGER section_view_frozen BEFORE UPDATE OR DELETE ON pathway_sectionview
    FOR EACH ROW EXECUTE FUNCTION pathway_refuse_change();

CREATE TRIGGER signed_review_frozen BEFORE UPDATE OR DELETE ON pathway_review
    FOR EACH ROW WHEN (OLD.state = 'signed') EXECUTE FUNCTION pathway_refuse_change();
"""

ALLOW = """
DROP TRIGGER signed_review_frozen ON pathway_review;
DROP TRIGGER section_view_frozen ON pathway_sectionview;
DROP TRIGGER plan_version_frozen ON pathway_planversion;
DROP FUNCTION pathway_refuse_change();
"""


class Migration(migrations.Migration):
    dependencies = [("pathway", "0001_initial")]

    operations = [migrations.RunSQL(FORBID, ALLOW)]
