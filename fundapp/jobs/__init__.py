"""Long work as jobs: document renders, imports and exports run apart from the request.

The ``job`` table is the record every server reads (state, progress, result, problem), one
row per distinct piece of work (its ``kind`` and ``key``: the same render or import asked twice
is one job). How a queued job gets run is the backend's (``JOBS_BACKEND``, ``runners``):
procrastinate's worker on PostgreSQL (``flask fund worker``), threads of the app on SQLite, or
the caller's own thread (tests, scripts). Every backend runs the same function, ``execute``.
"""
