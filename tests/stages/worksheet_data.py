"""Building worksheet form posts from a declaration, for tests of any of the seventeen."""

from __future__ import annotations

from stages.worksheets.kinds import LONG_TEXT_LIMIT, TEXT_LIMIT
from stages.worksheets.schema import Definition, Field, Kind


def sample(spec: Field, partners: list[int], text: str = "") -> tuple[object, object]:
    """A valid posted value for a field and the value it should be stored as."""
    match spec.kind:
        case Kind.TEXT:
            value = text or f"{spec.name} answer"
            return value, value
        case Kind.LONG_TEXT:
            value = text or f"What we said about {spec.name}.\nA second line."
            return value, value
        case Kind.CHOICE:
            return spec.choices[-1][0], spec.choices[-1][0]
        case Kind.SECTOR:
            return "academia", "academia"
        case Kind.SCALE:
            return "4", 4
        case Kind.NUMBER:
            return "12.5", 12.5
        case Kind.MONEY:
            return "1500.00", 1500.0
        case Kind.DATE:
            return "2026-06-30", "2026-06-30"
        case Kind.PARTNER:
            return str(partners[0]), partners[0]
        case Kind.PARTNERS:
            return [str(p) for p in partners], partners
    raise AssertionError(spec.kind)


def form_post(
    definition: Definition, partners: list[int], version: int, action: str = "save", text=""
) -> tuple[dict, dict]:
    """A complete post (every field answered, one row per table) and the expected answers."""
    data: dict = {"version": str(version), "action": action}
    expected: dict = {}
    for spec in definition.fields:
        posted, stored = sample(spec, partners, text)
        data[f"answers-{spec.name}"] = posted
        expected[spec.name] = stored
    for table in definition.tables:
        prefix = table.name
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "1",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-0-id": f"new-{prefix[:6]}".replace("_", "-"),
                f"{prefix}-0-ORDER": "1",
            }
        )
        row = {"id": data[f"{prefix}-0-id"]}
        for column in table.columns:
            posted, stored = sample(column, partners, text)
            data[f"{prefix}-0-{column.name}"] = posted
            row[column.name] = stored
        expected[table.name] = [row]
    return data, expected


def empty_post(definition: Definition, version: int, action: str = "save") -> dict:
    data: dict = {"version": str(version), "action": action}
    for table in definition.tables:
        data[f"{table.name}-TOTAL_FORMS"] = "0"
        data[f"{table.name}-INITIAL_FORMS"] = "0"
    return data


def answers_post(definition: Definition, answers: dict, version: int, action="save") -> dict:
    """The post a worksheet form makes when it shows `answers` (as stored) unchanged."""
    data: dict = {"version": str(version), "action": action}
    for spec in definition.fields:
        value = answers.get(spec.name)
        if value is None:
            continue
        data[f"answers-{spec.name}"] = [str(v) for v in value] if isinstance(value, list) else value
    for table in definition.tables:
        rows = answers.get(table.name) or []
        data[f"{table.name}-TOTAL_FORMS"] = str(len(rows))
        data[f"{table.name}-INITIAL_FORMS"] = str(len(rows))
        for index, row in enumerate(rows):
            data[f"{table.name}-{index}-id"] = row["id"]
            data[f"{table.name}-{index}-ORDER"] = str(index + 1)
            for column in table.columns:
                value = row.get(column.name)
                if value is None:
                    continue
                key = f"{table.name}-{index}-{column.name}"
                data[key] = [str(v) for v in value] if isinstance(value, list) else str(value)
    return data


def refused(spec: Field) -> object:
    """A posted value the worksheet refuses for this field, with a message next to it."""
    match spec.kind:
        case Kind.TEXT | Kind.LONG_TEXT:
            limit = spec.max_length or (TEXT_LIMIT if spec.kind == Kind.TEXT else LONG_TEXT_LIMIT)
            return "x" * (limit + 1)
        case Kind.NUMBER:
            return "12345678901234567.5"  # a number, as a browser sends it, but too long
        case Kind.MONEY:
            return "many"
        case Kind.DATE:
            return "2026-06-30"  # a browser sends only real dates: nothing to refuse
        case Kind.PARTNERS:
            return ["999999"]
    return "not-a-choice"


def refused_post(definition: Definition, version: int) -> dict:
    """A post with every answer and every cell of one row refused: every error showing."""
    data: dict = {"version": str(version), "action": "save"}
    for spec in definition.fields:
        data[f"answers-{spec.name}"] = refused(spec)
    for table in definition.tables:
        prefix = table.name
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "1",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-0-id": "new-refused",
                f"{prefix}-0-ORDER": "1",
            }
        )
        for column in table.columns:
            data[f"{prefix}-0-{column.name}"] = refused(column)
    return data
