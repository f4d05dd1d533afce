from django import template

from finance.money import pounds as _pounds

register = template.Library()


@register.filter
def pounds(pence) -> str:
    """Whole pence as pounds: 2550 -> £25.50."""
    return _pounds(int(pence or 0))
