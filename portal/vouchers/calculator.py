"""The calculator block "Wat kost het mij?" for a GET request: the form, its errors, or
the quote. Used by the standalone page and by every course page."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from portal.catalog.models import Course
from portal.vouchers.forms import QuoteForm
from portal.vouchers.quotes import Quote, make_quote


@dataclass(frozen=True)
class Calculator:
    form: QuoteForm
    course: Course | None
    quote: Quote | None = None


def run_calculator(args: Mapping, today: date, course: Course | None = None):
    """An empty form until the person asks (the postcode field is sent); then the form
    with its errors, or the quote. `course` fixes the course: no price or sector asked."""
    form = QuoteForm(args, today, course_id=course.id if course else None)
    if "postcode" not in args or not form.validate():
        return Calculator(form, course)
    return Calculator(form, course, make_quote(form.to_input(), today))
