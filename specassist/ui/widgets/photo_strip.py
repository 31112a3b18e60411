"""A camera's photos as thumbnails; activating one opens it large, with previous and next.

Thumbnails arrive already decoded and scaled (``ui/photos.py`` does that off
the GUI thread); the viewer decodes the full image only when it is opened. A
photo Qt cannot decode (HEIC without a plugin) shows its name and says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

THUMB_PX = 72
"""Thumbnail edge: three fit across the detail panel at its narrowest (300 px)."""
INDEX_ROLE = Qt.ItemDataRole.UserRole + 20


@dataclass(frozen=True)
class Photo:
    photo_id: int
    name: str
    data: bytes
    thumbnail: QImage
    """Null when the format cannot be decoded here."""


class PhotoStrip(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.camera_id: int | None = None
        self.photos: list[Photo] = []
        self.viewer: PhotoViewer | None = None
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.setFixedHeight(THUMB_PX + 40)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setAccessibleName("Photos of this camera")
        self.setToolTip("Double-click a photo to see it large")
        self.itemActivated.connect(lambda item: self.open_viewer(int(item.data(INDEX_ROLE))))
        self.hide()

    def show_photos(self, camera_id: int | None, photos: list[Photo]) -> None:
        self.camera_id, self.photos = camera_id, list(photos)
        self.clear()
        for n, photo in enumerate(photos):
            item = QListWidgetItem(photo.name)
            if not photo.thumbnail.isNull():
                item.setIcon(QIcon(QPixmap.fromImage(photo.thumbnail)))
            item.setToolTip(photo.name)
            item.setData(INDEX_ROLE, n)
            self.addItem(item)
        self.setVisible(bool(photos))

    def open_viewer(self, index: int) -> PhotoViewer:
        self.viewer = PhotoViewer(self.photos, index, self.window())
        self.viewer.open()
        return self.viewer


class PhotoViewer(QDialog):
    """One photo at a time, scaled to the dialog; arrow keys or the buttons move along."""

    def __init__(self, photos: list[Photo], index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photos = photos
        self.index = index
        self._image = QImage()
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setMinimumSize(200, 150)
        self.picture.setAccessibleName("Photo")
        self.caption = QLabel()
        self.previous_button = QPushButton("◀ &Previous")
        self.next_button = QPushButton("&Next ▶")
        self.previous_button.clicked.connect(lambda: self.show_index(self.index - 1))
        self.next_button.clicked.connect(lambda: self.show_index(self.index + 1))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.previous_button)
        row.addWidget(self.caption, 1)
        row.addWidget(self.next_button)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addLayout(row)
        self.resize(720, 540)
        self.show_index(index)

    def show_index(self, index: int) -> None:
        if not self.photos:
            return
        self.index = max(0, min(index, len(self.photos) - 1))
        photo = self.photos[self.index]
        self._image = QImage.fromData(photo.data)
        self.setWindowTitle(f"{photo.name} — photo {self.index + 1} of {len(self.photos)}")
        self.caption.setText(photo.name)
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.photos) - 1)
        self._fit()

    def _fit(self) -> None:
        if self._image.isNull():
            self.picture.setPixmap(QPixmap())
            self.picture.setText("This photo's format cannot be shown here; it is kept in the "
                                 "project and goes out with it.")  # fmt: skip
            return
        size = self.picture.size()
        scaled = self._image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                    Qt.TransformationMode.SmoothTransformation)  # fmt: skip
        self.picture.setPixmap(QPixmap.fromImage(scaled))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
