"""The worksheet engine: each tool's worksheet is declared once (sections, prompts, fields,
tables) in `declarations.py`; `forms.py` turns a declaration into forms, and one view and one
template family render and save any of them."""
