"""Read the selected camera's photos and make their thumbnails off the GUI thread.

A site photo is a 3–8 MB JPEG; decoding a few on the GUI thread would hold
the window for a noticeable moment on every selection. ``QImage`` is plain
image data, not a ``QObject``, and Qt documents it as safe to create and
scale in any thread; only the ``QPixmap`` for the screen is made on the GUI
thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from specassist.services import capture
from specassist.services.projects import Project
from specassist.ui import workers
from specassist.ui.widgets.detail_panel import DetailPanel
from specassist.ui.widgets.photo_strip import THUMB_PX, Photo


def read_photos(project: Project, camera_id: int) -> list[Photo]:
    """The camera's photos with thumbnails (for a worker thread)."""
    photos = []
    for photo_id, name, data in capture.photos(project, camera_id):
        image = QImage.fromData(data)
        thumbnail = (
            image.scaled(THUMB_PX, THUMB_PX, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
            if not image.isNull() else QImage()
        )  # fmt: skip
        photos.append(Photo(photo_id, name, data, thumbnail))
    return photos


class PhotoLoader(QObject):
    sig_loaded = Signal(int)
    """The photos of this camera are shown."""
    sig_failed = Signal(str)

    def __init__(self, panel: DetailPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self._task: workers.Task | None = None

    def load(self, project: Project | None, camera_id: int | None) -> None:
        """Show ``camera_id``'s photos (None: none); an earlier request still running is
        cancelled, and a result for a camera no longer shown is dropped."""
        if self._task is not None and not self._task.done:
            self._task.cancel()
        if project is None or camera_id is None:
            return

        def work(_progress: workers.Progress, _cancelled: object) -> object:
            return read_photos(project, camera_id)

        def done(photos: object) -> None:
            assert isinstance(photos, list)
            self.panel.show_photos(camera_id, photos)
            self.sig_loaded.emit(camera_id)

        def failed(message: str) -> None:
            self.panel.show_photos(camera_id, [])
            self.sig_failed.emit(f"The photos could not be read: {message}")

        self._task = workers.run_task(work, done, failed)
