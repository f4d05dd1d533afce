"""The admin site the portal uses in place of Django's default one.

It is Django's own, with one check in front of every admin page: the records an action
is asked to act on must be given as ids of that kind of record. Django's admin otherwise
answers a made-up id (`_selected_action=x`) with a server error.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.admin import AdminSite
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest


def _ids_are_of(model, ids: list[str]) -> bool:
    try:
        for value in ids:
            model._meta.pk.to_python(value)
    except ValidationError:
        return False
    return True


class PortalAdminSite(AdminSite):
    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)
        model = getattr(getattr(view, "__self__", None), "model", None)
        if model is None:
            return inner

        @wraps(inner)
        def checked(request, *args, **kwargs):
            ids = request.POST.getlist(ACTION_CHECKBOX_NAME) if request.method == "POST" else []
            # Only for those the admin would serve; everyone else meets its sign-in as before.
            if self.has_permission(request) and not _ids_are_of(model, ids):
                return HttpResponseBadRequest("Choose the records again and try once more.")
            return inner(request, *args, **kwargs)

        return checked
