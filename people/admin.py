"""Django's admin: administrators look after accounts and teams, auditors read the trail.

Neither holds cases. An administrator cannot set anyone's password or sign in as them:
staff accounts get a single-use set-up link instead (people/setup_links.py), and care
leavers make their own through their PA's invitation. The audit trail is the auditor's
alone; its change entries keep field names, not what records said (people/audit.py).
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.db.models import Q, QuerySet
from django_celery_beat.admin import CrontabScheduleAdmin
from django_celery_beat.models import CrontabSchedule

from common.forms import ModelForm
from people import services
from people.models import LEAD_ROLES, Authority, Region, Role, Team, User

# Libraries' own admin pages that would undo the rules above: allauth's email addresses
# (add one to a care leaver's account, reset its password, sign in as them), allauth's
# authenticators (read a member of staff's authenticator secret) and Django's groups
# (permissions the portal does not use). tests/people/test_admin_and_set_up.py lists what
# the admin may show.
for model in (EmailAddress, Authenticator, Group):
    admin.site.unregister(model)


# Where each council's own records lead to their council, for the lists and the choices of
# other records' forms: an administrator of one council never sees another's.
COUNCIL_OF: dict[type, str] = {Authority: "pk", Team: "authority", User: "authority"}


def council_path(model: type, path: str) -> None:
    """Say how `model` leads to its council (an app's admin.py calls it for its own)."""
    COUNCIL_OF[model] = path


class CouncilChoices:
    """An admin form's (or inline's) choices of other records: its administrator's council's."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        path = COUNCIL_OF.get(db_field.related_model)
        if path is not None:
            kwargs["queryset"] = of_council(
                db_field.related_model._default_manager.all(), path, request.user
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CouncilAdmin(CouncilChoices, admin.ModelAdmin):
    """An admin page of records that belong to a council: its lists, its forms' choices and
    its change pages hold only the administrator's own council's (`council` leads there).
    An account with no council (a deployment's own superuser) sees every council's."""

    council = "authority"

    def get_queryset(self, request) -> QuerySet:
        return of_council(super().get_queryset(request), self.council, request.user)


def sees_every_council(user) -> bool:
    """The deployment's own superuser (made on the server, with no council). An account of
    a council that lost its council sees no council's records, not every council's."""
    return user.is_superuser and user.authority_id is None


def of_council(queryset: QuerySet, path: str, user) -> QuerySet:
    if sees_every_council(user):
        return queryset
    if user.authority_id is None:
        return queryset.none()
    return queryset.filter(**{path: user.authority_id})


CRON_FIELDS = ("minute", "hour", "day_of_month", "month_of_year", "day_of_week")


class CrontabScheduleForm(ModelForm):
    """django-celery-beat's checks of each part, where any error it meets is a message.

    Its own checks let celery's ParseException through (a large negative minute, say),
    which the admin answered with a server error."""

    class Meta:
        model = CrontabSchedule
        fields = [*CRON_FIELDS, "timezone"]

    def _checked(self, name: str) -> str:
        value = self.cleaned_data[name]
        try:
            for check in CrontabSchedule._meta.get_field(name).validators:
                check(value)
        except forms.ValidationError:
            raise
        except Exception as error:
            raise forms.ValidationError(
                "Use a schedule value such as *, 5, 1-5 or */15", code="invalid"
            ) from error
        return value

    def clean_minute(self):
        return self._checked("minute")

    def clean_hour(self):
        return self._checked("hour")

    def clean_day_of_month(self):
        return self._checked("day_of_month")

    def clean_month_of_year(self):
        return self._checked("month_of_year")

    def clean_day_of_week(self):
        return self._checked("day_of_week")


admin.site.unregister(CrontabSchedule)


@admin.register(CrontabSchedule)
class PortalCrontabScheduleAdmin(CrontabScheduleAdmin):
    form = CrontabScheduleForm


@admin.register(Authority)
class AuthorityAdmin(CouncilAdmin):
    council = "pk"
    list_display = ["name", "region", "offer_host", "duty_phone", "contact_interval_weeks"]
    list_select_related = ["region"]
    list_filter = ["region"]
    prepopulated_fields = {"slug": ["name"]}

    def get_readonly_fields(self, request, obj=None):
        # Joining a region puts its shared items on the council's offer and its figures
        # before the region's lead: the deployment's own superuser decides it.
        fields = list(super().get_readonly_fields(request, obj))
        return fields if sees_every_council(request.user) else [*fields, "region"]


class MemberCouncils(admin.TabularInline):
    """The region's councils, shown here; a council joins or leaves on its own page."""

    model = Authority
    fields = ["name", "slug"]
    readonly_fields = ["name", "slug"]
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Region)
class RegionAdmin(CouncilAdmin):
    """A region is shared by its councils, so the deployment's own superuser (an account
    with no council) sets it up and names its lead; a council's administrator reads the
    regions their council is in."""

    council = "councils"
    list_display = ["name", "lead"]
    list_select_related = ["lead"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MemberCouncils]

    def get_queryset(self, request) -> QuerySet:
        return super().get_queryset(request).distinct()

    def has_add_permission(self, request) -> bool:
        return sees_every_council(request.user) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return sees_every_council(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return sees_every_council(request.user) and super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "lead":
            # Managers and offer editors of councils in a region (Region.clean checks which).
            kwargs["queryset"] = User.objects.filter(
                role__in=LEAD_ROLES, is_active=True, authority__region__isnull=False
            ).select_related("authority")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Team)
class TeamAdmin(CouncilAdmin):
    list_display = ["name", "authority", "manager", "caseload_limit"]
    list_select_related = ["authority", "manager"]


class UniqueEmailMixin:
    """Emails are stored in lower case; a duplicate in any case gets a message, not a crash."""

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        others = User.objects.filter(email__iexact=email)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError("Someone already uses this email address.")
        return email


# Roles an administrator may give. Care leavers join by invitation; an auditor is named
# on the server (`manage.py auditor_add`), so no administrator can make themselves one.
ROLES_ADMINS_GIVE = [
    (value, label)
    for value, label in Role.choices
    if value in {Role.PA, Role.MANAGER, Role.OFFER_EDITOR, Role.ADMIN}
]


class StaffCreationForm(UniqueEmailMixin, ModelForm):
    """A new staff account: no password here; the person is emailed a set-up link."""

    role = forms.ChoiceField(choices=ROLES_ADMINS_GIVE)

    class Meta:
        model = User
        fields = ["email", "first_name", "last_name", "role", "authority", "team", "phone"]


class StaffChangeForm(UniqueEmailMixin, ModelForm):
    class Meta:
        model = User
        fields = [
            "email",
            "first_name",
            "last_name",
            "phone",
            "role",
            "authority",
            "team",
            "is_active",
            "sees_all_teams",
            "leaving_on",
            "wants_email",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "role" in self.fields and self.instance.role in dict(ROLES_ADMINS_GIVE):
            self.fields["role"].choices = ROLES_ADMINS_GIVE


@admin.register(User)
class UserAdmin(CouncilAdmin, DjangoUserAdmin):
    """Admins make staff accounts here; care leavers arrive by invitation instead."""

    add_form = StaffCreationForm
    form = StaffChangeForm
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "role", "team", "is_active"]
    list_filter = ["role", "is_active", ("team", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["team"]
    search_fields = ["email", "first_name", "last_name"]
    actions = ["send_set_up_link"]
    fieldsets = [
        (None, {"fields": ["email"]}),
        ("Person", {"fields": ["first_name", "last_name", "phone"]}),
        ("Role", {"fields": ["role", "authority", "team", "sees_all_teams", "is_active"]}),
        ("Work", {"fields": ["leaving_on", "wants_email"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    *("email", "first_name", "last_name", "role", "authority", "team", "phone")
                ],
            },
        )
    ]

    def get_urls(self):
        # Not Django's "change password" page: nobody sets another person's password.
        return admin.ModelAdmin.get_urls(self)

    def get_readonly_fields(self, request, obj=None):
        readonly = ["last_login", "date_joined"]
        if obj is not None and (obj.role == Role.CARE_LEAVER or obj.last_login is not None):
            # A sign-in address is its owner's once they have used it: whoever changed it
            # could have a reset or a set-up link sent to themselves and sign in as them.
            # A new account's address can be corrected until its first sign-in.
            readonly.append("email")
        if obj is not None and obj.role == Role.CARE_LEAVER:
            readonly.append("role")
        if obj is not None and not sees_every_council(request.user):
            # An account stays in its council: an administrator who blanked their own would
            # otherwise see no council's records, or moved one, give it another's.
            readonly.append("authority")
        return readonly

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "authority" in form.base_fields and not sees_every_council(request.user):
            form.base_fields["authority"].required = True
        return form

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.role == Role.AUDITOR:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.role == Role.AUDITOR:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.set_unusable_password()
        super().save_model(request, obj, form, change)
        # A new account, or a new one's address corrected: a link to the address as it is
        # now (an earlier link, to the old address, stops working and is not sent).
        corrected = change and "email" in form.changed_data and not obj.has_usable_password()
        if obj.is_staff_role and (not change or corrected):
            services.staff_set_up_start(user=obj, by=request.user)
            messages.success(request, f"{obj.email} has been emailed a link to set up the account.")

    @admin.action(description="Email a new set-up link (their password and app stop working)")
    def send_set_up_link(self, request, queryset):
        sent = 0
        for user in queryset.filter(is_active=True, role__in=[r for r, _ in ROLES_ADMINS_GIVE]):
            services.staff_set_up_start(user=user, by=request.user)
            sent += 1
        skipped = queryset.count() - sent
        messages.success(request, f"Set-up links emailed: {sent}.")
        if skipped:
            messages.warning(
                request, f"{skipped} not sent: only active staff accounts get set-up links."
            )


admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class AuditTrailAdmin(LogEntryAdmin):
    """The audit trail, for auditors only: administrators cannot read it."""

    def _is_auditor(self, request) -> bool:
        return request.user.is_active and request.user.role == Role.AUDITOR

    def get_queryset(self, request) -> QuerySet:
        """The auditor's own council's entries (people/audit.py stamps each with its council;
        older ones are their actor's)."""
        entries = super().get_queryset(request)
        council = request.user.authority_id
        if sees_every_council(request.user):
            return entries
        # No council of its own (a key missing, or null): the actor's.
        unstamped = (
            Q(additional_data__council__isnull=True) | Q(additional_data__council=None)
        ) & Q(actor__authority=council)
        theirs = Q(additional_data__council=council) | Q(additional_data__also_council=council)
        return entries.filter(theirs | unstamped)

    def has_module_permission(self, request):
        return self._is_auditor(request)

    def has_view_permission(self, request, obj=None):
        return self._is_auditor(request)

    def has_delete_permission(self, request, obj=None):
        return False


class SignInAttemptsOfCouncil:
    """django-axes's records of sign-in attempts: those naming the council's own accounts."""

    def get_queryset(self, request) -> QuerySet:
        attempts = super().get_queryset(request)
        if sees_every_council(request.user):
            return attempts
        emails = User.objects.filter(authority=request.user.authority_id).values("email")
        return attempts.filter(username__in=emails)


for model in (AccessAttempt, AccessLog, AccessFailureLog):
    library_admin = type(admin.site._registry[model])
    admin.site.unregister(model)
    admin.site.register(
        model, type(library_admin.__name__, (SignInAttemptsOfCouncil, library_admin), {})
    )
