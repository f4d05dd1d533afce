from django.conf import settings

from portal.navigation import navigation_for


def portal(request) -> dict:
    context = {
        "service_name": "Leaving care support",
        "navigation": navigation_for(request),
        "demo_mode": settings.DEMO_MODE,
    }
    if settings.DEMO_MODE:
        from portal.demo import DEMO_PASSWORD, DEMO_SIGN_INS, current_totp_code

        context.update(
            demo_password=DEMO_PASSWORD,
            demo_sign_ins=DEMO_SIGN_INS,
            demo_totp_code=current_totp_code,
        )
    return context


def unread_notifications(request) -> dict:
    """The count in the header's Notifications link: one query, only for signed-in people."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from portal.notifications import unread_count

    return {"unread_notifications": unread_count(user)}
