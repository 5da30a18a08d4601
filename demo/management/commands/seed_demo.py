"""Create (or bring back) the demo collaboration, its demo accounts and its worksheets.

Idempotent: running it again finds what exists and adds what is missing; a worksheet that
already exists is left as it is, whatever it now says. It refuses to run when DEBUG is off,
because it creates accounts with published passwords, unless --force.
"""

from __future__ import annotations

from datetime import date

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from collaborations.models import Collaboration, Membership, Partner, Role, Sector
from demo.content import demo_answers
from demo.health import seed_health_checks
from demo.portfolio import seed_measurements, seed_portfolio, seed_sign_offs
from demo.support import seed_support
from stages import services
from stages.models import Tool, Worksheet

DEMO_PASSWORD = "intersector-demo"

ACCOUNTS = [
    # email, first name, last name, role, partner represented
    ("facilitator@example.org", "Dana", "Whitfield", Role.FACILITATOR, None),
    ("partner@example.org", "Luis", "Ortega", Role.PARTNER, "Riverside Workforce Alliance"),
    ("viewer@example.org", "Grace", "Amadi", Role.VIEWER, None),
]

COLLABORATION = {
    "name": "Riverside Youth Jobs Partnership",
    "issue": "Too many young people aged 16 to 24 in Riverside are neither in school nor working.",
    "community": "Riverside County",
    "start_date": date(2026, 3, 1),
    "description": (
        "The county, employers, a community college, two nonprofits, a community foundation "
        "and neighbourhood groups working together to connect young people to training, paid "
        "internships and first jobs."
    ),
}

PARTNERS = [
    ("Riverside County Office of Economic Development", Sector.GOVERNMENT, "Marcus Lee"),
    ("Riverside Unified School District", Sector.GOVERNMENT, "Anita Shah"),
    ("Harbor Logistics Group", Sector.BUSINESS, "Tom Becker"),
    ("Riverside Regional Hospital", Sector.BUSINESS, "Priya Natarajan"),
    ("Riverside Workforce Alliance", Sector.NONPROFIT, "Luis Ortega"),
    ("Youth Futures Network", Sector.NONPROFIT, "Keisha Brown"),
    ("Riverside Community Foundation", Sector.PHILANTHROPY, "Helen Cho"),
    ("Riverside Community College", Sector.ACADEMIA, "Dr. Samuel Osei"),
    ("Eastside Neighbours Association", Sector.COMMUNITY, "Rosa Delgado"),
]


class Command(BaseCommand):
    help = "Create the demo collaboration, its demo accounts and its worksheets (development only)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Run even when DEBUG is off (never in production)."
        )

    @transaction.atomic
    def handle(self, *args, force: bool = False, **options) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with published passwords; it runs only when DEBUG "
                "is on. Use --force to run it anyway."
            )
        collaboration, _ = Collaboration.objects.get_or_create(
            name=COLLABORATION["name"], defaults=COLLABORATION
        )
        partners = {}
        for name, sector, contact in PARTNERS:
            partners[name], _ = Partner.objects.get_or_create(
                collaboration=collaboration,
                name=name,
                defaults={
                    "sector": sector,
                    "contact_name": contact,
                    "contact_email": contact.removeprefix("Dr. ").lower().replace(" ", ".")
                    + "@example.org",
                    "status": Partner.Status.ACTIVE,
                },
            )
        users = {}
        for email, first, last, role, partner_name in ACCOUNTS:
            users[role] = user = self._account(email, first, last)
            Membership.objects.update_or_create(
                collaboration=collaboration,
                user=user,
                defaults={"role": role, "partner": partners.get(partner_name)},
            )
        filled = self._fill_worksheets(
            collaboration, partners, writer=users[Role.PARTNER], reviewer=users[Role.FACILITATOR]
        )
        seed_health_checks(collaboration)
        seed_support(collaboration, recorded_by=users[Role.FACILITATOR])
        seed_measurements(collaboration, users[Role.PARTNER])
        seed_sign_offs(collaboration, users[Role.FACILITATOR])
        seed_portfolio(users[Role.FACILITATOR])
        admin = self._account("admin@example.org", "Site", "Administrator")
        if not admin.is_superuser:
            admin.is_staff = admin.is_superuser = True
            admin.save(update_fields=["is_staff", "is_superuser"])

        self.stdout.write(self.style.SUCCESS(f"Demo collaboration: {collaboration.name}"))
        self.stdout.write(
            f"Demo worksheets filled: {filled} (worksheets that already existed were left as "
            "they are)."
        )
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
        for email, _first, _last, role, _partner in ACCOUNTS:
            self.stdout.write(f"  {email:<26} {role.label}")
        self.stdout.write(f"  {'admin@example.org':<26} site administrator (/admin/)")

    def _fill_worksheets(
        self, collaboration: Collaboration, partners: dict[str, Partner], *, writer, reviewer
    ) -> int:
        """Write the demo answers of every tool that has no worksheet yet: saved by the partner
        account, then moved to its status by the facilitator. Returns how many were written."""
        tools = Tool.objects.in_bulk(field_name="slug")
        existing = set(
            Worksheet.objects.filter(collaboration=collaboration).values_list(
                "tool__slug", flat=True
            )
        )
        filled = 0
        for slug, (status, answers) in demo_answers(partners).items():
            if status == Worksheet.Status.NOT_STARTED or slug in existing or slug not in tools:
                continue
            sheet = services.worksheet_save(
                worksheet=Worksheet(collaboration=collaboration, tool=tools[slug]),
                answers=answers,
                user=writer,
                version=0,
                status=Worksheet.Status.IN_PROGRESS,
            ).worksheet
            if status != Worksheet.Status.IN_PROGRESS:
                services.worksheet_set_status(
                    worksheet=sheet, status=status, user=reviewer, version=sheet.version
                )
            filled += 1
        return filled

    def _account(self, email: str, first: str, last: str):
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            email=email, defaults={"username": email, "first_name": first, "last_name": last}
        )
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        return user
