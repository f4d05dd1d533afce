"""What young people said is kept as they said it: the database refuses to change or delete
a set of checklist answers, a check-in, a skill rating or a survey answer. An "I need help"
answer may only be marked as answered (when, by whom, with which plan action)."""

from django.db import migrations

REFUSE = """
CREATE FUNCTION voice_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on %: what a young person said is kept as they said it', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER answer_set_kept BEFORE UPDATE OR DELETE ON voice_answerset
    FOR EACH ROW EXECUTE FUNCTION voice_refuse_change();
CREATE TRIGGER answer_kept BEFORE DELETE ON voice_answer
    FOR EACH ROW EXECUTE FUNCTION voice_refuse_change();
CREATE TRIGGER answer_words_kept BEFORE UPDATE ON voice_answer
    FOR EACH ROW WHEN (
        OLD.reply IS DISTINCT FROM NEW.reply OR OLD.note IS DISTINCT FROM NEW.note
        OR OLD.question_id IS DISTINCT FROM NEW.question_id
        OR OLD.answer_set_id IS DISTINCT FROM NEW.answer_set_id
    ) EXECUTE FUNCTION voice_refuse_change();
CREATE TRIGGER check_in_kept BEFORE UPDATE OR DELETE ON voice_checkin
    FOR EACH ROW EXECUTE FUNCTION voice_refuse_change();
CREATE TRIGGER skill_rating_kept BEFORE UPDATE OR DELETE ON voice_skillrating
    FOR EACH ROW EXECUTE FUNCTION voice_refuse_change();
CREATE TRIGGER survey_response_kept BEFORE UPDATE OR DELETE ON voice_surveyresponse
    FOR EACH ROW EXECUTE FUNCTION voice_refuse_change();
CREATE TRIGGER survey_answer_kept BEFORE UPDATE OR DELETE ON voice_surveyanswer
    FOR EACH ROW EXECUTE FUNCTION voice_refuse_change();
"""

ALLOW = """
DROP TRIGGER survey_answer_kept ON voice_surveyanswer;
DROP TRIGGER survey_response_kept ON voice_surveyresponse;
DROP TRIGGER skill_rating_kept ON voice_skillrating;
DROP TRIGGER check_in_kept ON voice_checkin;
DROP TRIGGER answer_words_kept ON voice_answer;
DROP TRIGGER answer_kept ON voice_answer;
DROP TRIGGER answer_set_kept ON voice_answerset;
DROP FUNCTION voice_refuse_change();
"""


class Migration(migrations.Migration):
    dependencies = [("voice", "0002_seed_areas_questions_skills")]
    operations = [migrations.RunSQL(REFUSE, ALLOW)]
