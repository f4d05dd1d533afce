"""The pathway's figures on the managers' dashboard: activity, homes, contact, reviews."""

from __future__ import annotations

from common.figures import Figure, Point, Scope, each, kept_by_day, register_figures
from pathway.selectors import dashboard_counts
from people.selectors import people_at

# The law's expectation for every young person: contact kept and the plan reviewed in time.
EVERY_YOUNG_PERSON = 100


def _share(slug, title, what, counts, key, out_of, **extra) -> Figure:
    return Figure(
        slug=slug,
        title=title,
        what=what,
        points=[Point(day, c[key], c[out_of]) for day, c in counts],
        **extra,
    )


def pathway_figures(scope: Scope) -> list[Figure]:
    """Five figures from one aggregate query per month of the young people supported then."""
    weeks = scope.authority.contact_interval_weeks
    team_ids = scope.team_ids
    work = each(lambda day: dashboard_counts(people_at(day, team_ids), day, weeks))
    counts = list(
        zip(
            scope.days,
            kept_by_day(f"counts:{weeks}", team_ids, scope.days, work),
            strict=True,
        )
    )
    return [
        _share(
            "eet",
            "In education, employment or training (aged 19 to 21)",
            "Young people aged 19, 20 or 21 whose main activity is education, an "
            "apprenticeship, training or work.",
            counts,
            "eet",
            "aged",
            target=scope.authority.eet_target_percent,
            list_url=scope.list_url("eet"),
        ),
        _share(
            "suitable",
            "In suitable accommodation",
            "Young people whose home is recorded as suitable (no home recorded counts as not).",
            counts,
            "suitable",
            "everyone",
            target=scope.authority.suitable_target_percent,
            list_url=scope.list_url("suitable"),
        ),
        _share(
            "in-touch",
            "In touch",
            f"Young people with contact in the {weeks} weeks up to the day.",
            counts,
            "in_touch",
            "everyone",
            target=EVERY_YOUNG_PERSON,
            list_url=scope.list_url("in-touch"),
        ),
        _share(
            "on-time",
            "Plans reviewed on time",
            "Young people whose plan was reviewed and signed in the review period, or whose "
            "first plan is not due yet.",
            counts,
            "on_time",
            "everyone",
            target=EVERY_YOUNG_PERSON,
            list_url=scope.list_url("on-time"),
        ),
        Figure(
            slug="actions-overdue",
            title="Actions overdue",
            what="Steps in pathway plans past their date and not done.",
            points=[Point(day, c["actions_overdue"]) for day, c in counts],
            is_share=False,
            target=0,
            is_lower_better=True,
            list_url=scope.list_url("actions-overdue"),
        ),
    ]


register_figures(pathway_figures, order=10)
