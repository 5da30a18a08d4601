"""The reader's choices for the report, read from the query string (`?stage=…&skip_empty=1&
paper=letter&language=es`). A value the form does not know falls back to its default, with a message
beside the field on the page; the PDF simply uses the default."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header

from reports.content import Choices
from stages.worksheets.declarations import STAGES

PAPER = (("a4", _("A4")), ("letter", _("US Letter")))

# Where US Letter is the usual paper: the United States, Canada, Mexico, the Philippines and
# much of Central and South America.
LETTER_REGIONS = frozenset(
    {"us", "ca", "mx", "ph", "cl", "co", "ve", "cr", "gt", "pa", "do", "pr", "sv", "ni", "hn"}
)


def default_paper(accept_language: str) -> str:
    """Letter when the browser's first language with a region (`en-US`, `es-MX`) names a
    Letter country, else A4."""
    for tag, _quality in parse_accept_lang_header(accept_language or ""):
        parts = tag.replace("_", "-").split("-")
        regions = [p for p in parts[1:] if len(p) == 2 and p.isalpha()]
        if regions:
            return "letter" if regions[0].lower() in LETTER_REGIONS else "a4"
    return "a4"


def language_choices() -> list[tuple[str, str]]:
    """Each language named in itself ("English", "Español"), as a reader looks for it."""
    return [
        (code, get_language_info(code)["name_local"].capitalize())
        for code, _name in settings.LANGUAGES
    ]


class ReportChoicesForm(forms.Form):
    stage = forms.ChoiceField(
        label=_("What to include"),
        choices=[("", _("The whole report")), *STAGES],
        required=False,
        error_messages={
            "invalid_choice": _(
                "There is no stage “%(value)s”, so the report shows all four stages."
            )
        },
    )
    skip_empty = forms.BooleanField(label=_("Leave out tools nobody has started"), required=False)
    paper = forms.ChoiceField(
        label=_("Paper size for the PDF"),
        choices=PAPER,
        required=False,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _("“%(value)s” is not a paper size we print on: choose one.")
        },
    )

    language = forms.ChoiceField(
        label=_("Language of the report"),
        choices=language_choices,
        required=False,
        error_messages={
            "invalid_choice": _(
                "The report is not written in “%(value)s”, so it is in your language."
            )
        },
    )

    def __init__(self, query: QueryDict, accept_language: str = "") -> None:
        self.default_paper = default_paper(accept_language)
        # By default the report is in the reader's own language.
        self.default_language = get_language() or settings.LANGUAGE_CODE
        data = None
        if query.keys() & self.base_fields.keys():
            data = query.copy()
            data.setdefault("paper", self.default_paper)
        super().__init__(
            data, initial={"paper": self.default_paper, "language": self.default_language}
        )

    def report_language(self) -> str:
        """The language asked for, or the reader's own in place of anything unknown."""
        if not self.is_bound:
            return self.default_language
        self.is_valid()
        return self.cleaned_data.get("language") or self.default_language

    def choices(self) -> Choices:
        """The choices asked for, with the default in place of anything unknown."""
        if not self.is_bound:
            return Choices(paper=self.default_paper)
        self.is_valid()
        data = self.cleaned_data
        return Choices(
            stage=data.get("stage") or "",
            skip_empty=bool(data.get("skip_empty")),
            paper=data.get("paper") or self.default_paper,
        )
