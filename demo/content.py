"""What the demo collaboration, the Riverside Youth Jobs Partnership, has written in each of
the seventeen worksheets so far.

The story: nine partners came together in March 2026 to connect young people aged 16 to 24
in Riverside County who are neither in school nor working to training, paid internships and
first jobs, starting with a pilot cohort of 120 from Eastside. By late May 2026 they have
finished the diagnosis, mostly settled the design, started implementing and begun to think
about the evaluation; nobody has started telling the story yet. The people, employers and
numbers are invented for the demo.

`seed_demo` writes these answers through the worksheet services, so they are versioned like
any other save. Every value is stored as the worksheet forms store it (see
`stages.worksheets.forms.to_json`): money and numbers as floats, dates as ISO strings,
partners as primary keys.
"""

from __future__ import annotations

from typing import Any

from collaborations.models import Partner
from stages.models import WorksheetStatus

COMPLETE = WorksheetStatus.COMPLETE.value
READY = WorksheetStatus.READY_FOR_REVIEW.value
IN_PROGRESS = WorksheetStatus.IN_PROGRESS.value
NOT_STARTED = WorksheetStatus.NOT_STARTED.value

# The partner organizations, as named in seed_demo.PARTNERS.
PARTNER_KEYS = {
    "county": "Riverside County Office of Economic Development",
    "district": "Riverside Unified School District",
    "harbor": "Harbor Logistics Group",
    "hospital": "Riverside Regional Hospital",
    "alliance": "Riverside Workforce Alliance",
    "youth": "Youth Futures Network",
    "foundation": "Riverside Community Foundation",
    "college": "Riverside Community College",
    "eastside": "Eastside Neighbours Association",
}


def _rows(table: str, columns: tuple[str, ...], *rows: tuple) -> list[dict[str, Any]]:
    """Table rows with stable ids ("demo-<table>-<n>"), values given in column order."""
    prefix = "demo-" + table.replace("_", "-")
    return [
        {"id": f"{prefix}-{number}", **dict(zip(columns, row, strict=True))}
        for number, row in enumerate(rows, start=1)
    ]


def demo_answers(partners: dict[str, Partner]) -> dict[str, tuple[str, dict[str, Any]]]:
    """Each tool's slug mapped to the demo worksheet's status and answers. A tool whose status
    is "not started" has no answers and gets no worksheet."""
    p = {key: partners[name].pk for key, name in PARTNER_KEYS.items()}
    everyone = list(p.values())
    return {
        "engage-potential-partners": (COMPLETE, _engage_potential_partners()),
        "share-a-vision-of-success": (COMPLETE, _share_a_vision_of_success(p)),
        "assess-the-history": (COMPLETE, _assess_the_history()),
        "account-for-resources": (COMPLETE, _account_for_resources(p)),
        "establish-transparency-of-viewpoints": (
            COMPLETE,
            _establish_transparency_of_viewpoints(p),
        ),
        "build-a-common-fact-base": (COMPLETE, _build_a_common_fact_base()),
        "agree-on-measures-of-success": (COMPLETE, _agree_on_measures_of_success(p)),
        "commit-to-information-sharing": (READY, _commit_to_information_sharing(p, everyone)),
        "share-discretion": (COMPLETE, _share_discretion(p)),
        "establish-a-governance-structure": (
            COMPLETE,
            _establish_a_governance_structure(p, everyone),
        ),
        "identify-a-manager": (READY, _identify_a_manager()),
        "communicate-interdependency": (IN_PROGRESS, _communicate_interdependency()),
        "demonstrate-competency": (READY, _demonstrate_competency(p)),
        "manage-expectations": (IN_PROGRESS, _manage_expectations()),
        "recruit-a-sponsor-or-champion": (IN_PROGRESS, _recruit_a_sponsor_or_champion(p)),
        "define-the-intent-of-the-evaluation": (
            IN_PROGRESS,
            _define_the_intent_of_the_evaluation(p),
        ),
        "tell-the-story": (NOT_STARTED, {}),
    }


# Diagnosis ------------------------------------------------------------------------------


def _engage_potential_partners() -> dict[str, Any]:
    return {
        "stakeholders": _rows(
            "stakeholders",
            ("organization", "sector", "stake", "influence", "interest", "closeness", "status"),
            (
                "Harbor Logistics Group",
                "business",
                "Hires over 300 warehouse staff and drivers a year; about half of its hires "
                "under 25 leave within three months",
                4,
                5,
                "Sits on the county Workforce Development Board",
                "committed",
            ),
            (
                "Riverside Unified School District",
                "government",
                "Its graduates with no plan after June are the young people we most want to "
                "reach early",
                4,
                4,
                "Answers to an elected school board; counselors know each senior by name",
                "committed",
            ),
            (
                "Riverside Community College",
                "academia",
                "Wants more Eastside enrollment and short certificates that lead straight to jobs",
                4,
                5,
                "Works closely with the Workforce Development Board and local employers",
                "committed",
            ),
            (
                "Eastside Neighbours Association",
                "community",
                "Families on Eastside live with the problem: young adults at home with no work "
                "and no course",
                2,
                5,
                "Knows the ward's council member; runs the Eastside community center",
                "committed",
            ),
            (
                "Riverside Chamber of Commerce",
                "business",
                "Small members need entry-level staff but cannot run a youth program alone",
                4,
                3,
                "600 member businesses; meets the mayor's office monthly",
                "interested",
            ),
            (
                "Riverside Transit Agency",
                "government",
                "Its timetables decide whether Eastside youth can reach early warehouse shifts",
                3,
                2,
                "Board of elected officials from the county and its cities",
                "contacted",
            ),
        ),
        "networks": (
            "The county's Workforce Development Board already funds youth services under the "
            "federal Workforce Innovation and Opportunity Act (WIOA) through two providers, one "
            "of them the Riverside Workforce Alliance. The school district runs fourteen career "
            "technical education pathways, but its support stops at graduation. Youth Futures "
            "Network convenes the Eastside Youth Coalition, eleven youth-serving groups that "
            "meet monthly. The Chamber's Hire Local pledge has 40 signatory businesses but no "
            "training behind it.\n\n"
            "Our work could help or hurt all of these: if we recruit the same young people and "
            "chase the same grants, we compete with them; if we route young people into their "
            "services, we make them stronger."
        ),
        "alignment": (
            "Employers want reliable entry-level staff who stay past the first three months. "
            "The college wants enrollments and completions, the district wants better outcomes "
            "for its graduates, the nonprofits want jobs for the young people they already "
            "serve, and the foundation wants a measurable result on Eastside.\n\n"
            "One route serves all of them: outreach through the district and Youth Futures, a "
            "short course at the college, a paid internship with an employer, and a job coach "
            "from the Alliance throughout. Each partner gets a result it can count, and the "
            "foundation's grant pays for what nobody else funds: training stipends, bus passes "
            "and the evaluation."
        ),
    }


def _share_a_vision_of_success(p: dict[str, int]) -> dict[str, Any]:
    return {
        "vision": (
            "By 2029, any young person in Riverside County who is out of school and out of "
            "work can find, within a month of asking, a route into training, a paid internship "
            "or a first job. Eastside, where the problem is worst, is no longer the exception."
        ),
        "goals": (
            "1. Build one route from outreach to training, a paid internship and a first job, "
            "run by the partners together.\n"
            "2. Place 100 young people in paid internships in summer 2026, and 300 a year by "
            "2028.\n"
            "3. Have 15 employers hosting interns by the end of 2026.\n"
            "4. Bring the share of 16-to-24-year-olds on Eastside who are neither in school nor "
            "working down from 21% to 15% by 2029."
        ),
        "ideal_outcomes": (
            "Young people leave the program with a wage, a reference and a certificate. "
            "Employers keep at least two in three of the interns they hire. Families on "
            "Eastside know where to send a son or daughter who is stuck. The county and the "
            "foundation fund the route as a standing service rather than a pilot."
        ),
        "priorities": (
            "First, the summer 2026 pilot cohort of 120: recruiting, training and placing them "
            "well matters more than growing fast. Second, employers beyond our two founding "
            "ones. Third, the data agreement that lets us follow participants for a year. "
            "Expanding to other neighborhoods waits until the six-month results are in."
        ),
        "partner_success": _rows(
            "partner_success",
            ("partner", "success", "benefit"),
            (
                p["harbor"],
                "Three in four new hires under 25 stay past 90 days, up from about half",
                "Lower hiring and training costs; a local pipeline for the new distribution center",
            ),
            (
                p["hospital"],
                "Twenty interns a year move into patient transport, dietary and environmental "
                "services jobs",
                "Fills hard-to-staff roles and feeds its medical assistant apprenticeship",
            ),
            (
                p["college"],
                "Eastside enrollment in short certificates doubles, and most Career Launch "
                "students take a second course",
                "Enrollment and completion funding; closer ties with local employers",
            ),
            (
                p["district"],
                "Every 2026 graduate without a plan gets a personal offer before September",
                "Better post-graduation outcomes to report to the school board",
            ),
            (
                p["eastside"],
                "Families on Eastside know the program by name and trust it",
                "A visible answer to the worry its members raise most often",
            ),
            (
                p["foundation"],
                "A measurable fall in youth disconnection on Eastside that other funders join",
                "Evidence that its place-based grantmaking works",
            ),
        ),
        "differences": (
            "Employers measure success by how long young people stay in their own jobs; Youth "
            "Futures and Eastside Neighbours count a young person who chooses college or "
            "another employer as a success too. We agreed that work, training or study six "
            "months on all count, and that each employer also sees its own retention figures.\n\n"
            "The college would like every participant to enroll in a credit course; the other "
            "partners see that as one good option among several. We can live with both views."
        ),
    }


def _assess_the_history() -> dict[str, Any]:
    return {
        "efforts": _rows(
            "efforts",
            ("name", "period", "led_by", "outcome", "helped", "hindered", "lesson"),
            (
                "Summer of Work youth jobs program",
                "Summers of 2016 to 2019",
                "Riverside County Office of Economic Development",
                "partly",
                "Public money for about 400 summer jobs a year; employers keen in July",
                "Jobs ended in August with no next step; most placements were in public offices",
                "A summer job needs a next step attached, and private employers must be in "
                "from the start",
            ),
            (
                "Eastside Opportunity Youth pilot",
                "January 2021 to June 2022",
                "Youth Futures Network, with a state grant",
                "failed",
                "Peer outreach reached 260 young people in its first year",
                "No employer commitments; the grant ended after 18 months and the staff left",
                "Outreach without jobs to offer loses young people's trust quickly",
            ),
            (
                "Warehouse Ready certificate",
                "Since autumn 2023",
                "Riverside Community College with Harbor Logistics Group",
                "succeeded",
                "Employer co-designed the course; graduates interview on the last day",
                "Only 22 seats a term, and few Eastside students had heard of it",
                "Co-design with employers works; outreach must go through trusted "
                "neighborhood groups",
            ),
            (
                "Volunteer-to-hire program",
                "Since March 2024",
                "Riverside Regional Hospital",
                "ongoing",
                "A clear path from volunteering into paid entry-level roles",
                "Three unpaid months shut out young people who need to earn",
                "Pay young people from the first day",
            ),
        ),
        "single_sector_limits": (
            "The county can pay for summer jobs but cannot create private-sector positions or "
            "keep young people employed once the money runs out. Employers have the jobs but no "
            "way to find, prepare or support young people who have left school, and they "
            "cannot carry the cost of early turnover alone. The college can train, but only "
            "students who arrive, and only for jobs that exist. The nonprofits reach young "
            "people but have no jobs to offer and live from grant to grant.\n\n"
            "Every earlier effort in the county was led by one sector, and each stalled at the "
            "point where it needed another sector's help."
        ),
        "other_sectors": (
            "Philanthropy can pay for what public funding rules do not cover: stipends during "
            "training, bus passes, an independent evaluation. Eastside Neighbours carries a "
            "trust with families that no institution has. The school district knows, by name, "
            "which graduates have no plan. The transit agency and the Chamber of Commerce are "
            "not partners yet, but they could solve the early-shift travel problem and bring "
            "in small employers."
        ),
        "policies": (
            "WIOA youth funds must mostly be spent on young people who are out of school, and "
            "each participant's eligibility has to be documented, which can take weeks. "
            "California's minimum wage of $16.90 an hour in 2026 sets the floor for intern "
            "pay; we agreed on $18. Sixteen- and seventeen-year-olds need work permits. "
            "Student records are protected by federal privacy law (FERPA), so the district "
            "can share graduates' contact details only with consent. Bus timetables are set "
            "by the Riverside Transit Agency's board."
        ),
        "conditions": (
            "In our favor: Harbor Logistics opens a second distribution center in October 2026 "
            "and needs 180 staff; the hospital has 60 open entry-level posts; the foundation "
            "has made Eastside its priority for 2026 to 2028; and the college has just opened "
            "a satellite classroom on Eastside.\n\n"
            "Against us: warehouse first shifts start at 5:30 a.m., before the buses run; many "
            "young people need to earn from the first week; and trust in programs on Eastside "
            "is low since the 2022 pilot ended abruptly."
        ),
    }


def _account_for_resources(p: dict[str, int]) -> dict[str, Any]:
    return {
        "resources": _rows(
            "resources",
            ("partner", "kind", "description", "value", "status"),
            (
                p["foundation"],
                "funding",
                "Two-year grant: $500 training stipends, bus passes, data assistant and evaluation",
                250000.0,
                "committed",
            ),
            (
                p["county"],
                "funding",
                "WIOA youth funds for intern wages, summer 2026 cohort",
                180000.0,
                "committed",
            ),
            (
                p["alliance"],
                "staff_time",
                "Two full-time job coaches and case management for 120 participants",
                140000.0,
                "committed",
            ),
            (
                p["college"],
                "expertise",
                "Career Launch six-week course: two instructors, curriculum, certificates and "
                "the Eastside classroom",
                96000.0,
                "committed",
            ),
            (
                p["harbor"],
                "staff_time",
                "30 internship placements with trained supervisors and forklift certification",
                42000.0,
                "pledged",
            ),
            (
                p["hospital"],
                "staff_time",
                "25 internship placements, each with a mentor for two hours a week",
                38000.0,
                "pledged",
            ),
        ),
        "use_plan": (
            "Training comes first, at the college's Eastside classroom, with stipends from "
            "the foundation grant so that nobody has to choose between the course and a "
            "paycheck. Interns are then paid from the county's WIOA funds and placed with "
            "Harbor Logistics, the hospital and, we hope, small employers recruited through "
            "the Chamber. The Alliance's job coaches follow each young person from the first "
            "week of class to six months into a job. Eastside Neighbours hosts evening "
            "drop-in hours in its community room at no cost.\n\n"
            "The county's wage funding depends on eligibility checks, so the Alliance starts "
            "the paperwork during the course. Helen Cho (foundation) and Luis Ortega "
            "(Alliance) keep this ledger up to date and bring it to every steering committee "
            "meeting."
        ),
        "gaps": (
            "Transport to early shifts: about 40 interns will need rides to 5:30 a.m. starts, "
            "roughly $35,000 for the summer. Wages for interns who are not WIOA-eligible, "
            "about one in five: some $70,000. A way to follow participants after the program "
            "ends. Supervisor training for small employers that have never hosted an intern."
        ),
        "sources": (
            "The transit agency's vanpool program and Harbor Logistics' own shift shuttle for "
            "transport. Chamber members who signed the Hire Local pledge, for privately paid "
            "internships. A state workforce grant, with applications due in September 2026, "
            "for non-eligible interns' wages. The college's institutional research office "
            "could host the follow-up data at cost, and retired supervisors from the "
            "hospital's volunteer corps could coach small employers."
        ),
    }


def _establish_transparency_of_viewpoints(p: dict[str, int]) -> dict[str, Any]:
    return {
        "viewpoints": _rows(
            "viewpoints",
            ("partner", "priorities", "concerns", "non_negotiables"),
            (
                p["harbor"],
                "Reliable attendance and safety on the warehouse floor",
                "Being asked to lower hiring standards or to carry interns who are not ready",
                "Safety certification before anyone works near equipment",
            ),
            (
                p["youth"],
                "Young people's dignity and their choice of path",
                "That the program becomes a labor supply line for two employers",
                "No young person is sent to a job without a say in it",
            ),
            (
                p["county"],
                "Spending WIOA funds on time and meeting federal performance measures",
                "Audit findings if eligibility paperwork is incomplete",
                "Eligibility rules are followed for every publicly funded intern",
            ),
            (
                p["foundation"],
                "Evidence of change on Eastside within three years",
                "Being left as the only funder when the grant ends",
                "Results are reported publicly, good or bad",
            ),
            (
                p["eastside"],
                "Young people from Eastside get the first places",
                "Outside organizations taking the credit and then leaving",
                "A community seat with a vote on the steering committee",
            ),
            (
                p["district"],
                "Reaching students in the weeks right after graduation",
                "Sharing student information without proper consent",
                "No student record leaves the district without written consent",
            ),
        ),
        "channels": (
            "Each steering committee meeting opens with a round in which every partner names "
            "one worry. Anyone can raise a concern in confidence with our facilitator, Dana "
            "Whitfield, who brings it to the group without naming its source unless asked to. "
            "Concerns get a written answer within two weeks.\n\n"
            "Eastside Neighbours and Youth Futures hold a listening session with young people "
            "every quarter and report what they heard. The order of speaking rotates so that "
            "the largest partners do not always set the tone."
        ),
        "consensus": (
            "Interns are paid from the first day, at $18 an hour. Young people from Eastside "
            "have priority in the first cohort. Work, training or study six months on all "
            "count as success, not only a job with a partner. Results are published twice a "
            "year."
        ),
        "disagreements": (
            "Harbor Logistics wants interns aged 18 and over only, for insurance reasons; "
            "Youth Futures wants 16- and 17-year-olds included. We have asked the county's "
            "risk management office what cover a work-experience placement needs, and will "
            "decide at the 12 May steering meeting.\n\n"
            "The foundation wants an outside evaluator; the county would rather use its own "
            "research analyst. That question moves to the evaluation worksheet."
        ),
    }


# Design ---------------------------------------------------------------------------------


def _build_a_common_fact_base() -> dict[str, Any]:
    return {
        "facts": _rows(
            "facts",
            ("statement", "source", "date", "relevance", "consensus"),
            (
                "About 38,500 people aged 16 to 24 in Riverside County, 12.8%, are neither in "
                "school nor working",
                "County Office of Economic Development, from Census five-year estimates",
                "2026-01-15",
                "Sets the size of the problem and our long-term baseline",
                "agreed",
            ),
            (
                "On Eastside the rate is 21%, about 2,300 young people",
                "County Office of Economic Development, tract-level estimates",
                "2026-01-15",
                "The reason the pilot starts on Eastside",
                "agreed",
            ),
            (
                "Harbor Logistics and the hospital posted 410 entry-level openings in 2025 that "
                "needed no degree",
                "Harbor Logistics and Riverside Regional Hospital HR records",
                "2026-02-10",
                "There are real jobs to place young people into",
                "agreed",
            ),
            (
                "Just over half of Harbor Logistics' hires under 25 leave within 90 days",
                "Harbor Logistics HR, 2025 hires",
                "2026-02-10",
                "Retention is the employers' main test of the program",
                "disputed",
            ),
            (
                "About one in four of the district's 2025 graduates had no known plan that autumn",
                "District senior exit survey and counselor follow-up calls",
                "2026-03-20",
                "The district can find young people before they disconnect",
                "needs_data",
            ),
            (
                "The first bus from Eastside reaches the distribution center at 6:40 a.m.; the "
                "first shift starts at 5:30",
                "Riverside Transit Agency timetable",
                "2026-03-02",
                "Transport decides who can take warehouse jobs at all",
                "agreed",
            ),
        ),
        "problem": (
            "About 38,500 young people in Riverside County, and one in five on Eastside, are "
            "neither in school nor working, while local employers cannot fill hundreds of "
            "entry-level jobs that need no degree. The young people are not reaching those "
            "jobs, or not staying in them, because nobody connects the steps between them: "
            "the district loses touch at graduation, training is hard to find and unpaid, "
            "first shifts start before the buses run, and nobody supports a new hire through "
            "the first difficult weeks. We are setting out to build and test that connection."
        ),
        "agreement_process": (
            "A disputed fact goes to the data workgroup, which has four weeks to find a better "
            "source or commission a small piece of analysis. If the data cannot settle it, we "
            "record both readings and say so wherever the fact is used. The county's research "
            "analyst and the college's institutional research office review the whole fact "
            "base every six months; the next review is in September 2026."
        ),
        "data_gaps": (
            "We do not know why young hires leave early: Harbor Logistics reads it as a "
            "question of readiness, Youth Futures as one of schedules and transport. Harbor "
            "Logistics will share summaries of its exit interviews, and Youth Futures will "
            "survey 80 former employees under 25 by the end of July 2026.\n\n"
            "We also lack a reliable count of graduates without a plan; the district will "
            "repeat its follow-up calls in October. Meanwhile we design for both explanations, "
            "with job coaching and help with transport."
        ),
    }


def _agree_on_measures_of_success(p: dict[str, int]) -> dict[str, Any]:
    return {
        "criteria": (
            "An indicator earns its place if it links to a goal in our shared vision, a partner "
            "already collects the data or can do so cheaply, it is counted the same way every "
            "time, and a change in it would change a decision. We prefer a few indicators that "
            "every partner understands to many that only an evaluator reads, and each has a "
            "named partner responsible for its data."
        ),
        "indicators": _rows(
            "indicators",
            (
                "name",
                "definition",
                "horizon",
                "unit",
                "baseline",
                "target",
                "target_date",
                "data_source",
                "responsible",
            ),
            (
                "Career Launch enrollments",
                "Young people who attend the first week of the six-week course",
                "short_term",
                "young people",
                0.0,
                120.0,
                "2026-07-31",
                "College enrollment records",
                p["college"],
            ),
            (
                "Internships completed",
                "Interns who finish at least six of the eight paid weeks",
                "short_term",
                "interns",
                0.0,
                100.0,
                "2026-09-30",
                "Alliance case management system",
                p["alliance"],
            ),
            (
                "Employers hosting interns",
                "Employers with at least one intern placed during the year",
                "short_term",
                "employers",
                2.0,
                15.0,
                "2026-12-31",
                "Alliance placement log",
                p["county"],
            ),
            (
                "Working, training or studying six months on",
                "Share of completers in work, training or education six months after the "
                "internship",
                "mid_term",
                "% of completers",
                48.0,
                70.0,
                "2027-03-31",
                "Follow-up calls and state wage records",
                p["alliance"],
            ),
            (
                "Youth disconnection on Eastside",
                "Share of 16-to-24-year-olds on Eastside neither in school nor working",
                "long_term",
                "% of 16-to-24-year-olds",
                21.0,
                15.0,
                "2029-12-31",
                "Census five-year estimates, tract level",
                p["county"],
            ),
        ),
        "collection_capacity": (
            "The college and the Alliance already record enrollments, attendance and "
            "placements. The county can match participants against state wage records, but "
            "only with their signed consent and a data agreement (see the information-sharing "
            "worksheet). Nobody has the staff yet for six-month follow-up calls, so the "
            "foundation grant includes $15,000 for a part-time data assistant at the "
            "Alliance.\n\n"
            "The Alliance records the short-term indicators monthly; the county updates the "
            "Eastside rate each December, when new estimates come out."
        ),
    }


def _commit_to_information_sharing(p: dict[str, int], everyone: list[int]) -> dict[str, Any]:
    return {
        "data_sharing": _rows(
            "data_sharing",
            ("information", "held_by", "shared_with", "frequency", "sensitivity", "agreement"),
            (
                "Contact details of 2026 graduates with no plan, for those who consent",
                p["district"],
                [p["alliance"], p["youth"]],
                "Once in June 2026, then each term",
                "personal",
                "under_discussion",
            ),
            (
                "Career Launch attendance and completion",
                p["college"],
                [p["alliance"], p["county"]],
                "Weekly while the course runs",
                "personal",
                "agreed",
            ),
            (
                "Intern timesheets and supervisor feedback",
                p["harbor"],
                [p["alliance"]],
                "Every two weeks",
                "personal",
                "agreed",
            ),
            (
                "Entry-level openings and planned hiring dates",
                p["hospital"],
                [p["alliance"], p["college"], p["youth"]],
                "Monthly",
                "internal",
                "agreed",
            ),
            (
                "Participants' earnings from state wage records",
                p["county"],
                [p["alliance"]],
                "Twice a year",
                "confidential",
                "proposed",
            ),
            (
                "Program counts: enrollments, placements and six-month outcomes",
                p["alliance"],
                everyone,
                "Quarterly",
                "public",
                "signed",
            ),
        ),
        "steward": p["alliance"],
        "stewardship": (
            "The Alliance keeps the shared participant file in its case management system, "
            "which already meets the county's security requirements. Only named staff at the "
            "Alliance, the college and the county can see personal data; other partners see "
            "counts. Personal data is kept for three years after a young person leaves the "
            "program and then deleted, and a partner that leaves the collaboration loses "
            "access the same day. The data workgroup reviews the access list every quarter."
        ),
    }


def _share_discretion(p: dict[str, int]) -> dict[str, Any]:
    return {
        "decision_rights": _rows(
            "decision_rights",
            ("area", "lead", "expertise", "consulted", "stage"),
            (
                "Who is eligible, and who gets priority",
                p["youth"],
                "Runs the outreach and knows the young people the program is for",
                [p["eastside"], p["county"], p["alliance"]],
                "design",
            ),
            (
                "Course content and certificates",
                p["college"],
                "Designs and accredits short workforce courses",
                [p["harbor"], p["hospital"]],
                "design",
            ),
            (
                "Internship placements and supervision",
                p["alliance"],
                "Case-manages placements and already works with 60 employers",
                [p["harbor"], p["hospital"], p["youth"]],
                "implementation",
            ),
            (
                "Workplace safety and job requirements",
                p["harbor"],
                "Knows the safety rules and the roles on its own sites",
                [p["hospital"], p["alliance"]],
                "implementation",
            ),
            (
                "Use of the foundation grant",
                p["foundation"],
                "Accountable to its board for every grant dollar",
                [p["county"], p["alliance"]],
                "implementation",
            ),
            (
                "Evaluation design and public reporting",
                p["county"],
                "Has a research analyst and the data on youth disconnection",
                [p["foundation"], p["college"], p["eastside"]],
                "assessment",
            ),
        ),
        "stakes": (
            "Every partner leads on at least one area close to its mission: Youth Futures on "
            "who is served, the college on training, the Alliance on placements, Harbor "
            "Logistics on safety, the foundation on its grant and the county on measurement. "
            "The school district and Eastside Neighbours do not lead an area, but they are "
            "consulted where their knowledge matters most, and Eastside Neighbours holds a "
            "voting seat on the steering committee."
        ),
        "overlaps": (
            "When a decision touches two areas, for instance moving a course date that shifts "
            "internship start dates, the two leads settle it together and tell the steering "
            "committee. If they cannot agree within a week, it goes to the next steering "
            "meeting. Every decision is entered in the shared decision log on the day it is "
            "made, so no partner hears about one secondhand."
        ),
    }


def _establish_a_governance_structure(p: dict[str, int], everyone: list[int]) -> dict[str, Any]:
    return {
        "bodies": _rows(
            "bodies",
            ("kind", "name", "purpose", "members", "decision_rule", "cadence"),
            (
                "steering_committee",
                "Steering Committee",
                "Sets direction, approves the budget and settles disputes",
                everyone,
                "consensus",
                "Monthly, second Tuesday, 90 minutes",
            ),
            (
                "workgroup",
                "Placement Workgroup",
                "Runs recruitment, course schedules and internship placements week to week",
                [p["alliance"], p["college"], p["youth"], p["harbor"], p["hospital"]],
                "lead_decides",
                "Every Thursday, 45 minutes",
            ),
            (
                "workgroup",
                "Data Workgroup",
                "Keeps the fact base, the indicators and the data agreements",
                [p["county"], p["college"], p["alliance"], p["district"]],
                "majority",
                "Every other Wednesday",
            ),
            (
                "advisory_group",
                "Youth Advisory Council",
                "Twelve young people from Eastside who review plans and materials",
                [p["youth"], p["eastside"]],
                "consensus",
                "Monthly, on a weekday evening, with dinner and a stipend",
            ),
        ),
        "disagreements": (
            "Workgroups settle what they can. A question they cannot settle goes to the "
            "steering committee with a one-page note setting out each view. The committee "
            "seeks consensus; if it has none after two meetings, a decision needs seven of the "
            "nine partners, and the views of those who disagree are recorded in the minutes. "
            "Any partner can ask for an outside facilitator, and the foundation grant covers "
            "up to four facilitated sessions a year."
        ),
        "equity": (
            "Each partner has one vote, whatever its budget. Eastside Neighbours and the Youth "
            "Advisory Council members receive stipends so that taking part costs them nothing. "
            "Meetings alternate between downtown and the Eastside community center, with an "
            "evening option. Papers go out a week ahead, in English and Spanish. Two seats on "
            "the Youth Advisory Council are kept for young people who have been through the "
            "program."
        ),
        "power": (
            "The foundation and the county hold most of the money, and the two employers hold "
            "the jobs; either could dominate without meaning to. The funders agreed not to "
            "chair the steering committee, and the chair rotates every six months among the "
            "other partners. Budget papers go to every partner, not only to the funders, and "
            "the smallest partners speak first in each meeting's opening round."
        ),
    }


def _identify_a_manager() -> dict[str, Any]:
    return {
        "criteria": _rows(
            "criteria",
            ("criterion", "weight"),
            ("Trusted by employers and by the young people we serve", 5),
            ("Experience running WIOA-funded youth programs", 4),
            ("Not tied to any one partner's interests", 4),
            ("Able to host staff and a budget from July 2026", 3),
            ("Speaks Spanish, or has staff who do", 3),
        ),
        "candidates": _rows(
            "candidates",
            ("candidate", "kind", "score", "notes"),
            (
                "Riverside Workforce Alliance, as backbone organization",
                "organization",
                4,
                "Already runs WIOA youth services; some partners worry it would favor its own "
                "caseload",
            ),
            (
                "A coordinator hired by the steering committee",
                "person",
                3,
                "The most neutral choice, but needs a host employer and three months to recruit",
            ),
            (
                "County Office of Economic Development",
                "organization",
                2,
                "Holds the money and the data, but community partners find it distant",
            ),
        ),
        "manager": "Riverside Workforce Alliance, through a dedicated program manager",
        "manager_kind": "organization",
        "responsibilities": (
            "The manager keeps the work plan and timeline, prepares steering committee papers, "
            "tracks commitments and the resource ledger, and runs the placement workgroup. It "
            "is employers' single point of contact.\n\n"
            "It does not decide eligibility, course content or the use of the foundation "
            "grant; those stay with the leads named in the decision-rights matrix. To answer "
            "the concern about its own caseload, placements are assigned by the workgroup, "
            "not by the Alliance alone."
        ),
        "reporting_line": "The steering committee, through its rotating chair",
        "staff_time": "One full-time program manager and a tenth of the Alliance director's time",
        "budget": 95000.0,
    }


# Implementation -------------------------------------------------------------------------


def _communicate_interdependency() -> dict[str, Any]:
    return {
        "contributions": _rows(
            "contributions",
            ("sector", "expertise", "resources", "networks", "authority", "needs"),
            (
                "government",
                "Labor-market analysis and the rules of public programs",
                "WIOA wage funds; graduates' contact details, with consent",
                "Workforce Development Board, school principals and counselors",
                "Sets eligibility for public funds; can bring agencies such as transit to the "
                "table",
                "Employers to offer jobs and nonprofits to reach young people who avoid offices",
            ),
            (
                "business",
                "What entry-level roles demand on the first day",
                "55 internship placements, supervisors and safety certification",
                "Suppliers, and the Chamber's Hire Local members",
                "Hiring decisions",
                "Applicants who are prepared, and support for them through the first 90 days",
            ),
            (
                "nonprofit",
                "Case management, coaching and outreach to young people",
                "Two job coaches and 14 youth drop-in sites",
                "The Eastside Youth Coalition's eleven member groups",
                "The trust of young people and their families",
                "Steady funding, and jobs to offer the young people they reach",
            ),
            (
                "philanthropy",
                "Grantmaking and commissioning evaluations",
                "$250,000 over two years",
                "Other funders in the region",
                "Can pay for what public money cannot",
                "Evidence that the model works, to show its board and co-funders",
            ),
            (
                "academia",
                "Designing and accrediting short courses",
                "Instructors, classrooms and certificates",
                "Employer advisory boards for each career program",
                "Awards credentials employers recognize",
                "Students who arrive, and jobs waiting at the end",
            ),
            (
                "community",
                "What Eastside families need and fear",
                "A community room and volunteers",
                "Churches, tenant groups and the ward's council member",
                "Standing in the neighborhood",
                "A real say in decisions, and a share of the credit for results",
            ),
        ),
        "communication": (
            "Every steering committee meeting opens with a two-minute round in which one "
            "partner names something another partner's work made possible that month. The "
            "quarterly update to partners and funders follows a young person's route through "
            "the program and marks which partner did what at each step. Still to do: a one-page "
            "map of the route for employers' break rooms and the Eastside community center."
        ),
        "benefits": (
            "In the first three months: 120 places in a course designed by the college with "
            "two employers, filled through outreach by Youth Futures and the school district; "
            "a fix for the early-shift travel problem worked out between Harbor Logistics and "
            "the county; and a data agreement no single partner could have negotiated. None of "
            "this would exist if one sector had acted alone."
        ),
    }


def _demonstrate_competency(p: dict[str, int]) -> dict[str, Any]:
    return {
        "commitments": _rows(
            "commitments",
            ("commitment", "partner", "due", "status", "evidence"),
            (
                "Hire two job coaches for the pilot",
                p["alliance"],
                "2026-04-30",
                "done",
                "Both coaches started on 27 April",
            ),
            (
                "Open 120 places in the first Career Launch cohort",
                p["college"],
                "2026-05-04",
                "done",
                "118 students enrolled on the first day of class",
            ),
            (
                "Confirm 30 summer internship placements",
                p["harbor"],
                "2026-05-29",
                "done",
                "Signed placement agreements for 30 roles",
            ),
            (
                "Confirm 25 summer internship placements",
                p["hospital"],
                "2026-05-29",
                "late",
                "22 confirmed; three departments are waiting for budget approval",
            ),
            (
                "Complete WIOA eligibility checks for all interns",
                p["county"],
                "2026-06-12",
                "on_track",
                "84 of 118 files complete on 22 May",
            ),
            (
                "Send graduates' contact details, with consent",
                p["district"],
                "2026-06-19",
                "on_track",
                "Consent form approved by the district's counsel",
            ),
        ),
        "capacity_gaps": (
            "The hospital has one HR coordinator for all its volunteer and intern programs, "
            "which is why its placements are late. The county's eligibility staff are also "
            "handling the regular WIOA caseload. Eastside Neighbours has no paid staff, so its "
            "evening drop-in hours rest on two volunteers."
        ),
        "support": (
            "The Alliance is lending the hospital a job coach two days a week through June to "
            "handle intern paperwork. The county has moved one eligibility worker to the pilot "
            "full-time until July. The foundation will consider a $12,000 stipend for an "
            "Eastside drop-in coordinator at the June steering meeting. Rather than drop the "
            "hospital's three missing placements, we may move them to the autumn cohort."
        ),
        "reporting": (
            "The steering committee reviews this tracker at the start of every meeting, and "
            "the quarterly update lists promises kept and missed by name. When a commitment "
            "slips, the partner says so as soon as it knows and proposes a new date; the "
            "conversation is about what help is needed, not about blame.\n\n"
            "Early wins so far: the course opened on time with 118 students, and both job "
            "coaches were in post a few days early."
        ),
    }


def _manage_expectations() -> dict[str, Any]:
    return {
        "milestones": _rows(
            "milestones",
            ("milestone", "due", "status", "celebration"),
            (
                "Partnership charter signed by all nine partners",
                "2026-03-31",
                "reached",
                "Lunch at the Eastside community center with the Youth Advisory Council",
            ),
            (
                "First Career Launch cohort starts",
                "2026-05-04",
                "reached",
                "A welcome note from each employer, read out to the class on the first day",
            ),
            (
                "Transport arranged for early shifts",
                "2026-06-15",
                "moved",
                "Not yet: moved from 1 June while shuttle routes are agreed",
            ),
            (
                "First 100 interns start paid placements",
                "2026-06-22",
                "planned",
                "Planned: a first-day breakfast at each workplace",
            ),
            (
                "Internships end with a graduation",
                "2026-08-21",
                "planned",
                "Planned: graduation at the college, with families invited",
            ),
            (
                "Six-month outcomes published",
                "2027-03-31",
                "planned",
                "Planned: launch at the foundation's spring convening",
            ),
        ),
        "updates": (
            "Partners get a one-page update from the program manager every month; funders get "
            "a quarterly report; the public gets a summary twice a year on the county's and "
            "the foundation's websites and at Eastside Neighbours' community meetings. Every "
            "update says what went well, what slipped and what we learned."
        ),
        "patience": (
            "A change in Eastside's disconnection rate will not show in public data before "
            "late 2028, because the estimates are published late and average five years. "
            "Employers should not expect interns to work like experienced staff in their first "
            "weeks. The pilot serves 120 of the roughly 2,300 young people on Eastside who are "
            "disconnected: it tests the route; it is not yet the answer at scale."
        ),
        "adaptations": _rows(
            "adaptations",
            ("change", "reason", "date"),
            (
                "Internships start on 22 June instead of 8 June",
                "Seniors graduate on 5 June and eligibility checks take longer than planned",
                "2026-04-14",
            ),
            (
                "Harbor Logistics interns work the 7 a.m. shift, not the 5:30 a.m. one",
                "No bus reaches the distribution center before 6:40 a.m.",
                "2026-04-28",
            ),
            (
                "Course sessions moved to 4 to 7 p.m.",
                "A third of the students work part-time during the day",
                "2026-05-11",
            ),
        ),
    }


def _recruit_a_sponsor_or_champion(p: dict[str, int]) -> dict[str, Any]:
    return {
        "needs": (
            "We need someone whose backing opens doors we cannot open ourselves: employers "
            "beyond our two founding ones, the transit agency's board, and the state workforce "
            "grant we will apply for in September. Public attention on Eastside would help us "
            "recruit young people. We do not want a champion who turns the program into a "
            "campaign platform or promises numbers we cannot deliver."
        ),
        "candidates": _rows(
            "candidates",
            ("name", "role", "brings", "ask", "owner", "status"),
            (
                "Chair of the County Board of Supervisors",
                "champion",
                "legitimacy",
                "Speak at the August graduation and raise early-shift buses with the transit "
                "agency's board",
                p["county"],
                "approached",
            ),
            (
                "Chief executive of Riverside Regional Hospital",
                "sponsor",
                "access",
                "Host a breakfast for ten fellow chief executives to recruit 2027 host employers",
                p["hospital"],
                "committed",
            ),
            (
                "President of Riverside Community College",
                "champion",
                "expertise",
                "Present the model to the state's community college workforce leaders",
                p["college"],
                "identified",
            ),
            (
                "Inland Valley Credit Union",
                "sponsor",
                "money",
                "$60,000 toward wages for interns who are not WIOA-eligible",
                p["foundation"],
                "identified",
            ),
        ),
        "stewardship": (
            "Each candidate has one owner partner who keeps in touch with them. Sponsors and "
            "champions receive the quarterly update, a personal call before any public "
            "announcement, and an invitation to meet interns at work. We thank them publicly "
            "at the graduation and in the annual report, always alongside the young people "
            "and the partners who did the work."
        ),
        "risks": (
            "An elected champion could tie the program to one side before the November 2026 "
            "elections; we will ask for backing of the partnership, not of a person, and keep "
            "council members of every party informed. A corporate sponsor's name could make "
            "young people think the program leads to only one employer. No sponsor gets a say "
            "in who is served."
        ),
    }


# Assessment -----------------------------------------------------------------------------


def _define_the_intent_of_the_evaluation(p: dict[str, int]) -> dict[str, Any]:
    return {
        "intents": _rows(
            "intents",
            ("partner", "purpose", "why"),
            (
                p["foundation"],
                "outcomes",
                "To decide in 2027 whether to renew the grant and bring in co-funders",
            ),
            (
                p["county"],
                "both",
                "To meet WIOA reporting and decide whether to fund the route from 2027",
            ),
            (
                p["youth"],
                "process",
                "To learn whether young people feel respected and heard at every step",
            ),
            (
                p["harbor"],
                "outcomes",
                "To see whether interns stay longer than other new hires",
            ),
            (
                p["college"],
                "both",
                "To improve the course and learn which certificates lead to jobs",
            ),
            (
                p["eastside"],
                "process",
                "To know whether Eastside families found the program easy to reach",
            ),
        ),
        "agreed_intent": (
            "Draft for discussion: a two-part evaluation. A process review of how well the "
            "route works for young people and partners, reported in November 2026 so that the "
            "second cohort benefits; and an outcomes study of work, training or study six "
            "months after the internship, reported in spring 2027. Still to agree: how much "
            "weight the outcomes study gives to retention with the host employer."
        ),
        "questions": (
            "1. Do young people from Eastside reach, finish and value each step of the route?\n"
            "2. How many completers are working, training or studying six months on, compared "
            "with similar young people who did not take part?\n"
            "3. Do interns stay longer with their employers than other new hires under 25?\n"
            "4. Which parts of the way the partners work together helped or slowed the pilot?"
        ),
        "method": (
            "Program records from the Alliance and the college; state wage records matched by "
            "the county, with participants' consent; interviews with 20 participants and with "
            "all nine partners; and a comparison group of young people who applied after the "
            "cohort was full. Budget: $25,000 from the foundation grant."
        ),
        "evaluator": "third_party",
    }
