"""Files attached to records: proposals, grants, grantee reports and receipts (their letters).

``content`` decides what a file is from its bytes and names it safely; ``storage`` keeps the
bytes (the local filesystem, or an S3-compatible object store); ``models`` and ``services``
record each file, its SHA-256 and its withdrawal; ``routes`` adds the file routes of a record
to its domain's blueprint, with that record's access rules.
"""
