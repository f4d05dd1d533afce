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
