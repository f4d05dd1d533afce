"""Template filters for words: a label from a model's choices, shown inside a sentence."""

from django import template

register = template.Library()


@register.filter
def midsentence(label) -> str:
    """A label as it reads inside a sentence: "Their PA asked" -> "their PA asked".

    Only the first letter drops to lower case, and not when the first word is an
    initialism ("PA left the service"), so "PA" never becomes "pa" (`|lower` did that).
    """
    text = str(label)
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[:1].lower() + text[1:]
