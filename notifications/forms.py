from __future__ import annotations

import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from notifications.models import CATEGORIES, Preferences


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = Preferences
        fields = [*CATEGORIES, "time_zone"]
        widgets = dict.fromkeys(CATEGORIES, forms.RadioSelect)

    def clean_time_zone(self) -> str:
        value = self.cleaned_data["time_zone"].strip()
        if value not in zoneinfo.available_timezones():
            raise forms.ValidationError(
                _(
                    "“%(value)s” is not a time zone we know: write it like Europe/Madrid or "
                    "America/Chicago."
                ),
                params={"value": value},
            )
        return value
