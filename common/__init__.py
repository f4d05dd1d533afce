"""Small shared tools: a plain package, not an app. It imports nothing of the portal's."""
