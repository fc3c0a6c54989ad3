"""Totals have no tables of their own: they aggregate receipts, contributions and donors
(``contributions/models.py``) and grants (``grants/models.py``) in SQL."""
