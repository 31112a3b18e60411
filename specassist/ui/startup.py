"""Something on screen at once: a splash painted before the rest of the app is even imported.

Importing the window, the services and their libraries takes a second or more
on a busy laptop, and reading the catalog another second; a user who sees
nothing for that long starts the app again. This module imports Qt only, so
the splash can be painted a few tenths of a second after launch.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from specassist import __version__

SIZE = (420, 180)
BACKGROUND = "#1565c0"
"""The survey table's "to replace" blue: the app's one brand colour."""


def _picture() -> QPixmap:
    pixmap = QPixmap(*SIZE)
    pixmap.fill(QColor(BACKGROUND))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#ffffff"))
    title = QFont(painter.font())
    title.setPointSizeF(22)
    title.setBold(True)
    painter.setFont(title)
    painter.drawText(QRect(24, 28, SIZE[0] - 48, 44), Qt.AlignmentFlag.AlignLeft, "SpecAssist")
    small = QFont(painter.font())
    small.setPointSizeF(10)
    small.setBold(False)
    painter.setFont(small)
    painter.drawText(QRect(24, 76, SIZE[0] - 48, 40), Qt.AlignmentFlag.AlignLeft,
                     f"Version {__version__} · from a CCTV site survey to a tender")  # fmt: skip
    painter.end()
    return pixmap


class Splash(QWidget):
    """Shows the start-up steps ("Loading…", "Reading the catalog…") until the window is up.

    A plain frameless window rather than ``QSplashScreen``: in Qt 6 showing a
    ``QSplashScreen`` waits up to a second for the window system to expose it,
    measured here at 1.0 s under both X11 and the offscreen platform.
    """

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.picture = _picture()
        self.message = ""
        self.setFixedSize(self.picture.size())
        self.setAccessibleName("SpecAssist is starting")
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.move(area.center() - self.rect().center())

    def step(self, text: str) -> None:
        self.message = text
        self.repaint()

    def finish(self, window: QWidget) -> None:
        """Close once ``window`` is up (it is shown first, so nothing flickers between)."""
        self.close()
        self.deleteLater()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self.picture)
        painter.setPen(QColor("#e3f2fd"))
        painter.drawText(self.rect().adjusted(24, 0, -24, -16),
                         Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
                         self.message)  # fmt: skip
        painter.end()


def show_splash() -> Splash:
    """Show and paint the splash now, before the slow imports begin."""
    splash = Splash()
    splash.show()
    splash.step("Starting…")
    QApplication.processEvents()
    return splash
