"""The registry of worksheet declarations: one module per tool, keyed by the tool's slug.

Each `tNN_<slug>.py` declares one `DEFINITION` (sections, prompts, fields, tables). Prompts are
ours, written from each tool's definition, why it matters and its stage's question; field lists
follow the product design ("what the worksheet captures"). Adding or changing a tool touches its
module only; the engine (`stages.worksheets`) renders and saves any of them.
"""

from __future__ import annotations

import importlib
import pkgutil

from stages.worksheets.declarations.choices import STAGES
from stages.worksheets.schema import Definition

__all__ = ["DEFINITIONS", "STAGES", "definition_for"]


def _declared() -> dict[str, Definition]:
    """Every `tNN_<slug>` module of this package, in tool order, by the tool's slug."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name[:1] == "t")
    definitions = [importlib.import_module(f"{__name__}.{name}").DEFINITION for name in names]
    return {definition.tool: definition for definition in definitions}


DEFINITIONS: dict[str, Definition] = _declared()


def definition_for(slug: str) -> Definition:
    """The declaration for a tool; KeyError for a slug that has none."""
    return DEFINITIONS[slug]
