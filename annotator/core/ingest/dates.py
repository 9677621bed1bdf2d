"""Publication dates: written as ISO (2025-03-04) when the form is unambiguous, else kept as found."""

from __future__ import annotations

import re
from datetime import datetime

_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_FORMS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%Y/%m/%d")


def iso_date(text: str | None) -> str | None:
    """"4 March 2025" → "2025-03-04"; "03/04/2025" (day or month first?) stays as written.

    A copyright line ("© 2025") is no publication date: None.
    """
    if text is None:
        return None
    value = " ".join(text.split())
    if _COPYRIGHT.match(value):
        return None  # a copyright year says when the site was, not when the article was published
    if _ISO.match(value):
        return value
    for form in _FORMS:
        try:
            return datetime.strptime(value.replace(".", ""), form).date().isoformat()
        except ValueError:
            continue
    return value or None


def is_iso_date(text: str) -> bool:
    """A filter bound: YYYY, YYYY-MM or YYYY-MM-DD."""
    return bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text))
