"""Everything about the selected camera: who made it, why it is flagged, what replaces it.

Read-only text is a QTextBrowser (selectable, citations are clickable links);
the replacement choices are a list the user can pick from, and the picture is
a ``FovView``. The panel emits signals; the main window turns them into undoable
commands, so this widget never changes the project itself.

What a surveyor needs first comes first: the verdict, what replaces the camera
(or why nothing does, or which requirements an override misses), then the
reasons; the requirement, the full explanation and the evidence follow. On a
small screen the text keeps the room and the picture gives way.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from specassist.domain import formatting as fmt
from specassist.domain.device_class import DeviceClass
from specassist.domain.formatting import UnitSystem
from specassist.domain.matching import Offer
from specassist.domain.measures import Figure, deg, metres, pixels, watts
from specassist.domain.outcome import CameraOutcome, Status
from specassist.domain.requirements import PANORAMIC, Requirement, Sourced
from specassist.domain.survey import SurveyedCamera
from specassist.ui.models.survey_table_model import warning_icon
from specassist.ui.styles import WARNING_RED
from specassist.ui.widgets.fov_view import FovScene, FovView
from specassist.ui.widgets.photo_strip import Photo, PhotoStrip

KEY_ROLE = Qt.ItemDataRole.UserRole + 10


def _h(text: object) -> str:
    return escape(str(text))


class DetailPanel(QWidget):
    sig_use_offer = Signal(int, str)
    """camera id, model key: the user picked one of the listed replacements."""
    sig_choose_other = Signal(int)
    sig_clear_override = Signal(int)
    sig_add_photo = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.camera_id: int | None = None
        self.units = UnitSystem.METRIC
        self.vendor_names: Mapping[str, str] = {}
        self.title = QLabel("Select a camera to see why it is flagged and what replaces it.")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setAccessibleName("Camera details")
        self.choices = QListWidget()
        self.choices.setAccessibleName("Replacement choices")
        self.choices.setToolTip("The first choice and alternates; select one and press Use")
        self.choices.itemDoubleClicked.connect(lambda _item: self._use())
        self.use_button = QPushButton("&Use selected")
        self.use_button.setToolTip("Replace with the selected model (undoable)")
        self.other_button = QPushButton("Other &model…")
        self.other_button.setToolTip("Choose any allowed model from the catalog")
        self.clear_button = QPushButton("&Clear override")
        self.photo_button = QPushButton("Add &photo…")
        self.photo_button.setToolTip("Store a photo of this camera inside the project")
        self.use_button.clicked.connect(self._use)
        self.other_button.clicked.connect(lambda: self._emit(self.sig_choose_other))
        self.clear_button.clicked.connect(lambda: self._emit(self.sig_clear_override))
        self.photo_button.clicked.connect(lambda: self._emit(self.sig_add_photo))
        self.fov = FovView()
        self.photo_strip = PhotoStrip()

        buttons = QHBoxLayout()
        for button in (self.use_button, self.other_button, self.clear_button, self.photo_button):
            buttons.addWidget(button)
        choices = QWidget()
        box = QVBoxLayout(choices)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel("Replacement"))
        box.addWidget(self.choices)
        box.addLayout(buttons)
        box.addWidget(self.photo_strip)
        self.text.setMinimumHeight(120)
        self.choices.setMinimumHeight(60)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.text)
        splitter.addWidget(choices)
        splitter.addWidget(self.fov)
        splitter.setCollapsible(0, False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([320, 150, 230])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(splitter)
        self.show_camera(None, None, [])

    def _emit(self, signal: SignalInstance) -> None:
        if self.camera_id is not None:
            signal.emit(self.camera_id)

    def _use(self) -> None:
        item = self.choices.currentItem()
        if self.camera_id is not None and item is not None:
            self.sig_use_offer.emit(self.camera_id, item.data(KEY_ROLE))

    # ------------------------------------------------------------ content

    def show_camera(
        self,
        stored: SurveyedCamera | None,
        result: CameraOutcome | None,
        photo_names: list[str],
    ) -> None:
        self.camera_id = stored.id if stored else None
        self.choices.clear()
        enabled = stored is not None and result is not None and result.match is not None
        for button in (self.use_button, self.other_button):
            button.setEnabled(enabled)
        self.clear_button.setEnabled(bool(result and result.override))
        self.photo_button.setEnabled(stored is not None)
        if stored is None or stored.id != self.photo_strip.camera_id:
            self.photo_strip.show_photos(None, [])
        if stored is None:
            self.title.setText("Select a camera to see why it is flagged and what replaces it.")
            self.text.setHtml("")
            self.fov.set_scene(None, self.units)
            return
        camera = stored.camera
        self.title.setText(
            f"<b>{_h(camera.display_tag)}</b> — {_h(camera.make or '?')} "
            f"{_h(camera.model or '?')}" + (f" · {_h(camera.site)}" if camera.site else "")
        )
        self.text.setHtml(self._html(stored, result, photo_names))
        if result is not None and result.match is not None:
            match = result.match
            offers = [o for o in (match.choice, *match.alternates) if o is not None]
            if result.override_offer is not None:
                offers.insert(0, result.override_offer)
            for offer in offers:
                failed = len(offer.failed)
                count = f"{offer.quantity} × " if offer.quantity > 1 else ""
                label = (f"{offer.role}: {count}{self._model_name(offer)} — score "
                         f"{offer.score:g} of 100"
                         + (f" — does not meet {failed} requirement(s)" if failed else "")
                         + (f" — {len(offer.deviations)} declared deviation(s)"
                            if offer.deviations and not failed else ""))  # fmt: skip
                item = QListWidgetItem(label)
                item.setData(KEY_ROLE, offer.model.key)
                item.setToolTip("\n".join(fmt.explanation(offer, self.units)))
                if failed:
                    item.setIcon(warning_icon())
                    item.setForeground(QColor(WARNING_RED))
                self.choices.addItem(item)
            if self.choices.count():
                self.choices.setCurrentRow(0)
        self.fov.set_scene(self._scene(stored, result), self.units)

    def show_photos(self, camera_id: int, photos: list[Photo]) -> None:
        """Thumbnails of the shown camera's photos (read on a worker; late ones are dropped)."""
        if camera_id == self.camera_id:
            self.photo_strip.show_photos(camera_id, photos)

    def _vendor(self, vendor_id: str | None) -> str:
        return self.vendor_names.get(vendor_id, vendor_id) if vendor_id else ""

    def _model_name(self, offer: Offer) -> str:
        return f"{self._vendor(offer.model.vendor_id)} {offer.model.model}"

    def _scene(self, stored: SurveyedCamera, result: CameraOutcome | None) -> FovScene | None:
        offer = result.offer if result else None
        req = result.requirement if result else None
        if offer is None or req is None:
            return None
        camera = stored.camera
        old_px = camera.resolution.width if camera.resolution else None
        old_model = result.identification.model if result else None
        if old_px is None and old_model and old_model.resolution:
            old_px = old_model.resolution.width
        return FovScene(
            new_hfov=offer.setting_hfov_deg,
            new_px=offer.model.resolution.width if offer.model.resolution else None,
            old_hfov=req.scene_hfov_deg.value if req.scene_hfov_deg else None,
            old_px=old_px,
            distance_m=req.distance_m.value if req.distance_m else None,
            panoramic=req.form_family.value in PANORAMIC,
        )

    def _html(
        self, stored: SurveyedCamera, result: CameraOutcome | None, photo_names: list[str]
    ) -> str:
        parts: list[str] = []
        if result is None:
            parts.append("<p><i>Not analysed yet.</i></p>")
        else:
            decision = result.decision
            ident = decision.identification
            maker = self._vendor(ident.maker_id) or "not identified"
            parts.append(
                f"<h3>Verdict: {_h(decision.verdict.value)}</h3><p>Maker: "
                f"<b>{_h(maker)}</b> ({_h(ident.level.value)} "
                f"confidence, {ident.confidence:.2f})</p>"
            )
            if ident.device_class is not DeviceClass.CAMERA or not ident.device_class_assumed:
                kind = ident.device_class.value.replace("_", " ")
                parts.append(f"<p>Device class: <b>{_h(kind)}</b> "
                             f"<small>({_h(ident.device_class_basis)})</small></p>")  # fmt: skip
            for warning in decision.warnings:
                parts.append(f"<p style='color:{WARNING_RED}'>⚠ {_h(warning)}</p>")
            parts.append(self._replacement_summary(result))
            parts.append(self._reasons_html(result))
            if result.requirement is not None:
                parts.append(self._requirement_html(result.requirement))
            offer = result.offer
            if offer is not None:
                parts.append("<h4>How it meets the requirement</h4><ul>")
                parts.extend(f"<li>{_h(line)}</li>" for line in fmt.explanation(offer, self.units)
                             if not line.startswith(("DEVIATION", "score ")))  # fmt: skip
                parts.append("</ul>")
            parts.append("<h4>Evidence</h4><table cellspacing='4'>")
            for e in ident.evidence:
                maker = self._vendor(e.maker_id)
                parts.append(f"<tr><td>{_h(e.kind.value)}</td><td>{_h(maker)}</td>"
                             f"<td>{e.weight:.2f}</td><td>{_h(e.detail)}</td></tr>")  # fmt: skip
            parts.append("</table>")
        camera = stored.camera
        if camera.notes or camera.status or photo_names:
            parts.append("<h4>Survey</h4>")
            if camera.status:
                parts.append(f"<p>Status: {_h(camera.status.value.replace('_', ' '))}</p>")
            if camera.notes:
                parts.append(f"<p>Notes: {_h(camera.notes)}</p>")
            if photo_names:
                parts.append(f"<p>Photos: {_h(', '.join(photo_names))}</p>")
        return "".join(parts)

    def _replacement_summary(self, result: CameraOutcome) -> str:
        """What replaces the camera — or why nothing does — in a few lines near the top."""
        offer = result.offer
        if offer is None:
            if result.match is None:
                return ""
            why = fmt.no_match(result.match.no_match, self.units)
            heading = "Site check" if result.status is Status.SITE_CHECK else "No replacement"
            return f"<h4 style='color:{WARNING_RED}'>{heading}</h4><p>{_h(why)}</p>"
        overridden = result.status is Status.OVERRIDDEN
        heading = "Override" if overridden else "Replacement"
        note = f" — {_h(result.override.note)}" if overridden and result.override else ""
        count = f"{offer.quantity} × " if offer.quantity > 1 else ""
        parts = [f"<h4>{heading}: {count}{_h(self._model_name(offer))}{note}</h4>"]
        if offer.failed:
            parts.append(f"<p style='color:{WARNING_RED}'><b>⚠ Does not meet "
                         f"{len(offer.failed)} requirement(s):</b></p><ul>")  # fmt: skip
            parts.extend(f"<li style='color:{WARNING_RED}'>{_h(fmt.check_line(c, self.units))}"
                         "</li>" for c in offer.failed)  # fmt: skip
            parts.append("</ul>")
            first = result.match.choice if result.match else None
            if overridden and first is not None and first.model.key != offer.model.key:
                misses = len(first.failed)
                meets = "meets every requirement" if not misses else \
                    f"misses {misses} requirement(s)"  # fmt: skip
                parts.append(f"<p>The recommended {_h(self._model_name(first))} {meets}.</p>")
        parts.append(self._deviations_html(offer))
        return "".join(parts)

    def _reasons_html(self, result: CameraOutcome) -> str:
        reasons = result.decision.reasons
        if not reasons:
            return ""
        parts = ["<h4>Reasons</h4><ul>"]
        for reason in reasons:
            c = reason.citation
            link = f"<a href='{_h(c.url)}'>{_h(c.title)}</a>" if c.url else _h(c.title)
            parts.append(f"<li><b>{_h(reason.rule)}</b>: {_h(reason.description)}<br>"
                         f"{_h('; '.join(reason.evidence))}<br><small>{link}"
                         f"{' (' + c.date.isoformat() + ')' if c.date else ''}"
                         "</small></li>")  # fmt: skip
        parts.append("</ul>")
        return "".join(parts)

    def _deviations_html(self, offer: Offer) -> str:
        """Declared deviations with their severity, then the score's parts."""
        colours = {"minor": "#ef6c00", "confirm": "#6d4c41", "major": "#c62828",
                   "critical": "#b71c1c"}  # fmt: skip
        out = []
        if offer.deviations:
            out.append("<p><b>Declared deviations</b></p><table cellspacing='4'>")
            for d in offer.deviations:
                colour = colours.get(d.severity.value, "#000")
                out.append(f"<tr><td style='color:{colour}'><b>{_h(d.severity.value)}</b></td>"
                           f"<td>{_h(fmt.deviation_line(d, self.units))}</td></tr>")  # fmt: skip
            out.append("</table>")
        parts = " · ".join(
            f"{_h(p.name)} {p.points + 0.0:g}" + (f"/{p.best:g}" if p.best else "")
            for p in offer.score_parts
        )
        out.append(f"<p><small>Score {offer.score:g} of 100: {parts}</small></p>")
        return "".join(out)

    def _requirement_html(self, req: Requirement) -> str:
        units = self.units

        def row(
            name: str, item: Sourced[object] | None, shown: Figure = None, checked: bool = True
        ) -> str:
            if item is None:
                return ""
            text = (
                fmt.figure(shown, units)
                if shown is not None
                else str(getattr(item.value, "value", item.value))
            )
            note = f"; {fmt.note(item.note, units)}" if item.note else ""
            kind = ("required" if item.hard else "preference") if checked else ""
            return (f"<tr><td>{_h(name)}</td><td><b>{_h(text)}</b></td><td>{kind}</td>"
                    f"<td><small>{_h(item.origin.value)}{_h(note)}</small></td></tr>")  # fmt: skip

        def amount(item: Sourced[float] | None, unit: object) -> Figure:
            return unit(item.value) if item is not None and callable(unit) else None

        rows = [
            row("Form", req.form_family),
            row("Field of view", req.scene_hfov_deg, amount(req.scene_hfov_deg, deg)),
            row("Pixels across the view", req.px_across_scene,
                pixels(req.px_across_scene.value) if req.px_across_scene else None),
            row("Target distance", req.distance_m, amount(req.distance_m, metres), False),
            row("Detail level", req.dori),
            row("Detail before", req.detail_before,
                req.detail_before.value if req.detail_before else None, False),
            row("Mount", req.mount, checked=False),
            row("Ingress", req.min_ip),
            row("Impact", req.min_ik),
            row("IR range", req.min_ir_m, amount(req.min_ir_m, metres)),
            row("Power budget", req.max_power_w, amount(req.max_power_w, watts)),
            row("Audio", req.audio),
            row("Alarm I/O", req.alarm_io),
        ]  # fmt: skip
        density = req.min_density_px_per_m
        extra = (f"<p>Needed density at the target: {_h(fmt.density(density, units))}</p>"
                 if density else "")  # fmt: skip
        notes = "".join(f"<p><small>{_h(fmt.note(n, units))}</small></p>" for n in req.notes)
        if req.site_check is not None:
            notes += (f"<p style='color:#ad1457'>Site check: "
                      f"{_h(fmt.note(req.site_check, units))}</p>")  # fmt: skip
        return ("<h4>Requirement</h4><p><small>Required figures filter the catalog; preferences "
                "(figures only the old datasheet gives) count in the score.</small></p>"
                "<table cellspacing='4'>" + "".join(rows) + "</table>" + extra + notes)  # fmt: skip
