from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from collaborations.models import Collaboration
from collaborations.money import MoneyField
from collaborations.text import CharacterCountMixin
from support.models import Activity, Barrier, ResourceLead

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# Without a date picker (no JavaScript, older browsers) people type the date: say how.
BAD_DATE = {"invalid": _("Enter the date as YYYY-MM-DD, for example 2026-05-14.")}


class CollaborationEntryForm(CharacterCountMixin, forms.ModelForm):
    """A support log entry always belongs to the collaboration whose page it is added on;
    `user` is the person writing it."""

    def __init__(self, *args, collaboration: Collaboration, user: AbstractBaseUser, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.collaboration = collaboration


class ActivityForm(CollaborationEntryForm):
    class Meta:
        model = Activity
        fields = [
            "date",
            "strategy",
            "mode",
            "description",
            "local_participants",
            "national_participants",
            "follow_ups",
        ]
        widgets = {
            "date": DATE_WIDGET,
            "mode": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "local_participants": forms.Textarea(attrs={"rows": 2}),
            "national_participants": forms.Textarea(attrs={"rows": 2}),
            "follow_ups": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "date": BAD_DATE,
            "strategy": {"invalid_choice": _("Choose one of the seven strategies.")},
        }

    def __init__(self, *args, user: AbstractBaseUser, **kwargs) -> None:
        super().__init__(*args, user=user, **kwargs)
        if self.instance.pk is None:
            self.instance.recorded_by = user
            self.initial.setdefault("date", timezone.localdate())
        self.fields["strategy"].choices = [
            ("", _("— choose a strategy —")),
            *Activity.Strategy.choices,
        ]

    def clean_date(self) -> datetime.date:
        """The log records support that has been given: no date after today (a date ahead
        would count as support given in the summary and the portfolio)."""
        date = self.cleaned_data["date"]
        today = timezone.localdate()
        if date and date > today:
            raise forms.ValidationError(
                _(
                    "The date %(date)s is after today (%(today)s). Record an activity once "
                    "it has happened."
                ),
                code="future",
                params={"date": date_format(date), "today": date_format(today)},
            )
        return date


class ResourceLeadForm(CollaborationEntryForm):
    class Meta:
        model = ResourceLead
        fields = ["source", "kind", "amount", "deadline", "status", "notes"]
        field_classes = {"amount": MoneyField}
        widgets = {
            "kind": forms.RadioSelect,
            "deadline": DATE_WIDGET,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {"deadline": BAD_DATE}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = ResourceLead.Kind.choices


class BarrierForm(CollaborationEntryForm):
    class Meta:
        model = Barrier
        fields = ["what", "who_can_unblock", "status", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
