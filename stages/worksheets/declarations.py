"""The seventeen worksheets, one declaration per tool, keyed by the tool's slug.

Prompts are ours, written from each tool's definition, why it matters and its stage's
question; field lists follow the product design ("what the worksheet captures").
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.schema import Deadlines, Definition, Field, Kind, Section, Table, Totals

SCALE_HELP = _("1 = very low, 5 = very high")

ENGAGEMENT = (
    ("identified", _("Identified")),
    ("contacted", _("Contacted")),
    ("interested", _("Interested")),
    ("committed", _("Committed")),
    ("declined", _("Declined")),
)

EFFORT_OUTCOMES = (
    ("succeeded", _("Succeeded")),
    ("partly", _("Partly succeeded")),
    ("failed", _("Failed")),
    ("ongoing", _("Ongoing")),
)

RESOURCE_KINDS = (
    ("funding", _("Funding")),
    ("staff_time", _("Staff time")),
    ("expertise", _("Expertise")),
    ("network", _("Network")),
    ("data", _("Data")),
    ("facility", _("Facility or equipment")),
    ("other_in_kind", _("Other in-kind")),
)

RESOURCE_STATUS = (
    ("committed", _("Committed")),
    ("pledged", _("Pledged")),
    ("potential", _("Potential")),
    ("needed", _("Needed")),
)

FACT_CONSENSUS = (
    ("agreed", _("Agreed")),
    ("disputed", _("Disputed")),
    ("needs_data", _("Needs data")),
)

HORIZONS = (
    ("short_term", _("Short term")),
    ("mid_term", _("Mid term")),
    ("long_term", _("Long term")),
)

SENSITIVITY = (
    ("public", _("Public")),
    ("internal", _("Internal")),
    ("confidential", _("Confidential")),
    ("personal", _("Personal data")),
)

AGREEMENT_STATUS = (
    ("proposed", _("Proposed")),
    ("under_discussion", _("Under discussion")),
    ("agreed", _("Agreed")),
    ("signed", _("Signed agreement")),
    ("declined", _("Declined")),
)

STAGES = (
    ("diagnosis", _("Diagnosis")),
    ("design", _("Design")),
    ("implementation", _("Implementation")),
    ("assessment", _("Assessment")),
)

BODY_KINDS = (
    ("steering_committee", _("Steering committee")),
    ("workgroup", _("Workgroup")),
    ("facilitated_forum", _("Facilitated forum")),
    ("advisory_group", _("Advisory group")),
)

DECISION_RULES = (
    ("consensus", _("Consensus")),
    ("majority", _("Majority")),
    ("lead_decides", _("Lead decides")),
)

MANAGER_KINDS = (
    ("person", _("Person")),
    ("group", _("Group")),
    ("organization", _("Organization")),
)

COMMITMENT_STATUS = (
    ("on_track", _("On track")),
    ("done", _("Done")),
    ("late", _("Late")),
    ("dropped", _("Dropped")),
)

MILESTONE_STATUS = (
    ("planned", _("Planned")),
    ("reached", _("Reached")),
    ("missed", _("Missed")),
    ("moved", _("Moved")),
)

SPONSOR_ROLES = (
    ("sponsor", _("Sponsor")),
    ("champion", _("Champion")),
)

SPONSOR_ASSETS = (
    ("legitimacy", _("Legitimacy")),
    ("access", _("Access")),
    ("money", _("Money")),
    ("expertise", _("Expertise")),
)

RECRUITMENT = (
    ("identified", _("Identified")),
    ("approached", _("Approached")),
    ("committed", _("Committed")),
    ("declined", _("Declined")),
)

EVALUATION_PURPOSES = (
    ("process", _("Process")),
    ("outcomes", _("Outcomes")),
    ("both", _("Both")),
)

EVALUATORS = (
    ("internal", _("Internally, by the partners")),
    ("third_party", _("By a third party")),
)

AUDIENCE_KINDS = (
    ("internal", _("Internal")),
    ("external", _("External")),
)

DEFINITIONS: dict[str, Definition] = {}


def declare(definition: Definition) -> Definition:
    DEFINITIONS[definition.tool] = definition
    return definition


declare(
    Definition(
        tool="engage-potential-partners",
        sections=(
            Section(
                title=_("Who has a stake in the issue"),
                prompts=(
                    _(
                        "Which organizations and people are affected by the issue, or could affect it?"  # noqa: E501
                    ),
                    _("Look beyond the usual names: which sector is missing from the table?"),
                    _(
                        "How much influence does each have over the issue, and how interested are they?"  # noqa: E501
                    ),
                    _(
                        "Who is close to the institutions that matter: city hall, the school board, the big employers?"  # noqa: E501
                    ),
                ),
                parts=(
                    Table(
                        name="stakeholders",
                        becomes_partner=("organization", "sector"),
                        label=_("Stakeholder map"),
                        required_rows=1,
                        columns=(
                            Field(
                                "organization",
                                _("Organization"),
                                Kind.TEXT,
                                required=True,
                                max_length=200,
                            ),
                            Field("sector", _("Sector"), Kind.SECTOR, required=True),
                            Field("stake", _("Stake in the issue"), Kind.TEXT, max_length=300),
                            Field("influence", _("Influence"), Kind.SCALE, help=SCALE_HELP),
                            Field("interest", _("Interest"), Kind.SCALE, help=SCALE_HELP),
                            Field(
                                "closeness",
                                _("Closeness to key institutions"),
                                Kind.TEXT,
                                max_length=200,
                            ),
                            Field("status", _("Engagement"), Kind.CHOICE, choices=ENGAGEMENT),
                        ),
                    ),
                ),
            ),
            Section(
                title=_("Existing networks and efforts"),
                prompts=(
                    _("Which networks, coalitions or programs already work on this issue?"),
                    _("Whose efforts could our work affect, for better or worse?"),
                    _(
                        "How can potential partners' interests and resources be aligned with the outcomes we want?"  # noqa: E501
                    ),
                ),
                parts=(
                    Field("networks", _("Existing networks and efforts"), required=True),
                    Field("alignment", _("How interests and resources align")),
                ),
            ),
        ),
    )
)


declare(
    Definition(
        tool="share-a-vision-of-success",
        sign_off=True,
        sections=(
            Section(
                title=_("The vision we share"),
                prompts=(
                    _("In a sentence or two, what will be different if we succeed?"),
                    _("What is our mission, in words a neighbor would understand?"),
                    _("Which goals will we pursue together, and which comes first?"),
                    _("Which outcomes would make every partner proud of the result?"),
                ),
                parts=(
                    Field("vision", _("Vision statement"), required=True),
                    Field("goals", _("Goals"), required=True),
                    Field("ideal_outcomes", _("Ideal outcomes")),
                    Field("priorities", _("Priorities")),
                ),
            ),
            Section(
                title=_("What success means for each partner"),
                prompts=(
                    _("What would success look like from each partner's point of view?"),
                    _("How does each partner gain if the collaboration succeeds?"),
                    _("Where do our pictures of success differ, and can we live with that?"),
                ),
                parts=(
                    Table(
                        name="partner_success",
                        label=_("Success for each partner"),
                        columns=(
                            Field("partner", _("Partner"), Kind.PARTNER, required=True),
                            Field(
                                "success",
                                _("What success means to them"),
                                Kind.TEXT,
                                max_length=300,
                            ),
                            Field("benefit", _("How they gain"), Kind.TEXT, max_length=300),
                        ),
                    ),
                    Field("differences", _("Where our pictures of success differ")),
                ),
            ),
        ),
    )
)

declare(
    Definition(
        tool="assess-the-history",
        sections=(
            Section(
                title=_("Earlier efforts on the issue"),
                prompts=(
                    _("Who has tried to tackle this issue before, here or somewhere similar?"),
                    _("What came of each effort, and who led it?"),
                    _("Which conditions helped those efforts, and which held them back?"),
                    _("What would we do differently because of what they learned?"),
                ),
                parts=(
                    Table(
                        name="efforts",
                        label=_("Earlier efforts"),
                        required_rows=1,
                        columns=(
                            Field("name", _("Effort"), Kind.TEXT, required=True, max_length=200),
                            Field("period", _("When"), Kind.TEXT, max_length=200),
                            Field("led_by", _("Who led it"), Kind.TEXT, max_length=200),
                            Field("outcome", _("Outcome"), Kind.CHOICE, choices=EFFORT_OUTCOMES),
                            Field("helped", _("What helped"), Kind.TEXT, max_length=300),
                            Field("hindered", _("What hindered"), Kind.TEXT, max_length=300),
                            Field("lesson", _("Lesson for us"), Kind.TEXT, max_length=300),
                        ),
                    ),
                ),
            ),
            Section(
                title=_("Why one sector cannot solve it alone"),
                prompts=(
                    _("Why hasn't a single sector been able to solve this problem on its own?"),
                    _("Where do one sector's processes, expertise or resources fall short?"),
                    _("Which other sectors have a stake in a solution, and what could they add?"),
                ),
                parts=(
                    Field(
                        "single_sector_limits",
                        _("Why one sector could not solve it alone"),
                        required=True,
                    ),
                    Field("other_sectors", _("What other sectors could contribute")),
                ),
            ),
            Section(
                title=_("The local context"),
                prompts=(
                    _("Which public policies and regulations shape how we can work on this?"),
                    _("Which business or institutional policies matter here?"),
                    _("What in the local context makes success more or less likely today?"),
                ),
                parts=(
                    Field("policies", _("Policies that shape the local context")),
                    Field("conditions", _("Conditions for success today")),
                ),
            ),
        ),
    )
)

declare(
    Definition(
        tool="account-for-resources",
        sections=(
            Section(
                title=_("What partners bring"),
                prompts=(
                    _("What can each partner offer: money, staff time, expertise, data, space?"),
                    _("Which offers are firmly committed, and which are only hoped for?"),
                    _("Roughly what is each contribution worth?"),
                    _("What could partners who are not yet at the table bring?"),
                ),
                parts=(
                    Table(
                        name="resources",
                        label=_("Resource ledger"),
                        totals=Totals(
                            "value", ("partner", "kind"), status="status", gaps=("needed",)
                        ),
                        required_rows=1,
                        columns=(
                            Field("partner", _("Partner"), Kind.PARTNER),
                            Field(
                                "kind",
                                _("Kind"),
                                Kind.CHOICE,
                                choices=RESOURCE_KINDS,
                                required=True,
                            ),
                            Field("description", _("Description"), Kind.TEXT, max_length=300),
                            Field("value", _("Estimated value"), Kind.MONEY),
                            Field("status", _("Status"), Kind.CHOICE, choices=RESOURCE_STATUS),
                        ),
                    ),
                ),
            ),
            Section(
                title=_("Putting resources to use"),
                prompts=(
                    _("How will we make the best use of each partner's expertise and networks?"),
                    _("Which contributions depend on one another?"),
                    _("Who keeps this ledger up to date?"),
                ),
                parts=(Field("use_plan", _("How resources will be used")),),
            ),
            Section(
                title=_("Gaps and possible sources"),
                prompts=(
                    _("What will we still need once everything committed is counted?"),
                    _("Who else could provide it: funders, businesses, agencies, volunteers?"),
                    _("Could non-financial help fill a gap as well as money would?"),
                ),
                parts=(
                    Field("gaps", _("Resource gaps"), required=True),
                    Field("sources", _("Possible sources")),
                ),
            ),
        ),
    )
)

declare(
    Definition(
        tool="establish-transparency-of-viewpoints",
        sections=(
            Section(
                title=_("Where each partner stands"),
                prompts=(
                    _("What matters most to each partner, and why?"),
                    _("What worries each partner about working with other sectors?"),
                    _("What can't each partner give up, whatever happens?"),
                ),
                parts=(
                    Table(
                        name="viewpoints",
                        label=_("Partner viewpoints"),
                        required_rows=1,
                        columns=(
                            Field("partner", _("Partner"), Kind.PARTNER, required=True),
                            Field("priorities", _("Priorities"), Kind.TEXT, max_length=300),
                            Field(
                                "concerns",
                                _("Concerns and apprehensions"),
                                Kind.TEXT,
                                max_length=300,
                            ),
                            Field(
                                "non_negotiables",
                                _("Non-negotiables"),
                                Kind.TEXT,
                                max_length=300,
                            ),
                        ),
                    ),
                ),
            ),
            Section(
                title=_("Hearing and answering concerns"),
                prompts=(
                    _("Where and how can partners raise a concern, including in confidence?"),
                    _("Who answers concerns, and how quickly?"),
                    _("How will we make sure quieter partners are heard too?"),
                ),
                parts=(
                    Field("channels", _("Channels to hear and answer concerns"), required=True),
                ),
            ),
            Section(
                title=_("Agreement and disagreement"),
                prompts=(
                    _("Where do partners already agree?"),
                    _("Which differences come from each sector's own values or goals?"),
                    _("Which disagreements are still open, and how will we work them out?"),
                ),
                parts=(
                    Field("consensus", _("Points of consensus")),
                    Field("disagreements", _("Open disagreements and how they will be resolved")),
                ),
            ),
        ),
    )
)

declare(
    Definition(
        tool="build-a-common-fact-base",
        sign_off=True,
        sections=(
            Section(
                title=_("The facts that matter"),
                prompts=(
                    _("Which facts about the issue matter most for what we will do?"),
                    _("Where does each fact come from, and how recent is it?"),
                    _("Does every partner accept each fact, or is it disputed?"),
                    _("What does each sector know about the issue that others may not?"),
                ),
                parts=(
                    Table(
                        name="facts",
                        label=_("Facts"),
                        required_rows=1,
                        columns=(
                            Field("statement", _("Fact"), Kind.TEXT, required=True, max_length=300),
                            Field("source", _("Source"), Kind.TEXT, max_length=200),
                            Field("date", _("Date"), Kind.DATE),
                            Field("relevance", _("Why it matters"), Kind.TEXT, max_length=300),
                            Field("consensus", _("Consensus"), Kind.CHOICE, choices=FACT_CONSENSUS),
                        ),
                    ),
                ),
            ),
            Section(
                title=_("Reaching agreement"),
                prompts=(
                    _("In a paragraph, what is the problem we are setting out to solve?"),
                    _("How will we settle a disputed fact: more data, an expert, a vote?"),
                    _("Who will review the fact base, and when?"),
                ),
                parts=(
                    Field(
                        "problem", _("The problem, as partners agree to state it"), required=True
                    ),
                    Field("agreement_process", _("How agreement on the facts will be reached")),
                ),
            ),
            Section(
                title=_("Data gaps"),
                prompts=(
                    _("What do we need to know that nobody knows yet?"),
                    _("Who could collect or provide the missing data, and by when?"),
                    _("How will we proceed in the meantime?"),
                ),
                parts=(Field("data_gaps", _("Data gaps and how they will be filled")),),
            ),
        ),
    )
)

declare(
    Definition(
        tool="agree-on-measures-of-success",
        sign_off=True,
        sections=(
            Section(
                title=_("Choosing indicators"),
                prompts=(
                    _("What makes an indicator worth tracking for us?"),
                    _("Can we measure it reliably, and at what cost?"),
                    _("Does each indicator link back to a goal in our shared vision?"),
                ),
                parts=(Field("criteria", _("Criteria for choosing indicators"), required=True),),
            ),
            Section(
                title=_("Indicators"),
                prompts=(
                    _("How will we know we are making progress in the short, mid and long term?"),
                    _("Where are we starting from, and where do we want to be, by when?"),
                    _("Which partner is responsible for each indicator's data?"),
                ),
                parts=(
                    Table(
                        name="indicators",
                        measured=("name", "unit", "baseline", "target"),
                        label=_("Indicators"),
                        required_rows=1,
                        columns=(
                            Field("name", _("Indicator"), Kind.TEXT, required=True, max_length=200),
                            Field("definition", _("Definition"), Kind.TEXT, max_length=300),
                            Field("horizon", _("Horizon"), Kind.CHOICE, choices=HORIZONS),
                            Field("unit", _("Unit"), Kind.TEXT, max_length=200),
                            Field("baseline", _("Baseline"), Kind.NUMBER),
                            Field("target", _("Target"), Kind.NUMBER),
                            Field("target_date", _("Target date"), Kind.DATE),
                            Field("data_source", _("Data source"), Kind.TEXT, max_length=200),
                            Field("responsible", _("Responsible partner"), Kind.PARTNER),
                        ),
                    ),
                ),
            ),
            Section(
                title=_("Capacity to collect the data"),
                prompts=(
                    _("Which partners already collect the data we need?"),
                    _("What skills, systems or money do we lack to measure well?"),
                    _("How often will measurements be recorded, and by whom?"),
                ),
                parts=(Field("collection_capacity", _("Capacity to collect the data")),),
            ),
        ),
    )
)

declare(
    Definition(
        tool="commit-to-information-sharing",
        sign_off=True,
        sections=(
            Section(
                title=_("What we share"),
                prompts=(
                    _("What information does each partner hold that matters to our work?"),
                    _("Who needs it, and how often?"),
                    _("How sensitive is it, and what must be agreed before it is shared?"),
                    _("Which hard facts should partners disclose so that trust can grow?"),
                ),
                parts=(
                    Table(
                        name="data_sharing",
                        label=_("Data-sharing register"),
                        required_rows=1,
                        columns=(
                            Field(
                                "information",
                                _("Information"),
                                Kind.TEXT,
                                required=True,
                                max_length=300,
                            ),
                            Field("held_by", _("Held by"), Kind.PARTNER),
                            Field("shared_with", _("Shared with"), Kind.PARTNERS),
                            Field("frequency", _("How often"), Kind.TEXT, max_length=200),
                            Field(
                                "sensitivity", _("Sensitivity"), Kind.CHOICE, choices=SENSITIVITY
                            ),
                            Field(
                                "agreement",
                                _("Agreement status"),
                                Kind.CHOICE,
                                choices=AGREEMENT_STATUS,
                            ),
                        ),
                    ),
                ),
            ),
            Section(
                title=_("Looking after shared data"),
                prompts=(
                    _("Who looks after shared data on behalf of the collaboration?"),
                    _("Where is it kept, who can see it, and how is it protected?"),
                    _("What happens to shared data when a partner leaves or the work ends?"),
                ),
                parts=(
                    Field("steward", _("Data steward"), Kind.PARTNER),
                    Field("stewardship", _("How shared data is looked after"), required=True),
                ),
            ),
        ),
    )
)

declare(
    Definition(
        tool="share-discretion",
        sign_off=True,
        sections=(
            Section(
                title=_("Who decides what"),
                prompts=(
                    _("Which decisions will the collaboration have to make?"),
                    _("Which partner knows the most about each area, and why?"),
                    _("Who should be consulted before a decision is taken?"),
                    _("At which stage will each partner's expertise be needed?"),
                ),
                parts=(
                    Table(
                        name="decision_rights",
                        label=_("Decision-rights matrix"),
                        required_rows=1,
                        columns=(
                            Field(
                                "area", _("Decision area"), Kind.TEXT, required=True, max_length=200
                            ),
                            Field("lead", _("Lead partner"), Kind.PARTNER, required=True),
                            Field(
                                "expertise",
                                _("Expertise that justifies it"),
                                Kind.TEXT,
                                max_length=300,
                            ),
                            Field("consulted", _("Partners consulted"), Kind.PARTNERS),
                            Field(
                                "stage", _("Stage when it is needed"), Kind.CHOICE, choices=STAGES
                            ),
                        ),
                    ),
                ),
            ),
            Section(
                title=_("Making it work"),
                prompts=(
                    _("Does every partner lead on something that matters to them?"),
                    _("What happens when a decision touches more than one area?"),
                    _("How will partners hear about decisions taken on their behalf?"),
                ),
                parts=(
                    Field("stakes", _("The stake each partner gains")),
                    Field("overlaps", _("Decisions that cross areas")),
                ),
            ),
        ),
    )
)

declare(
    Definition(
        tool="establish-a-governance-structure",
        sign_off=True,
        sections=(
            Section(
                title=_("Bodies"),
                prompts=(
                    _("Which groups will steer the work, do the work and advise on it?"),
                    _("What is each body for, and which partners sit on it?"),
                    _("How does each body decide, and how often does it meet?"),
                    _("Do we need formal structures, or will lighter ones do for now?"),
                ),
                parts=(
                    Table(
                        name="bodies",
                        label=_("Governance bodies"),
                        required_rows=1,
                        columns=(
                            Field(
                                "kind", _("Kind"), Kind.CHOICE, choices=BODY_KINDS, required=True
                            ),
                            Field("name", _("Name"), Kind.TEXT, max_length=200),
                            Field("purpose", _("Purpose"), Kind.TEXT, max_length=300),
                            Field("members", _("Member partners"), Kind.PARTNERS),
                            Field(
                                "decision_rule",
                                _("Decision rule"),
                                Kind.CHOICE,
                                choices=DECISION_RULES,
                            ),
                            Field("cadence", _("Meeting cadence"), Kind.TEXT, max_length=200),
                        ),
                    ),
                ),
            ),
            Section(
                title=_("Handling disagreement"),
                prompts=(
                    _("When partners disagree, what are the steps to a decision?"),
                    _("When do we bring in a neutral facilitator, and who can ask for one?"),
                    _("How are decisions and dissenting views recorded?"),
                ),
                parts=(Field("disagreements", _("How disagreements are handled"), required=True),),
            ),
            Section(
                title=_("Equity and inclusion"),
                prompts=(
                    _("Does every partner, large or small, have a real voice?"),
                    _("Where could power imbalances arise: money, size, status, information?"),
                    _("How will community members and smaller partners take part?"),
                ),
                parts=(
                    Field("equity", _("How equity and inclusion are ensured"), required=True),
                    Field("power", _("Power imbalances and how they are addressed")),
                ),
            ),
        ),
    )
)

declare(
    Definition(
        tool="identify-a-manager",
        sections=(
            Section(
                title=_("Selection criteria"),
                prompts=(
                    _("What must the person or organization managing our work be able to do?"),
                    _("Which criteria matter most, and have all partners agreed on them?"),
                    _("Should the manager be a person, a group or an organization?"),
                ),
                parts=(
                    Table(
                        name="criteria",
                        label=_("Selection criteria"),
                        required_rows=1,
                        columns=(
                            Field(
                                "criterion",
                                _("Criterion"),
                                Kind.TEXT,
                                required=True,
                                max_length=200,
                            ),
                            Field("weight", _("Weight"), Kind.SCALE, help=SCALE_HELP),
                        ),
                    ),
                ),
            ),
            Section(
                title=_("Candidates"),
                prompts=(
                    _("Who could coordinate the work, inside or outside the partnership?"),
                    _("How does each candidate score against our criteria?"),
                    _("Is any candidate too close to one partner to be trusted by all?"),
                ),
                parts=(
                    Table(
                        name="candidates",
                        label=_("Candidates"),
                        columns=(
                            Field(
                                "candidate",
                                _("Candidate"),
                                Kind.TEXT,
                                required=True,
                                max_length=200,
                            ),
                            Field("kind", _("Kind"), Kind.CHOICE, choices=MANAGER_KINDS),
                            Field("score", _("Score"), Kind.SCALE, help=SCALE_HELP),
                            Field("notes", _("Notes"), Kind.TEXT, max_length=300),
                        ),
                    ),
                ),
            ),
            Section(
                title=_("The manager"),
                prompts=(
                    _("Who is the single point of accountability for moving the work forward?"),
                    _("What is the manager responsible for, and what is not theirs to do?"),
                    _("Whom does the manager report to?"),
                    _("How much staff time and budget have partners committed to the role?"),
                ),
                parts=(
                    Field("manager", _("Manager"), Kind.TEXT, required=True, max_length=200),
                    Field(
                        "manager_kind",
                        _("Person, group or organization"),
                        Kind.CHOICE,
                        choices=MANAGER_KINDS,
                    ),
                    Field("responsibilities", _("Responsibilities"), required=True),
                    Field("reporting_line", _("Reports to"), Kind.TEXT, max_length=300),
                    Field("staff_time", _("Staff time committed"), Kind.TEXT, max_length=200),
                    Field("budget", _("Budget committed"), Kind.MONEY),
                ),
            ),
        ),
    )
)

declare(
    Definition(
        tool="communicate-interdependency",
        sections=(
            Section(
                title=_("What each sector brings"),
                prompts=(
                    _("What does each sector bring that no other sector can?"),
                    _("Which expertise, resources, networks and authority does it hold?"),
                    _("What does each sector need from the others to do its part?"),
                ),
                parts=(
                    Table(
                        name="contributions",
                        label=_("Sector contributions"),
                        required_rows=1,
                        columns=(
                            Field("sector", _("Sector"), Kind.SECTOR, required=True),
                            Field("expertise", _("Expertise"), Kind.TEXT, max_length=300),
                            Field("resources", _("Resources"), Kind.TEXT, max_length=300),
                            Field("networks", _("Networks"), Kind.TEXT, max_length=300),
                            Field("authority", _("Authority"), Kind.TEXT, max_length=300),
                            Field(
                                "needs",
                                _("What it needs from the others"),
                                Kind.TEXT,
                                max_length=300,
                            ),
                        ),
                    ),
                ),
            ),
            Section(
                title=_("Making interdependency visible"),
                prompts=(
                    _("How will partners see what each sector's work made possible?"),
                    _("Where, and how often, do we talk about how we depend on each other?"),
                    _("What has working across sectors achieved that one sector could not?"),
                ),
                parts=(
                    Field("communication", _("How interdependency is communicated"), required=True),
                    Field("benefits", _("What working across sectors has achieved")),
                ),
            ),
        ),
    )
)

declare(
    Definition(
        tool="demonstrate-competency",
        sections=(
            Section(
                title=_("Commitments"),
                prompts=(
                    _("What has each partner promised to do, and by when?"),
                    _("Which commitments are on track, done, late or dropped?"),
                    _("What shows that a commitment was kept?"),
                ),
                parts=(
                    Table(
                        name="commitments",
                        label=_("Commitment tracker"),
                        required_rows=1,
                        deadlines=Deadlines(
                            "commitment",
                            "due",
                            "status",
                            closed=("done", "dropped"),
                            late=("late",),
                            kept=("done",),
                            partner="partner",
                        ),
                        columns=(
                            Field(
                                "commitment",
                                _("Commitment"),
                                Kind.TEXT,
                                required=True,
                                max_length=300,
                            ),
                            Field("partner", _("Partner"), Kind.PARTNER, required=True),
                            Field("due", _("Due date"), Kind.DATE),
                            Field("status", _("Status"), Kind.CHOICE, choices=COMMITMENT_STATUS),
                            Field("evidence", _("Evidence"), Kind.TEXT, max_length=300),
                        ),
                    ),
                ),
            ),
            Section(
                title=_("Capacity gaps"),
                prompts=(
                    _("Where do partners lack the staff, skills or money to follow through?"),
                    _("What could close those gaps: training, another partner, a funder?"),
                    _("Which commitments should be renegotiated rather than missed?"),
                ),
                parts=(
                    Field("capacity_gaps", _("Capacity gaps")),
                    Field("support", _("How the gaps will be closed")),
                ),
            ),
            Section(
                title=_("Showing follow-through"),
                prompts=(
                    _("How do partners and outside stakeholders hear about promises kept?"),
                    _("What happens, without blame, when a commitment slips?"),
                    _("Which early wins show that we can deliver?"),
                ),
                parts=(Field("reporting", _("How follow-through is shown")),),
            ),
        ),
    )
)

declare(
    Definition(
        tool="manage-expectations",
        sections=(
            Section(
                title=_("Milestones and interim goals"),
                prompts=(
                    _("Which interim goals will show that progress is possible?"),
                    _("When do we expect to reach each one?"),
                    _("How will we celebrate, even a small win?"),
                ),
                parts=(
                    Table(
                        name="milestones",
                        label=_("Milestones"),
                        required_rows=1,
                        deadlines=Deadlines(
                            "milestone", "due", "status", closed=("reached", "missed")
                        ),
                        columns=(
                            Field(
                                "milestone",
                                _("Milestone"),
                                Kind.TEXT,
                                required=True,
                                max_length=300,
                            ),
                            Field("due", _("Target date"), Kind.DATE),
                            Field("status", _("Status"), Kind.CHOICE, choices=MILESTONE_STATUS),
                            Field(
                                "celebration",
                                _("How it was celebrated"),
                                Kind.TEXT,
                                max_length=300,
                            ),
                        ),
                    ),
                ),
            ),
            Section(
                title=_("Progress updates"),
                prompts=(
                    _("Who hears about our progress, how and how often?"),
                    _("Where will results take longer than hoped, and how do we say so?"),
                    _("What should partners and the public not expect yet?"),
                ),
                parts=(
                    Field("updates", _("How progress is communicated"), required=True),
                    Field("patience", _("Where patience is needed")),
                ),
            ),
            Section(
                title=_("Adapting as we go"),
                prompts=(
                    _("What has shifted: circumstances, information or priorities?"),
                    _("What did we change in response, and why?"),
                    _("Who needs to hear about the change?"),
                ),
                parts=(
                    Table(
                        name="adaptations",
                        label=_("Adaptations"),
                        columns=(
                            Field(
                                "change",
                                _("What changed"),
                                Kind.TEXT,
                                required=True,
                                max_length=300,
                            ),
                            Field("reason", _("Why"), Kind.TEXT, max_length=300),
                            Field("date", _("Date"), Kind.DATE),
                        ),
                    ),
                ),
            ),
        ),
    )
)

declare(
    Definition(
        tool="recruit-a-sponsor-or-champion",
        sections=(
            Section(
                title=_("What we need"),
                prompts=(
                    _("What could an influential ally do for us that we cannot do ourselves?"),
                    _("Do we most need money, access, legitimacy or public attention?"),
                    _("What would we not want a sponsor or champion to do?"),
                ),
                parts=(
                    Field("needs", _("What a sponsor or champion could provide"), required=True),
                ),
            ),
            Section(
                title=_("Candidates"),
                prompts=(
                    _("Who is well respected and cares about this issue?"),
                    _("Would each back us with resources (sponsor) or speak for us (champion)?"),
                    _("What exactly will we ask of them, and which partner will ask?"),
                ),
                parts=(
                    Table(
                        name="candidates",
                        label=_("Sponsor and champion candidates"),
                        required_rows=1,
                        columns=(
                            Field("name", _("Name"), Kind.TEXT, required=True, max_length=200),
                            Field(
                                "role", _("Sponsor or champion"), Kind.CHOICE, choices=SPONSOR_ROLES
                            ),
                            Field(
                                "brings", _("What they bring"), Kind.CHOICE, choices=SPONSOR_ASSETS
                            ),
                            Field("ask", _("The ask"), Kind.TEXT, max_length=300),
                            Field("owner", _("Owner partner"), Kind.PARTNER),
                            Field("status", _("Status"), Kind.CHOICE, choices=RECRUITMENT),
                        ),
                    ),
                ),
            ),
            Section(
                title=_("Keeping them involved"),
                prompts=(
                    _("How will we keep our sponsor or champion informed?"),
                    _("How will we thank them and share the credit?"),
                    _("What risks come with linking our name to theirs?"),
                ),
                parts=(
                    Field("stewardship", _("How we keep them involved")),
                    Field("risks", _("Risks and how we manage them")),
                ),
            ),
        ),
    )
)

declare(
    Definition(
        tool="define-the-intent-of-the-evaluation",
        sections=(
            Section(
                title=_("Why each partner wants an evaluation"),
                prompts=(
                    _("What does each partner hope to learn from an evaluation?"),
                    _("Is it mostly about how we work together, our results, or both?"),
                    _("Who will use the findings, and for which decisions?"),
                ),
                parts=(
                    Table(
                        name="intents",
                        label=_("Each partner's purpose"),
                        required_rows=1,
                        columns=(
                            Field("partner", _("Partner"), Kind.PARTNER, required=True),
                            Field(
                                "purpose",
                                _("Purpose"),
                                Kind.CHOICE,
                                choices=EVALUATION_PURPOSES,
                            ),
                            Field("why", _("Why"), Kind.TEXT, max_length=300),
                        ),
                    ),
                ),
            ),
            Section(
                title=_("Our agreed intent"),
                prompts=(
                    _("Which purpose for the evaluation can every partner stand behind?"),
                    _("Which questions must the evaluation answer?"),
                    _("Which of our agreed measures of success will it draw on?"),
                ),
                parts=(
                    Field("agreed_intent", _("Agreed intent"), required=True),
                    Field("questions", _("Evaluation questions"), required=True),
                ),
            ),
            Section(
                title=_("How it will be done"),
                prompts=(
                    _("Which method fits our design and budget: surveys, interviews, data?"),
                    _("Should we run the evaluation ourselves or ask a third party?"),
                    _("When should it start, so that we can still adjust as we learn?"),
                ),
                parts=(
                    Field("method", _("Method")),
                    Field("evaluator", _("Who runs it"), Kind.CHOICE, choices=EVALUATORS),
                ),
            ),
        ),
    )
)

declare(
    Definition(
        tool="tell-the-story",
        sections=(
            Section(
                title=_("Our story"),
                prompts=(
                    _("How did the collaboration come together, and how did it work?"),
                    _("What changed because of it? Use numbers where we have them."),
                    _("Whose voices should be heard in the story?"),
                ),
                parts=(
                    Field("process_story", _("The process story"), required=True),
                    Field("outcomes_story", _("The outcomes story"), required=True),
                ),
            ),
            Section(
                title=_("What we learned"),
                prompts=(
                    _("What would we tell another group trying something similar?"),
                    _("Which practices worked well enough to repeat?"),
                    _("Which pitfalls should others avoid?"),
                ),
                parts=(
                    Field("lessons", _("Lessons learned")),
                    Field("practices_to_repeat", _("Practices to repeat")),
                    Field("pitfalls", _("Pitfalls to avoid")),
                ),
            ),
            Section(
                title=_("Audiences and channels"),
                prompts=(
                    _("Who inside the collaboration needs to hear this story?"),
                    _("Who outside should hear it: funders, officials, the public, peers?"),
                    _("Which channel suits each audience, and which partner will carry it?"),
                ),
                parts=(
                    Table(
                        name="audiences",
                        label=_("Audiences"),
                        columns=(
                            Field(
                                "audience", _("Audience"), Kind.TEXT, required=True, max_length=200
                            ),
                            Field(
                                "kind",
                                _("Internal or external"),
                                Kind.CHOICE,
                                choices=AUDIENCE_KINDS,
                            ),
                            Field("channel", _("Channel"), Kind.TEXT, max_length=200),
                            Field("owner", _("Owner partner"), Kind.PARTNER),
                        ),
                    ),
                ),
            ),
        ),
    )
)


def definition_for(slug: str) -> Definition:
    """The declaration for a tool; KeyError for a slug that has none."""
    return DEFINITIONS[slug]
