"""The local offer: what the council offers care leavers."""
