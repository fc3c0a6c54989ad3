from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.job_state import JobState
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.job_problem_type_0 import JobProblemType0
    from ..models.job_progress import JobProgress
    from ..models.job_result_type_0 import JobResultType0


T = TypeVar("T", bound="Job")


@_attrs_define
class Job:
    """
    Attributes:
        id (int):
        kind (str): What the job does: document, contributions.import
        state (JobState):
        progress (JobProgress):
        result (JobResultType0 | None): When done: `href`, the link to the result (a document: GET it, with its ETag),
            and what the job reports (an import's counts)
        problem (JobProblemType0 | None): When failed: the problem (RFC 9457) the request would have answered
        attempts (int): How many times a worker started it
        href (str): This job's own link (GET it to follow the job)
        created_at (datetime.datetime):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
    """

    id: int
    kind: str
    state: JobState
    progress: JobProgress
    result: JobResultType0 | None
    problem: JobProblemType0 | None
    attempts: int
    href: str
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.job_problem_type_0 import JobProblemType0  # noqa: PLC0415
        from ..models.job_progress import JobProgress  # noqa: PLC0415
        from ..models.job_result_type_0 import JobResultType0  # noqa: PLC0415

        id = self.id

        kind = self.kind

        state = self.state.value

        progress = self.progress.to_dict()

        result: dict[str, Any] | None
        if isinstance(self.result, JobResultType0):
            result = self.result.to_dict()
        else:
            result = self.result

        problem: dict[str, Any] | None
        if isinstance(self.problem, JobProblemType0):
            problem = self.problem.to_dict()
        else:
            problem = self.problem

        attempts = self.attempts

        href = self.href

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "state": state,
                "progress": progress,
                "result": result,
                "problem": problem,
                "attempts": attempts,
                "href": href,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_problem_type_0 import JobProblemType0  # noqa: PLC0415
        from ..models.job_progress import JobProgress  # noqa: PLC0415
        from ..models.job_result_type_0 import JobResultType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        kind = d.pop("kind")

        state = JobState(d.pop("state"))

        progress = JobProgress.from_dict(d.pop("progress"))

        def _parse_result(data: object) -> JobResultType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = JobResultType0.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobResultType0 | None, data)

        result = _parse_result(d.pop("result"))

        def _parse_problem(data: object) -> JobProblemType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                problem_type_0 = JobProblemType0.from_dict(data)

                return problem_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobProblemType0 | None, data)

        problem = _parse_problem(d.pop("problem"))

        attempts = d.pop("attempts")

        href = d.pop("href")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        job = cls(
            id=id,
            kind=kind,
            state=state,
            progress=progress,
            result=result,
            problem=problem,
            attempts=attempts,
            href=href,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
        )

        return job
