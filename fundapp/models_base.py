"""Column mixins shared by the domain models."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import Boolean, FromClause, String
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from .db import utcnow


class Timestamps:
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Provenance:
    """Where a record comes from: a real figure's source, or an illustrative invention."""

    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str | None] = mapped_column(String(300))


class Versioned:
    """An integer version bumped on every ORM update; backs ETag / If-Match."""

    version: Mapped[int] = mapped_column(default=1)
    if TYPE_CHECKING:
        __table__: ClassVar[FromClause]  # the model's this is mixed into

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805
        return {"version_id_col": cls.__table__.c.version}
