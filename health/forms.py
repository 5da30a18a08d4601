from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from health.factors import FACTORS, SCALE, THEMES

DONT_KNOW = ""


class RatingField(forms.TypedChoiceField):
    """One factor's rating: 1 to 5, or "don't know" (no rating)."""

    widget = forms.RadioSelect

    def __init__(self, **kwargs) -> None:
        super().__init__(
            choices=[
                *((str(value), label) for value, label in SCALE),
                (DONT_KNOW, _("Don't know")),
            ],
            coerce=int,
            empty_value=None,
            required=False,
            error_messages={
                "invalid_choice": _(
                    "Choose a rating from 1 (strongly disagree) to 5 (strongly agree), "
                    "or “Don't know”."
                )
            },
            **kwargs,
        )


class HealthCheckForm(forms.Form):
    """A rating per success factor, one field named after each factor's slug."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for factor in FACTORS:
            self.fields[factor.slug] = RatingField(label=factor.name, help_text=factor.statement)

    @classmethod
    def for_retake(cls, scores: dict[str, int]) -> HealthCheckForm:
        """An unbound form showing a member's latest ratings, to change what changed."""
        return cls(initial={slug: str(score) for slug, score in scores.items()})

    def clean(self) -> dict:
        cleaned = super().clean()
        if not self.errors and not self.ratings():
            raise forms.ValidationError(
                _("Rate at least one success factor; “Don't know” is fine for the others."),
                code="nothing_rated",
            )
        return cleaned

    def ratings(self) -> dict[str, int]:
        """The factors rated (slug → 1 to 5), leaving out those marked "don't know"."""
        return {slug: score for slug, score in self.cleaned_data.items() if score is not None}

    def themes(self) -> list[tuple[object, list[forms.BoundField]]]:
        """Each theme with its factors' bound fields, in the order members see them."""
        return [(theme, [self[factor.slug] for factor in theme.factors]) for theme in THEMES]
