from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from stages.models import Comment, Measurement, SignOff


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
