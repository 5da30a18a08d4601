"""A table's column reads each of its values as the answer alone would: `reader`, made once
for a column, says what `display` says of each cell."""

from __future__ import annotations

import pytest
from django.utils import translation

from stages.worksheets.declarations import DEFINITIONS
from stages.worksheets.kinds import display, example, reader
from stages.worksheets.schema import Field, Kind

PARTNERS = {7: "Workforce Alliance", 9: "<b>City Hall</b>"}
COLUMNS = [
    column
    for definition in DEFINITIONS.values()
    for table in definition.tables
    for column in table.columns
]
# What a stored answer may hold besides a plausible one: nothing, a choice no longer offered,
# a date that is not one, a partner since removed.
ODD = [None, "", [], "retired-choice", "not a date", 3, 12.5, [7, 4]]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("kind", list(Kind))
def test_a_column_reads_every_value_as_the_answer_alone_reads(kind, language):
    columns = [c for c in COLUMNS if c.kind == kind] or [Field("f", "F", kind)]
    with translation.override(language):
        for column in columns:
            values = [example(column, i, list(PARTNERS), "words") for i in range(6)]
            values += [value for value, _label in column.choices]
            for currency in ("", "USD"):
                read = reader(column, PARTNERS, currency)
                for value in [*values, *ODD]:
                    try:
                        expected = display(column, value, PARTNERS, currency)
                    except (TypeError, ValueError, ArithmeticError, AttributeError) as error:
                        with pytest.raises(type(error)):
                            read(value)
                        continue
                    assert read(value) == expected, (column.name, value)


def test_a_column_reads_choices_and_dates_in_the_readers_language():
    stakeholders = DEFINITIONS["engage-potential-partners"].tables[0]
    status, sector = (
        next(c for c in stakeholders.columns if c.name == n) for n in ("status", "sector")
    )
    due = Field("due", "Due", Kind.DATE)
    with translation.override("es"):
        assert reader(due, {})("2026-05-29") == "29 de mayo de 2026"
        assert reader(status, {})("declined") == "No aceptó"
        assert reader(sector, {})("business") == "Empresas"
    with translation.override("en"):
        assert reader(due, {})("2026-05-29") == "May 29, 2026"
        assert reader(due, {})("soon") == "soon"
        assert reader(status, {})("declined") == "Declined"
        assert reader(status, {})("retired-choice") == "retired-choice"
        assert reader(status, {})(None) == ""
