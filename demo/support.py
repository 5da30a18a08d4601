"""The demo collaboration's support log: what its intermediaries (a national youth employment
funder and the federal regional workforce office) did for it between March and May 2026, two
resource leads and one barrier. Names and people are invented for the demo.

`seed_demo` calls `seed_support`; running it again adds only what is missing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser

from collaborations.models import Collaboration
from support.models import Activity, Barrier, Mode, ResourceLead, Strategy

NATIONAL = "Dana Whitfield (National Youth Pathways Fund)"

ACTIVITIES = [
    # date, strategy, mode, what happened, local participants, national participants, follow-ups
    (
        date(2026, 3, 12),
        Strategy.CONVENING,
        Mode.FACE_TO_FACE,
        "Kick-off convening at Riverside Community College. The nine partners agreed the "
        "problem statement and chose Eastside for a pilot cohort of 120 young people.",
        "Leads of all nine partner organizations; two young people from Youth Futures Network",
        f"{NATIONAL}; Carla Mendes (U.S. Department of Labor, regional office)",
        "Circulate the notes within a week. Schedule the vision workshop for early April.",
    ),
    (
        date(2026, 3, 26),
        Strategy.TRAINING,
        Mode.REMOTE,
        "Technical-assistance call on mapping stakeholders: how to score influence and "
        "interest, and how to reach groups that are usually missing from the table.",
        "Luis Ortega (Riverside Workforce Alliance); Keisha Brown (Youth Futures Network)",
        f"{NATIONAL}; a peer coach from the Tacoma youth jobs collaborative",
        "Luis finishes the stakeholder map before the next steering committee.",
    ),
    (
        date(2026, 4, 2),
        Strategy.CONVENING,
        Mode.FACE_TO_FACE,
        "Vision workshop at the Eastside Neighbours community room: partners wrote the "
        "vision statement together and each said what success would mean for them.",
        "All nine partners; Rosa Delgado hosted; eight young people and parents from Eastside",
        NATIONAL,
        "Keisha drafts the vision statement from the workshop notes for endorsement.",
    ),
    (
        date(2026, 4, 9),
        Strategy.RESEARCH,
        Mode.REMOTE,
        "Shared the national evaluation team's data on young people out of school and out of "
        "work, by census tract, to start the common fact base.",
        "Dr. Samuel Osei (Riverside Community College); Marcus Lee (county economic development)",
        "Evaluation team of the National Youth Pathways Fund",
        "College checks the tract figures against the district's enrolment data.",
    ),
    (
        date(2026, 4, 23),
        Strategy.REGULATORY,
        Mode.REMOTE,
        "Call with the state labor department about work permits and hour limits for 16- and "
        "17-year-old interns during the school year.",
        "Anita Shah (Riverside Unified School District); Tom Becker (Harbor Logistics Group)",
        "Carla Mendes (U.S. Department of Labor, regional office)",
        "Ask the Labor Commissioner's office for written guidance on school-year internships.",
    ),
    (
        date(2026, 5, 7),
        Strategy.ATTENTION,
        Mode.FACE_TO_FACE,
        "Site visit by the fund's national programme director: a tour of Harbor Logistics' "
        "warehouse training floor and a lunch with the first interns. Featured in the fund's "
        "newsletter and the Riverside Herald.",
        "Tom Becker (Harbor Logistics Group); Rosa Delgado (Eastside Neighbours Association); "
        "six interns",
        f"{NATIONAL}; the fund's programme director",
        "Send the Herald article to the two employers still deciding whether to join.",
    ),
    (
        date(2026, 5, 12),
        Strategy.TRAINING,
        Mode.REMOTE,
        "Technical assistance on a data-sharing agreement between the school district, the "
        "county and the Alliance that respects student privacy law (FERPA): what consent "
        "forms need to say and who may see what.",
        "Anita Shah (Riverside Unified School District); Marcus Lee (county economic "
        "development); Luis Ortega (Riverside Workforce Alliance)",
        "A data-privacy adviser from the U.S. Department of Education's technical "
        "assistance centre",
        "The district's counsel reviews the draft consent form by the end of May.",
    ),
    (
        date(2026, 5, 14),
        Strategy.RESOURCES,
        Mode.REMOTE,
        "Walked the partners through the federal youth apprenticeship readiness grant notice "
        "and what a joint application would need.",
        "Helen Cho (Riverside Community Foundation); Luis Ortega (Riverside Workforce Alliance)",
        NATIONAL,
        "Decide by 1 June whether to apply; the foundation drafts the budget if so.",
    ),
    (
        date(2026, 5, 20),
        Strategy.STAFF,
        Mode.FACE_TO_FACE,
        "The fund now pays for one day a week of a data analyst at the Alliance, until "
        "December, to help the program manager keep the commitment tracker and the "
        "indicator data up to date.",
        "Luis Ortega and the program manager (Riverside Workforce Alliance)",
        NATIONAL,
        "The analyst presents the first indicator update at the June steering committee.",
    ),
]

LEADS = [
    # source, kind, amount, deadline, status, notes
    (
        "U.S. Department of Labor: youth apprenticeship readiness grant",
        ResourceLead.Kind.FUNDING,
        Decimal("250000"),
        date(2026, 7, 15),
        ResourceLead.Status.TO_EXPLORE,
        "Needs a lead applicant with federal grants experience; the county is willing.",
    ),
    (
        "Harbor Logistics Group: training space and forklift simulators",
        ResourceLead.Kind.NON_FINANCIAL,
        None,
        None,
        ResourceLead.Status.REQUESTED,
        "Two evenings a week for the pilot cohort; awaiting the site manager's answer.",
    ),
]

BARRIERS = [
    # what, who can unblock it, status, notes
    (
        "School-year limits on working hours, and the work-permit process, for 16- and "
        "17-year-old interns slow down their placements.",
        "State Labor Commissioner's office; the school district issues the work permits",
        Barrier.Status.IN_PROGRESS,
        "Written guidance requested on 24 April 2026.",
    ),
]


def seed_support(collaboration: Collaboration, *, recorded_by: AbstractBaseUser) -> int:
    """Add the demo support log entries the collaboration does not have yet; returns how
    many were added."""
    added = 0
    for day, strategy, mode, what, local, national, follow_ups in ACTIVITIES:
        _, created = Activity.objects.get_or_create(
            collaboration=collaboration,
            date=day,
            strategy=strategy,
            defaults={
                "mode": mode,
                "description": what,
                "local_participants": local,
                "national_participants": national,
                "follow_ups": follow_ups,
                "recorded_by": recorded_by,
            },
        )
        added += created
    for source, kind, amount, deadline, status, notes in LEADS:
        _, created = ResourceLead.objects.get_or_create(
            collaboration=collaboration,
            source=source,
            defaults={
                "kind": kind,
                "amount": amount,
                "deadline": deadline,
                "status": status,
                "notes": notes,
            },
        )
        added += created
    for what, who, status, notes in BARRIERS:
        _, created = Barrier.objects.get_or_create(
            collaboration=collaboration,
            what=what,
            defaults={"who_can_unblock": who, "status": status, "notes": notes},
        )
        added += created
    return added
