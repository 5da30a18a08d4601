"""Export and import of one collaboration as a JSON document (see `exchange.py`).

It reads and writes every app's records, so it sits above them all; no app imports it.
"""
