"""The worksheet engine: each tool's worksheet is declared once (sections, prompts, fields,
tables) in its module under `declarations/`; `kinds.py` says how each kind of field becomes a
form field, a reading and JSON; `forms.py` turns a declaration into forms, and one view and one
template family render and save any of them."""
