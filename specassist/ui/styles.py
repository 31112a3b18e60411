"""The few colours and styles the window uses to say "look here", shared so they agree."""

from __future__ import annotations

WARNING_RED = "#b71c1c"
"""Text and marks for what is wrong or incomplete: a replacement that misses a requirement,
a total that leaves unpriced items out."""

WARNING_STYLE = "background: #fff3cd; color: #664d03; padding: 4px; border: 1px solid #ffe69c"
"""A banner for a state the user must act on (no rule set chosen, a partial total)."""
