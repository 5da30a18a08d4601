from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from collaborations.models import Partner
from collaborations.money import NumberField
from collaborations.text import CharacterCountMixin
from stages.models import Comment, Measurement, SignOff


class SignOffForm(CharacterCountMixin, forms.Form):
    """A partner organization's position on a worksheet. A member records it for the
    organization they represent; a member who may record for others (a facilitator) may
    choose another organization, but only by saying they record it on its behalf."""

    position = forms.ChoiceField(
        label=_("Position"), choices=SignOff.Position.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Needed with reservations or disagreement: say what concerns you and what would "
            "change your mind."
        ),
    )

    def __init__(
        self,
        *args,
        own: Partner | None,
        partners: list[Partner],
        for_others: bool,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.own = own
        self.partners = {p.pk: p for p in partners}
        if for_others:
            ordered = sorted(partners, key=lambda p: (p != own, p.name.lower()))
            self.fields["partner"] = forms.TypedChoiceField(
                label=_("Organization"),
                choices=[("", "—"), *((str(p.pk), p.name) for p in ordered)],
                coerce=int,
                initial=own.pk if own else "",
            )
            self.fields["on_behalf"] = forms.BooleanField(
                label=_(
                    "I do not represent this organization: I am recording its position on "
                    "its behalf, as its representatives told me."
                ),
                required=False,
            )
            self.order_fields(["partner", "position", "note", "on_behalf"])

    def clean(self) -> dict:
        data = super().clean()
        if data.get("position") in SignOff.NEEDS_NOTE and not (data.get("note") or "").strip():
            self.add_error(
                "note",
                _(
                    "Say what the reservations or the disagreement are, so the other "
                    "partners can respond."
                ),
            )
        if "partner" in self.fields and data.get("partner") is not None:
            partner = self.partners.get(data["partner"])
            if partner is None:
                self.add_error("partner", _("Choose one of the partner organizations."))
            elif partner != self.own and not data.get("on_behalf"):
                self.add_error(
                    "on_behalf",
                    _(
                        "You do not represent %(partner)s. Tick this to record its position "
                        "on its behalf (the record will say so), or choose your own "
                        "organization."
                    )
                    % {"partner": partner.name},
                )
        return data

    @property
    def partner(self) -> Partner | None:
        """The organization this position is for: chosen, or the member's own."""
        if "partner" in self.fields:
            return self.partners.get(self.cleaned_data.get("partner"))
        return self.own

    @property
    def is_on_behalf(self) -> bool:
        return self.partner is not None and self.partner != self.own


class CommentForm(CharacterCountMixin, forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}


class MeasurementForm(CharacterCountMixin, forms.ModelForm):
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
