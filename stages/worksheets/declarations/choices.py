"""Choices shared by the worksheet declarations: the values stored in answers."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

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
