from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from stages.models import Comment, Measurement, SignOff
from stages.worksheets.forms import NumberField


class SignOffForm(forms.ModelForm):
    class Meta:
        model = SignOff
        fields = ["position", "note"]
        widgets = {
            "position": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"note": _("Reservations or disagreements: say what would change your mind.")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["position"].choices = SignOff.Position.choices


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}


class MeasurementForm(forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["date", "value", "note"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        field_classes = {"value": NumberField}

    def clean_date(self) -> datetime.date:
        """A measurement is of something that has happened: no date after today."""
        date = self.cleaned_data["date"]
        today = timezone.localdate()
        if date > today:
            raise forms.ValidationError(
                _(
                    "The date %(date)s is after today (%(today)s). Record a measurement once "
                    "it has been taken."
                ),
                code="future",
                params={"date": date_format(date), "today": date_format(today)},
            )
        return date
