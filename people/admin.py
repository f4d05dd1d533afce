from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from people.models import Authority, Team, User


@admin.register(Authority)
class AuthorityAdmin(admin.ModelAdmin):
    list_display = ["name", "duty_phone", "contact_interval_weeks"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "authority", "manager", "caseload_limit"]
    list_select_related = ["authority", "manager"]
    list_filter = ["authority"]


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


class StaffCreationForm(UniqueEmailMixin, AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "first_name", "last_name", "role", "authority", "team"]


class StaffChangeForm(UniqueEmailMixin, UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Admins make staff accounts here; care leavers arrive by invitation instead."""

    add_form = StaffCreationForm
    form = StaffChangeForm
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "role", "team", "is_active"]
    list_filter = ["role", "is_active", "team"]
    list_select_related = ["team"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["first_name", "last_name", "phone"]}),
        (
            "Role",
            {"fields": ["role", "authority", "team", "is_active", "is_staff", "is_superuser"]},
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "email",
                    "first_name",
                    "last_name",
                    "role",
                    "authority",
                    "team",
                    "usable_password",
                    "password1",
                    "password2",
                ],
            },
        )
    ]
    readonly_fields = ["last_login", "date_joined"]
