"""Template helpers for GOV.UK form markup on forms we do not build (allauth's)."""

from django import forms, template

register = template.Library()


@register.filter
def is_checkbox_input(field) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.simple_tag
def govuk_widget(field, css_class: str) -> str:
    """Render a field's widget with the GOV.UK class, error state and hint/error references."""
    classes = [css_class]
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-hint")
    if field.errors:
        classes.append(f"{css_class}--error")
        described_by.append(f"{field.auto_id}-error")
    attrs = {"class": " ".join(classes)}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    # allauth sets placeholders that repeat the label; GOV.UK forms use hints instead.
    field.field.widget.attrs.pop("placeholder", None)
    return field.as_widget(attrs=attrs)


@register.filter
def error_target(field, field_id: str) -> str:
    """Where an error summary link should go: the first option of radios and checkboxes."""
    if isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{field.auto_id}_1"
    return field_id
