"""What the books' tests check in several places."""

from __future__ import annotations

from sqlalchemy import select

from fundapp.books import services
from fundapp.books.models import EVERY_FUND, ReceivedByDonor, ReceivedByKind, ReceivedByKindYear


def kind_sums_kept_and_recomputed(session) -> tuple[set[tuple], set[tuple]]:
    """The donor kinds' maintained sums (rows that hold something) and the same summed anew from
    the donors' sums, for every fund that has some and over every fund."""
    kept: set[tuple] = set()
    recomputed: set[tuple] = set()
    scopes = [EVERY_FUND, *session.scalars(select(ReceivedByDonor.fund_id).distinct())]
    for kinds in (ReceivedByKind, ReceivedByKindYear):
        columns = [c.name for c in kinds.__table__.columns]
        kept |= {
            (kinds.__tablename__, *row)
            for row in session.execute(select(*[getattr(kinds, c) for c in columns]))
            if any(row[-3:])
        }
        for scope in scopes:
            sums = services.kind_sums(kinds, scope)
            recomputed |= {
                (kinds.__tablename__, *(row._mapping[c] for c in columns))
                for row in session.execute(sums)
                if any(row[-3:])
            }
    return kept, recomputed
