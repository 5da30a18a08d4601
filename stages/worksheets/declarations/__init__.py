"""The registry of worksheet declarations: one module per tool, keyed by the tool's slug.

Each `tNN_<slug>.py` declares one `DEFINITION` (sections, prompts, fields, tables). Prompts are
ours, written from each tool's definition, why it matters and its stage's question; field lists
follow the product design ("what the worksheet captures"). Adding or changing a tool touches its
module only; the engine (`stages.worksheets`) renders and saves any of them.
"""

from __future__ import annotations

from stages.worksheets.declarations import (
    t01_engage_potential_partners,
    t02_share_a_vision_of_success,
    t03_assess_the_history,
    t04_account_for_resources,
    t05_establish_transparency_of_viewpoints,
    t06_build_a_common_fact_base,
    t07_agree_on_measures_of_success,
    t08_commit_to_information_sharing,
    t09_share_discretion,
    t10_establish_a_governance_structure,
    t11_identify_a_manager,
    t12_communicate_interdependency,
    t13_demonstrate_competency,
    t14_manage_expectations,
    t15_recruit_a_sponsor_or_champion,
    t16_define_the_intent_of_the_evaluation,
    t17_tell_the_story,
)
from stages.worksheets.declarations.choices import STAGES
from stages.worksheets.schema import Definition

__all__ = ["DEFINITIONS", "STAGES", "definition_for"]

DEFINITIONS: dict[str, Definition] = {
    module.DEFINITION.tool: module.DEFINITION
    for module in (
        t01_engage_potential_partners,
        t02_share_a_vision_of_success,
        t03_assess_the_history,
        t04_account_for_resources,
        t05_establish_transparency_of_viewpoints,
        t06_build_a_common_fact_base,
        t07_agree_on_measures_of_success,
        t08_commit_to_information_sharing,
        t09_share_discretion,
        t10_establish_a_governance_structure,
        t11_identify_a_manager,
        t12_communicate_interdependency,
        t13_demonstrate_competency,
        t14_manage_expectations,
        t15_recruit_a_sponsor_or_champion,
        t16_define_the_intent_of_the_evaluation,
        t17_tell_the_story,
    )
}


def definition_for(slug: str) -> Definition:
    """The declaration for a tool; KeyError for a slug that has none."""
    return DEFINITIONS[slug]
