"""Each partner organization's number of sign-offs, kept by the database itself.

The portfolio and its CSV name, for every collaboration a facilitator follows, the partners
who have not signed off every worksheet waiting for it: a count per partner (8,000 of them
for 200 collaborations). Counting each partner's sign-offs there, from the index on their
partner, was half the CSV's cost. The count is now kept in `collaborations_partner.sign_offs`
by triggers on `stages_signoff`, so that no way of adding, removing or moving a sign-off
(the views, the admin, bulk inserts of the demo data and of an imported collaboration, a
deletion that cascades) can leave it wrong.

The column is the database's alone: it is no field of `Partner`, so saving a partner read
before a sign-off was recorded cannot write back an older count. Only the portfolio's SQL
(`dashboards.portfolio`) reads it.
"""

from django.db import migrations

ADD_COLUMN = "ALTER TABLE collaborations_partner ADD COLUMN sign_offs integer NOT NULL DEFAULT 0"
COUNT_EXISTING = (
    "UPDATE collaborations_partner SET sign_offs = "
    "(SELECT COUNT(*) FROM stages_signoff s WHERE s.partner_id = collaborations_partner.id)"
)
ADDED = "UPDATE collaborations_partner SET sign_offs = sign_offs + 1 WHERE id = NEW.partner_id;"
REMOVED = "UPDATE collaborations_partner SET sign_offs = sign_offs - 1 WHERE id = OLD.partner_id;"

TRIGGERS = {
    "sqlite": [
        f"CREATE TRIGGER stages_signoff_added AFTER INSERT ON stages_signoff BEGIN {ADDED} END",
        f"CREATE TRIGGER stages_signoff_removed AFTER DELETE ON stages_signoff BEGIN {REMOVED} END",
        "CREATE TRIGGER stages_signoff_moved AFTER UPDATE OF partner_id ON stages_signoff "
        f"WHEN OLD.partner_id <> NEW.partner_id BEGIN {REMOVED} {ADDED} END",
    ],
    "postgresql": [
        "CREATE FUNCTION stages_signoff_count() RETURNS trigger AS $$ BEGIN "
        f"IF TG_OP IN ('DELETE', 'UPDATE') THEN {REMOVED} END IF; "
        f"IF TG_OP IN ('INSERT', 'UPDATE') THEN {ADDED} END IF; "
        "RETURN NULL; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER stages_signoff_count AFTER INSERT OR DELETE OR UPDATE OF partner_id "
        "ON stages_signoff FOR EACH ROW EXECUTE FUNCTION stages_signoff_count()",
    ],
}
DROP = {
    "sqlite": [
        "DROP TRIGGER stages_signoff_added",
        "DROP TRIGGER stages_signoff_removed",
        "DROP TRIGGER stages_signoff_moved",
    ],
    "postgresql": [
        "DROP TRIGGER stages_signoff_count ON stages_signoff",
        "DROP FUNCTION stages_signoff_count()",
    ],
}


def _statements(schema_editor, statements: dict) -> list[str]:
    vendor = schema_editor.connection.vendor
    if vendor not in statements:
        raise NotImplementedError(
            f"Sign-offs are counted by triggers written for SQLite and PostgreSQL, not {vendor}."
        )
    return statements[vendor]


def count_sign_offs(apps, schema_editor) -> None:
    """The column, each partner's sign-offs counted, and the triggers that keep the count."""
    for statement in [ADD_COLUMN, COUNT_EXISTING, *_statements(schema_editor, TRIGGERS)]:
        schema_editor.execute(statement)


def stop_counting(apps, schema_editor) -> None:
    for statement in _statements(schema_editor, DROP):
        schema_editor.execute(statement)
    schema_editor.execute("ALTER TABLE collaborations_partner DROP COLUMN sign_offs")


class Migration(migrations.Migration):
    dependencies = [
        ("collaborations", "0003_profile_and_invitation_language"),
        ("stages", "0012_measurement_by_date"),
    ]

    operations = [migrations.RunPython(count_sign_offs, stop_counting)]
