from notifications.services import unread_count
from people.context_processors import once_per_request


@once_per_request
def unread_notifications(request) -> dict:
    """The count in the header's Notifications link: one query, only for signed-in people."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user)}
