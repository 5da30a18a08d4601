from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from collaborations import language
from collaborations.models import Collaboration, Invitation, Membership, Partner, Role
from collaborations.money import currency_choices, default_currency
from collaborations.text import CharacterCountMixin


class SignupNameForm(forms.Form):
    """The extra fields on the sign-up page (allauth's `ACCOUNT_SIGNUP_FORM_CLASS`)."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)

    field_order = ["first_name", "last_name"]

    def signup(self, request, user: AbstractBaseUser) -> None:
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])
        language.signed_up(request, user)


class CollaborationForm(CharacterCountMixin, forms.ModelForm):
    class Meta:
        model = Collaboration
        fields = ["name", "issue", "community", "start_date", "description", "currency"]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["currency"] = forms.ChoiceField(
            label=self.fields["currency"].label,
            # The model field's own help text: the form's field carries a character limit
            # hint that means nothing for a list of choices.
            help_text=Collaboration._meta.get_field("currency").help_text,
            choices=currency_choices(self.instance.currency),
            initial=self.instance.currency,
            required=False,
        )

    def clean_currency(self) -> str:
        return self.cleaned_data["currency"] or default_currency()


class PartnerForm(CharacterCountMixin, forms.ModelForm):
    class Meta:
        model = Partner
        fields = [
            "name",
            "sector",
            "status",
            "contact_name",
            "contact_email",
            "contact_phone",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, collaboration: Collaboration, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.instance.collaboration = collaboration

    def clean_name(self) -> str:
        # The database enforces this too; checking here puts the message next to the field.
        name = self.cleaned_data["name"].strip()
        others = self.instance.collaboration.partners.exclude(pk=self.instance.pk)
        if others.filter(name__iexact=name).exists():
            raise forms.ValidationError(_("This collaboration already has a partner by that name."))
        return name


class PartnerChoiceMixin:
    """Limits the "represents" field to the collaboration's own partner organizations.

    `partners`, when given, is the already-loaded list to offer, so a page with a form per
    member asks the database for the partners once rather than once per form.
    """

    def limit_partners(self, collaboration: Collaboration, partners: list | None = None) -> None:
        field = self.fields["partner"]
        field.queryset = collaboration.partners.order_by("name")
        field.empty_label = _("— no organization —")
        field.help_text = _("The partner organization this person speaks for, if any.")
        if partners is not None:
            field.choices = [("", field.empty_label), *((p.pk, p.name) for p in partners)]


class InvitationForm(PartnerChoiceMixin, forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role", "partner", "language"]

    def __init__(self, *args, collaboration: Collaboration, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # In the inviter's language unless they choose the invitee's.
        self.fields["language"].required = False
        self.fields["language"].initial = get_language()
        self.collaboration = collaboration
        self.instance.collaboration = collaboration
        self.limit_partners(collaboration)

    def clean_language(self) -> str:
        return self.cleaned_data.get("language") or get_language() or settings.LANGUAGE_CODE

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if self.collaboration.memberships.filter(user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is already a member."))
        # A second invitation would list the person twice, with two links that both work.
        if self.collaboration.invitations.filter(
            email__iexact=email, accepted_at__isnull=True, expires_at__gt=timezone.now()
        ).exists():
            raise forms.ValidationError(
                _(
                    "This address has an open invitation already: copy its link under "
                    "“Open invitations”, or withdraw it and invite again."
                )
            )
        return email


class MembershipForm(PartnerChoiceMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "partner"]

    def __init__(self, *args, partners: list | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limit_partners(self.instance.collaboration, partners)
        # In the members table each row's fields are named by their labels; the help that
        # explains the choice once, on the invitation form, is not repeated per row.
        self.fields["partner"].help_text = ""
        # Every member has a role: a required choice with no empty option to pick.
        self.fields["role"].choices = Role.choices
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"

    def clean_role(self) -> str:
        role = self.cleaned_data["role"]
        was_facilitator = self.instance.role == Role.FACILITATOR
        if was_facilitator and role != Role.FACILITATOR and self.instance.is_last_facilitator():
            raise forms.ValidationError(
                _("A collaboration needs at least one facilitator. Make someone else one first.")
            )
        return role
