import pytest
from django.utils import timezone

from offer.demo import seed_offer


@pytest.fixture
def demo_offer(authority, offer_editor, manager):
    """The full demo local offer (50 items), published and signed off by `manager`."""
    seed_offer(authority=authority, today=timezone.localdate(), seed=7)
    return authority
