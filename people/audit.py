"""The audit trail: django-auditlog records every change and every staff read.

An entry says who changed which fields of which record, or who read it, and when; it
never keeps what a case record said. Every value is stored as NOT_RECORDED except the
record's own id and its links to other records (ids), and the record is named by its kind
and id ("young person 12"), never by its text (a name, an action's words, a document's
title). So the trail, which only auditors read, holds no second copy of anyone's case.
"""

from __future__ import annotations

import itertools
from functools import partial

from auditlog import context as auditlog_context
from auditlog.cid import get_cid
from auditlog.context import auditlog_disabled, auditlog_value
from auditlog.diff import model_instance_diff
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from auditlog.signals import accessed
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.encoding import smart_str

from people.models import (
    Allocation,
    Authority,
    CouncilMove,
    Invitation,
    Region,
    SubjectAccessPack,
    Team,
    User,
    YoungPerson,
)

NOT_RECORDED = "(not recorded)"
# Whose entries name the record by kind and id only (every model audit_register adds).
_NAMED_BY_ID: set[type[models.Model]] = set()


def not_recorded(value: str) -> str:
    """auditlog's mask: the field's name stays in the entry, its value does not."""
    return NOT_RECORDED


def masked_fields(model: type[models.Model]) -> list[str]:
    """Every field but the id and the links to other records."""
    return [
        field.name
        for field in model._meta.concrete_fields
        if not (field.primary_key or isinstance(field, models.ForeignKey))
    ]


def neutral_name(model: type[models.Model], pk) -> str:
    return f"{model._meta.verbose_name} {pk}"


def audit_register(model: type[models.Model], exclude_fields: tuple[str, ...] = ()) -> None:
    """Audit changes to `model`, keeping field names and ids, never what the record says."""
    auditlog.register(
        model,
        exclude_fields=list(exclude_fields),
        mask_fields=[name for name in masked_fields(model) if name not in exclude_fields],
        mask_callable="people.audit.not_recorded",
    )
    _NAMED_BY_ID.add(model)


def log_in_bulk(writes: list[tuple[models.Model | None, models.Model, list[str] | None]]) -> None:
    """The audit entries of records written in bulk (`bulk_create`, `update`), which send no
    signals, in one insert: for each (before or None if created, after, the fields saved),
    the entry auditlog writes for a save, with the same receivers filling it in. Like a
    save, nothing inside `disable_auditlog`; unlike one, no `pre_log`/`post_log` signals and
    no model's `get_additional_data` (nothing of ours uses them)."""
    if auditlog_disabled.get():
        return
    entries = []
    for before, after, fields in writes:
        changes = model_instance_diff(
            before,
            after,
            fields_to_check=fields,
            use_json_for_changes=settings.AUDITLOG_STORE_JSON_CHANGES,
        )
        if not changes:
            continue
        pk = LogEntry.objects._get_pk_value(after)
        entry = LogEntry(
            content_type=ContentType.objects.get_for_model(after),
            object_pk=pk,
            object_id=pk if isinstance(pk, int) else None,
            object_repr=smart_str(after),
            serialized_data=LogEntry.objects._get_serialized_data_or_none(after),
            action=LogEntry.Action.CREATE if before is None else LogEntry.Action.UPDATE,
            changes=changes,
            cid=get_cid(),
        )
        pre_save.send(
            sender=LogEntry, instance=entry, raw=False, using="default", update_fields=None
        )
        entries.append(entry)
    LogEntry.objects.bulk_create(entries)


@receiver(pre_save, sender=LogEntry, dispatch_uid="people-audit-neutral-name")
def name_the_record_by_its_id(sender, instance: LogEntry, **kwargs) -> None:
    """auditlog names the record by `str()`, which for many is what it says: not here.
    Each entry also says whose council it is, so an auditor reads their own council's."""
    model = instance.content_type.model_class() if instance.content_type_id else None
    if model in _NAMED_BY_ID:
        instance.object_repr = neutral_name(model, instance.object_pk)
    data = instance.additional_data if isinstance(instance.additional_data, dict) else {}
    if instance._state.adding and "council" not in data:
        data = {**data, "council": council_of_entry(instance, model)}
        if model is CouncilMove:  # in both councils' trails
            move = CouncilMove.objects.filter(pk=instance.object_pk).first()
            data["also_council"] = move.to_authority_id if move else None
        instance.additional_data = data


def council_of_entry(entry: LogEntry, model: type[models.Model] | None) -> int | None:
    """The council of whoever did it, or (for the system's own work) of the record itself."""
    actor = entry.actor if entry.actor_id is not None else _actor_in_context()
    if actor is not None and actor.authority_id is not None:
        return actor.authority_id
    record = model._default_manager.filter(pk=entry.object_pk).first() if model else None
    if isinstance(record, Authority):
        return record.pk
    person = getattr(record, "young_person", None)
    return getattr(record, "authority_id", None) or getattr(person, "authority_id", None)


def _actor_in_context() -> User | None:
    """Who `set_actor` says is acting. auditlog fills the entry's actor in a receiver of its
    own that runs after this module's, so the entry does not say yet."""
    try:
        actor = auditlog_value.get().get("actor")
    except LookupError:
        return None
    return actor if isinstance(actor, User) else None


_block_numbers = itertools.count()


def _audit_block(context_data: dict):
    """One `set_actor` (or the middleware's `set_extra_data`) block: its context holds while
    it runs, and the one around it (if any) again once it ends.

    It takes the place of auditlog's own (`install_audit_blocks`), which leaves an ended
    block's context set and its receiver's id in place of the outer block's: after a
    service called inside another service's block (or a request's), every entry written
    next had no actor, and the request's receiver was never disconnected."""
    context_data["signal_duid"] = ("portal-audit-block", next(_block_numbers))
    token = auditlog_value.set(context_data)
    fill_in = partial(auditlog_context._set_extra_data, signal_duid=context_data["signal_duid"])
    pre_save.connect(fill_in, sender=LogEntry, dispatch_uid=context_data["signal_duid"], weak=False)
    try:
        yield
    finally:
        pre_save.disconnect(sender=LogEntry, dispatch_uid=context_data["signal_duid"])
        auditlog_value.reset(token)


def install_audit_blocks() -> None:
    """At start-up: auditlog's `set_actor` and `set_extra_data` open `_audit_block`s."""
    auditlog_context.call_context_manager = _audit_block


def register_audited_models() -> None:
    audit_register(YoungPerson)
    audit_register(Allocation)
    audit_register(Invitation, exclude_fields=("token_hash",))
    audit_register(User, exclude_fields=("password", "last_login"))
    audit_register(Team)
    audit_register(Authority)
    # The regional dashboard's reads are recorded against the region.
    audit_register(Region)
    # A copy of everything held about someone is more than a read: the trail shows it made.
    audit_register(SubjectAccessPack)
    audit_register(CouncilMove)


def record_access(instance: models.Model) -> None:
    """Log that the current actor (set by AuditlogMiddleware) read this record."""
    accessed.send(sender=instance.__class__, instance=instance)
