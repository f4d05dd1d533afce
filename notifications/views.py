"""Everyone's own notifications, and how they want to be told."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from common.paging import Paginator
from notifications import services as notifications
from notifications.forms import NotificationSettingsForm
from people import selectors
from people.views import PAGE_SIZE, form_page


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def notification_list(request):
    """Everyone's own notifications, newest first; POST marks them all read."""
    if request.method == "POST":
        count = notifications.notifications_read_all(user=request.user)
        messages.success(
            request, f"Marked {count} notification{'s' if count != 1 else ''} as read."
        )
        return redirect("notifications:list")
    page = Paginator(notifications.for_user(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/notification_list.html", {"page": page})


@login_required
@require_GET
@never_cache
def notification_open(request, pk: int):
    """One notification, marked read, with the way to what it is about."""
    notification = notifications.notification_open(user=request.user, notification_id=pk)
    if notification is None:
        raise Http404
    return render(request, "notifications/notification_detail.html", {"notification": notification})


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request):
    user = request.user
    person = selectors.own_record(user) if user.is_care_leaver else None
    initial = {"wants_email": "yes" if user.wants_email else "no"}
    if person is not None:
        initial["preferred_contact"] = person.preferred_contact
    form = NotificationSettingsForm(
        request.POST or None, initial=initial, is_care_leaver=person is not None
    )
    if request.method == "POST" and form.is_valid():
        notifications.notification_settings_save(
            user=user,
            wants_email=form.cleaned_data["wants_email"],
            preferred_contact=form.cleaned_data.get("preferred_contact"),
        )
        messages.success(request, "Your settings are saved.")
        return redirect("notifications:list")
    return form_page(
        request,
        form,
        title="How we contact you",
        back=reverse("notifications:list"),
    )
