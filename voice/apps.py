"""The young person's voice: needs checklists, check-ins, skills and surveys."""

from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "voice"
    verbose_name = "The young person's voice"

    def ready(self) -> None:
        from pathway.extras import register_caseload_box, register_section_notes
        from people.audit import audit_register
        from people.panels import PROFILE, register_my_panel, register_panel
        from people.subject_access import register_part
        from voice import models, permissions  # noqa: F401  (registers the rules)
        from voice.panels import caseload_context, my_panel_context, profile_context
        from voice.selectors import section_notes
        from voice.subject_access import tables

        for model in (
            models.AnswerSet,
            models.Answer,
            models.CheckIn,
            models.CheckInRequest,
            models.SkillRating,
            models.SkillConfirmation,
        ):
            audit_register(model)
        register_my_panel(template="voice/_my_panel.html", context=my_panel_context, order=5)
        register_panel(
            PROFILE, template="voice/_profile_panel.html", context=profile_context, order=12
        )
        register_caseload_box(template="voice/_caseload_box.html", context=caseload_context)
        register_section_notes("voice", section_notes)
        register_part("voice", tables=tables, order=40)

    def seed_demo(self, *, authority, today, seed: int, **options) -> None:
        """Called by `seed_demo` once the council, its people and their plans exist."""
        from voice.demo import seed_voice

        seed_voice(authority=authority, today=today, seed=seed)
