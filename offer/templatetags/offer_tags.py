"""Turning an item's plain text, with its few marks of formatting, into safe GOV.UK markup."""

from __future__ import annotations

import nh3
from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

register = template.Library()

# CommonMark with only paragraphs, lists and emphasis: a "- " line starts a list even
# straight after a sentence, and nothing else an editor types becomes markup.
PLAIN_TEXT = MarkdownIt("zero").enable(["list", "emphasis"])
ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em"}
GOVUK_CLASSES = {
    "p": {"class": "govuk-body"},
    "ul": {"class": "govuk-list govuk-list--bullet"},
    "ol": {"class": "govuk-list govuk-list--number"},
}


@register.filter
def simple_format(text: str) -> SafeString:
    html = PLAIN_TEXT.render(text or "")
    return mark_safe(  # noqa: S308  (nh3 has removed every tag and attribute but these)
        nh3.clean(html, tags=ALLOWED_TAGS, attributes={}, set_tag_attribute_values=GOVUK_CLASSES)
    )


@register.filter
def tel(phone: str) -> str:
    """A phone number as a tel: link target."""
    return "".join(ch for ch in phone if ch.isdigit() or ch == "+")


@register.simple_tag(takes_context=True)
def offer_url(context, name: str, *args) -> str:
    """A public offer page's address for the council this page is about: under
    /<council>/offer/ when the page was asked for there, else today's /offer/ (one council,
    or a council's own host name)."""
    council = context.get("offer_council")
    if council:
        return reverse(f"council_offer:{name}", args=[council, *args])
    return reverse(f"offer:{name}", args=args)
