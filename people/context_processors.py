from functools import wraps

from django.conf import settings

from people.demo import DEMO_PASSWORD, DEMO_SIGN_INS, current_totp_code
from people.navigation import navigation_for


def once_per_request(processor):
    """A context processor whose answer is worked out once per request.

    A page renders its panels as templates of their own, and each render runs every
    context processor again: without this, a profile page counted the unread
    notifications three times."""
    attribute = f"_context_{processor.__module__}_{processor.__name__}"

    @wraps(processor)
    def wrapper(request) -> dict:
        if not hasattr(request, attribute):
            setattr(request, attribute, processor(request))
        return getattr(request, attribute)

    return wrapper


@once_per_request
def portal(request) -> dict:
    context = {
        "service_name": "Leaving care support",
        "navigation": navigation_for(request),
        "demo_mode": settings.DEMO_MODE,
    }
    if settings.DEMO_MODE:
        context.update(
            demo_password=DEMO_PASSWORD,
            demo_sign_ins=DEMO_SIGN_INS,
            demo_totp_code=current_totp_code,
        )
    return context
