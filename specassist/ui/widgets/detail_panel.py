"""Everything about the selected camera: who made it, why it is flagged, what replaces it.

Read-only text is a QTextBrowser (selectable, citations are clickable links);
the replacement choices are a list the user can pick from, and the picture is
a ``FovView``. The panel emits signals; the main window turns them into undoable
commands, so this widget never changes the project itself.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal, SignalInstance
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
from specassist.domain.formatting import UnitSystem
from specassist.domain.matching import Offer
from specassist.domain.measures import Figure, deg, metres, pixels, watts
from specassist.domain.outcome import CameraOutcome, Status
from specassist.domain.requirements import PANORAMIC, Requirement, Sourced
from specassist.domain.survey import SurveyedCamera
from specassist.ui.widgets.fov_view import FovScene, FovView

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

        buttons = QHBoxLayout()
        for button in (self.use_button, self.other_button, self.clear_button, self.photo_button):
            buttons.addWidget(button)
        choices = QWidget()
        box = QVBoxLayout(choices)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel("Replacement"))
        box.addWidget(self.choices)
        box.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.text)
        splitter.addWidget(choices)
        splitter.addWidget(self.fov)
        splitter.setSizes([320, 150, 230])
        layout = QVBoxLayout(self)
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
                label = (f"{offer.role}: {count}{offer.model.vendor_id} {offer.model.model} "
                         f"— score {offer.score:g} of 100"
                         + (f" — does not meet {failed} requirement(s)" if failed else "")
                         + (f" — {len(offer.deviations)} declared deviation(s)"
                            if offer.deviations and not failed else ""))  # fmt: skip
                item = QListWidgetItem(label)
                item.setData(KEY_ROLE, offer.model.key)
                item.setToolTip("\n".join(fmt.explanation(offer, self.units)))
                self.choices.addItem(item)
            if self.choices.count():
                self.choices.setCurrentRow(0)
        self.fov.set_scene(self._scene(stored, result), self.units)

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
            parts.append(
                f"<h3>Verdict: {_h(decision.verdict.value)}</h3><p>Maker: "
                f"<b>{_h(ident.maker_id or 'not identified')}</b> ({_h(ident.level.value)} "
                f"confidence, {ident.confidence:.2f})</p>"
            )
            for warning in decision.warnings:
                parts.append(f"<p style='color:#b71c1c'>⚠ {_h(warning)}</p>")
            if decision.reasons:
                parts.append("<h4>Reasons</h4><ul>")
                for reason in decision.reasons:
                    c = reason.citation
                    link = f"<a href='{_h(c.url)}'>{_h(c.title)}</a>" if c.url else _h(c.title)
                    parts.append(f"<li><b>{_h(reason.rule)}</b>: {_h(reason.description)}<br>"
                                 f"{_h('; '.join(reason.evidence))}<br><small>{link}"
                                 f"{' (' + c.date.isoformat() + ')' if c.date else ''}"
                                 "</small></li>")  # fmt: skip
                parts.append("</ul>")
            parts.append("<h4>Evidence</h4><table cellspacing='4'>")
            for e in ident.evidence:
                parts.append(f"<tr><td>{_h(e.kind.value)}</td><td>{_h(e.maker_id)}</td>"
                             f"<td>{e.weight:.2f}</td><td>{_h(e.detail)}</td></tr>")  # fmt: skip
            parts.append("</table>")
            if result.requirement is not None:
                parts.append(self._requirement_html(result.requirement))
            offer = result.offer
            if offer is not None:
                overridden = result.status is Status.OVERRIDDEN
                heading = "Override" if overridden else "First choice"
                note = f" — {_h(result.override.note)}" if overridden and result.override else ""
                parts.append(f"<h4>{heading}: {_h(offer.model.vendor_id)} "
                             f"{_h(offer.model.model)}{note}</h4>")  # fmt: skip
                if offer.failed:
                    names = ", ".join(c.name for c in offer.failed)
                    parts.append(f"<p style='color:#b71c1c'>⚠ Does not meet: {_h(names)}</p>")
                parts.append(self._deviations_html(offer))
                parts.append("<ul>")
                parts.extend(f"<li>{_h(line)}</li>" for line in fmt.explanation(offer, self.units)
                             if not line.startswith(("DEVIATION", "score ")))  # fmt: skip
                parts.append("</ul>")
            elif result.match is not None:
                why = fmt.no_match(result.match.no_match, self.units)
                heading = "Site check" if result.status is Status.SITE_CHECK else "No replacement"
                parts.append(f"<h4>{heading}</h4><p>{_h(why)}</p>")
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
