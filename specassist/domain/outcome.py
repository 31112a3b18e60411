"""One camera's whole answer: what was surveyed, who made it, what must replace it, and with what.

Every front end reads this one record — the survey table, the detail panel, the
command line, JSON, the costing and the tender — so a question such as "what
state is this camera in" or "what detail did it give at the target" has one
answer everywhere. It is built by ``pipeline.analyse`` and never changed after.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from specassist.domain.deviations import Deviation
from specassist.domain.device_class import DeviceClass
from specassist.domain.identify import Identification
from specassist.domain.matching import Match, Offer
from specassist.domain.measures import Detail
from specassist.domain.requirements import Requirement
from specassist.domain.rules import Decision, Verdict
from specassist.domain.survey import SurveyCamera


class Status(StrEnum):
    """Where a camera stands; the value is the word the app and the reports show."""

    NO_REPLACEMENT = "excluded"
    """Excluded, and nothing in the catalog replaces it: it needs attention."""
    SITE_CHECK = "site check"
    """Excluded, and nothing says what its view is: measured on site before it is sized."""
    TO_REPLACE = "to replace"
    OVERRIDDEN = "overridden"
    NOT_A_CAMERA = "not a camera"
    """Excluded, and not a camera (a recorder, door station, encoder …): never offered a camera;
    it has a replacement path of its own."""
    ALLOWED = "allowed"
    UNKNOWN = "unknown"

    @property
    def needs_site_check(self) -> bool:
        """Unknown makers are identified on site; cameras without a match are looked at there."""
        return self in (Status.UNKNOWN, Status.NO_REPLACEMENT, Status.SITE_CHECK)

    @property
    def excluded(self) -> bool:
        return self in (Status.NO_REPLACEMENT, Status.SITE_CHECK, Status.TO_REPLACE,
                        Status.OVERRIDDEN, Status.NOT_A_CAMERA)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Override:
    """A replacement a person chose instead of the matcher's first choice."""

    model_key: str
    note: str


@dataclass(frozen=True, slots=True)
class CameraOutcome:
    id: int
    """The camera's id in the project (its position in the file when there is no project)."""
    camera: SurveyCamera
    decision: Decision
    requirement: Requirement | None = None
    match: Match | None = None
    override: Override | None = None
    override_offer: Offer | None = None
    """The override judged against the requirement; None when its model is no longer allowed."""

    @property
    def verdict(self) -> Verdict:
        return self.decision.verdict

    @property
    def identification(self) -> Identification:
        return self.decision.identification

    @property
    def offer(self) -> Offer | None:
        """What will be installed: the person's choice when it stands, else the first choice."""
        if self.override_offer is not None:
            return self.override_offer
        return self.match.choice if self.match else None

    @property
    def device_class(self) -> str:
        """What the device is ("camera", "recorder" …), as identification classed it."""
        return self.identification.device_class.value

    @property
    def status(self) -> Status:
        verdict = self.decision.verdict
        if verdict is Verdict.ALLOWED:
            return Status.ALLOWED
        if verdict is Verdict.UNKNOWN:
            return Status.UNKNOWN
        if self.identification.device_class is not DeviceClass.CAMERA:
            return Status.NOT_A_CAMERA
        if self.override_offer is not None:
            return Status.OVERRIDDEN
        if self.offer is not None:
            return Status.TO_REPLACE
        if self.requirement is not None and self.requirement.site_check is not None:
            return Status.SITE_CHECK
        return Status.NO_REPLACEMENT

    @property
    def detail_before(self) -> Detail | None:
        """What the old camera gave at the target, as the requirement worked it out."""
        req = self.requirement
        return req.detail_before.value if req and req.detail_before else None

    @property
    def detail_after(self) -> Detail | None:
        offer = self.offer
        return offer.detail if offer else None

    @property
    def deviations(self) -> tuple[Deviation, ...]:
        """What will be installed falls short of these hard requirements (declared)."""
        offer = self.offer
        return offer.deviations if offer else ()

    @property
    def site(self) -> str:
        return self.camera.site or "Unassigned site"
