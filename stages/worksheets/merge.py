"""Three-way merge of worksheet answers.

A save names the version it started from (base). The answers saved since (theirs) and the
answers posted (mine) are compared with that base answer by answer, and for tables row by row
(rows are matched by their id) and cell by cell. What changed on one side only is taken from
that side. Only the same answer or the same cell changed differently on both sides, or a row
changed on one side and removed on the other, is a conflict; everything else merges.

Nothing here touches the database: the service layer (`stages.services`) reads the three
versions and writes the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from stages.worksheets.schema import Definition, Field, Kind, Table

TEXT_KINDS = (Kind.TEXT, Kind.LONG_TEXT)


def _same(a: Any, b: Any) -> bool:
    # An empty answer and a missing one are the same to a reader.
    return (a if a not in ("", []) else None) == (b if b not in ("", []) else None)


def key_of(*parts: str) -> str:
    """A contested item's key, also the name of its chooser on the conflict page. Row ids
    and declared names never hold a colon."""
    return ":".join(parts)


@dataclass
class Conflict:
    """One answer, cell or row both sides changed differently."""

    key: str
    label: str
    spec: Field | None  # None for a whole row
    table: Table | None
    row_id: str | None
    mine: Any
    theirs: Any

    @property
    def can_combine(self) -> bool:
        return self.spec is not None and self.spec.kind in TEXT_KINDS


@dataclass
class Merged:
    answers: dict
    # Labels of what came from the other side ("Ideal outcomes", "2 rows of Stakeholders").
    taken: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def _merge_partners(base: list, theirs: list, mine: list) -> list:
    """Partner checkboxes merge partner by partner: each side's ticks and unticks count."""
    base, theirs, mine = base or [], theirs or [], mine or []
    added = [p for p in mine if p not in base and p not in theirs]
    removed = {p for p in base if p not in mine}
    return [p for p in [*theirs, *added] if p not in removed]


def _merge_value(spec: Field, base: Any, theirs: Any, mine: Any) -> tuple[Any, str]:
    """The merged value and where it came from: "same", "mine", "theirs", "both" (partner
    ticks from each side) or "conflict" (then the value is theirs)."""
    if _same(mine, theirs):
        return mine, "same"
    if _same(mine, base):
        return theirs, "theirs"
    if _same(theirs, base):
        return mine, "mine"
    if spec.kind == Kind.PARTNERS:
        return _merge_partners(base, theirs, mine), "both"
    return theirs, "conflict"


def _row_label(table: Table, row: dict, position: int) -> str:
    first = next((str(row.get(c.name)) for c in table.columns if row.get(c.name)), "")
    return _("%(table)s, row %(number)d%(name)s") % {
        "table": table.label,
        "number": position,
        "name": f" ({first[:60]})" if first else "",
    }


def _order(base: list[str], theirs: list[str], mine: list[str], kept: set[str]) -> list[str]:
    """Row order after a merge: the side that reordered the rows they share with the base
    leads (mine if both did); rows only the other side has follow the row they follow there,
    after rows the leading side added at the same place."""
    shared = [i for i in base if i in mine]
    mine_reordered = [i for i in mine if i in shared] != shared
    lead, other = (mine, theirs) if mine_reordered else (theirs, mine)
    result = [i for i in lead if i in kept]
    base_ids, other_ids = set(base), set(other)
    anchor: str | None = None
    for row_id in other:
        if row_id in result:
            anchor = row_id
            continue
        if row_id not in kept:
            continue
        at = result.index(anchor) + 1 if anchor is not None else 0
        # Rows the leading side added at the same place come first.
        while at < len(result) and result[at] not in base_ids and result[at] not in other_ids:
            at += 1
        result.insert(at, row_id)
        anchor = row_id
    return result


def _moved(before: list[str], after: list[str]) -> set[str]:
    """The rows that changed place between two orders of the same rows: all but the most
    that kept their order among themselves."""
    if before == after:
        return set()
    place = {row_id: i for i, row_id in enumerate(before)}
    # longest[i]: the longest run of `after[:i + 1]` in `before`'s order that ends at i.
    longest: list[list[str]] = []
    for i, row_id in enumerate(after):
        runs = [longest[j] for j in range(i) if place[after[j]] < place[row_id]]
        longest.append([*max(runs, key=len, default=[]), row_id])
    kept = set(max(longest, key=len, default=[]))
    return {row_id for row_id in after if row_id not in kept}


def _merge_table(
    table: Table, base: list, theirs: list, mine: list, prefer_mine: bool, merged: Merged
) -> list:
    b = {r["id"]: r for r in base or []}
    t = {r["id"]: r for r in theirs or []}
    m = {r["id"]: r for r in mine or []}
    rows: dict[str, dict] = {}
    taken_rows: set[str] = set()

    def row_conflict(row_id: str, row: dict, mine_row: dict | None, theirs_row: dict | None):
        # Where the side that still has the row shows it.
        position = [r["id"] for r in (theirs if row_id in t else mine)].index(row_id) + 1
        merged.conflicts.append(
            Conflict(
                key=key_of(table.name, row_id),
                label=_row_label(table, row, position),
                spec=None,
                table=table,
                row_id=row_id,
                mine=mine_row,
                theirs=theirs_row,
            )
        )

    for row_id in dict.fromkeys([*t, *m]):
        base_row, theirs_row, mine_row = b.get(row_id), t.get(row_id), m.get(row_id)
        if theirs_row is not None and mine_row is not None:
            row = {"id": row_id}
            theirs_changed = False
            for spec in table.columns:
                bv = (base_row or {}).get(spec.name)
                value, source = _merge_value(
                    spec, bv, theirs_row.get(spec.name), mine_row.get(spec.name)
                )
                if source == "conflict":
                    position = list(t).index(row_id) + 1
                    merged.conflicts.append(
                        Conflict(
                            key=key_of(table.name, row_id, spec.name),
                            label=f"{_row_label(table, theirs_row, position)}: {spec.label}",
                            spec=spec,
                            table=table,
                            row_id=row_id,
                            mine=mine_row.get(spec.name),
                            theirs=theirs_row.get(spec.name),
                        )
                    )
                    if prefer_mine:
                        value = mine_row.get(spec.name)
                theirs_changed |= source in ("theirs", "both")
                row[spec.name] = value
            rows[row_id] = row
            if theirs_changed:
                taken_rows.add(row_id)
        elif theirs_row is not None:  # mine lacks it
            if base_row is None:  # they added it
                rows[row_id] = theirs_row
                taken_rows.add(row_id)
            elif not _same_row(table, base_row, theirs_row):  # I removed what they changed
                row_conflict(row_id, theirs_row, None, theirs_row)
                if not prefer_mine:
                    rows[row_id] = theirs_row
        else:  # theirs lacks it
            if base_row is None:  # I added it
                rows[row_id] = mine_row
            elif _same_row(table, base_row, mine_row):  # they removed it, I left it alone
                taken_rows.add(row_id)
            else:  # they removed what I changed
                row_conflict(row_id, mine_row, mine_row, None)
                if prefer_mine:
                    rows[row_id] = mine_row
    order = _order(list(b), list(t), list(m), set(rows))
    # Rows of mine that their order moved came from them too.
    taken_rows |= _moved([i for i in m if i in rows], [i for i in order if i in m])
    if taken_rows:
        count = len(taken_rows)
        merged.taken.append(
            ngettext("%(count)d row of %(table)s", "%(count)d rows of %(table)s", count)
            % {"count": count, "table": table.label}
        )
    return [rows[i] for i in order]


def _same_row(table: Table, a: dict, b: dict) -> bool:
    return all(_same(a.get(c.name), b.get(c.name)) for c in table.columns)


def merge(
    definition: Definition, base: dict, theirs: dict, mine: dict, prefer_mine: bool = False
) -> Merged:
    """Merge `mine` and `theirs`, both descended from `base`. Contested items hold theirs,
    or mine with `prefer_mine` (the form the conflict page shows)."""
    merged = Merged(answers={})
    for section in definition.sections:
        for part in section.parts:
            if isinstance(part, Table):
                merged.answers[part.name] = _merge_table(
                    part,
                    base.get(part.name) or [],
                    theirs.get(part.name) or [],
                    mine.get(part.name) or [],
                    prefer_mine,
                    merged,
                )
                continue
            value, source = _merge_value(
                part, base.get(part.name), theirs.get(part.name), mine.get(part.name)
            )
            if source == "conflict":
                merged.conflicts.append(
                    Conflict(
                        key=key_of(part.name),
                        label=str(part.label),
                        spec=part,
                        table=None,
                        row_id=None,
                        mine=mine.get(part.name),
                        theirs=theirs.get(part.name),
                    )
                )
                if prefer_mine:
                    value = mine.get(part.name)
            elif source in ("theirs", "both"):
                merged.taken.append(str(part.label))
            merged.answers[part.name] = value
    return merged


def resolve(definition: Definition, base: dict, mine: dict, choices: dict[str, Any]) -> dict:
    """Mine with the conflict page's choices applied, ready to merge against `base` (the
    version the conflict page was based on, which holds theirs for every contested item).
    A choice is "mine" (keep what the form says), "theirs" (take the base's value) or
    ("combined", text)."""
    answers = {**mine}
    for key, choice in choices.items():
        if choice == "mine":
            continue
        parts = key.split(":")
        if len(parts) == 1:
            name = parts[0]
            if name not in {f.name for f in definition.fields}:
                continue
            answers[name] = choice[1] if isinstance(choice, tuple) else base.get(name)
            continue
        try:
            table = definition.table(parts[0])
        except KeyError:
            continue
        rows = [dict(r) for r in answers.get(table.name) or []]
        base_rows = {r["id"]: r for r in base.get(table.name) or []}
        mine_rows = {r["id"]: r for r in rows}
        row_id = parts[1]
        if len(parts) == 2:  # a whole row: theirs means the base's row or its absence
            if row_id in base_rows and row_id not in mine_rows:
                rows.append(dict(base_rows[row_id]))
            elif row_id not in base_rows and row_id in mine_rows:
                rows = [r for r in rows if r["id"] != row_id]
        elif len(parts) == 3 and row_id in mine_rows:
            column = parts[2]
            if column not in {c.name for c in table.columns}:
                continue
            row = mine_rows[row_id]
            if isinstance(choice, tuple):
                row[column] = choice[1]
            else:
                row[column] = (base_rows.get(row_id) or {}).get(column)
        answers[table.name] = rows
    return answers
