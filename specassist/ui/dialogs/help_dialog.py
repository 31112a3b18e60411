"""Help: a getting-started page, the keyboard shortcuts, and About.

The shortcut list is read from the window's menus when it opens, so it lists
exactly the keys that work.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from specassist import __version__
from specassist.ui.menus import shortcut_rows

if TYPE_CHECKING:
    from specassist.ui.main_window import MainWindow

GETTING_STARTED = """
<h2>Getting started</h2>
<p>SpecAssist turns a site survey of CCTV cameras into a tender for replacing the cameras
that laws and policies exclude. It works offline; everything stays in one project file.</p>
<ol>
<li><b>Bring in the survey.</b> <i>File › Import survey</i> (Ctrl+I) reads CSV, XLSX, XLS and
ODS files, and exports of SADP, ConfigTool and VMS device lists. You can also drop a file on
the window, add cameras one by one with <i>Edit › Add camera</i> (Ctrl+Shift+N), or find them
on the site network with <i>File › Discover devices</i>. Columns SpecAssist does not recognise
are shown with the first rows so you can say what they hold.</li>
<li><b>Choose the rules.</b> The <i>Rules</i> tab lists the rule sets (US NDAA §889, the FCC
Covered List, the UK's sensitive-sites policy, your client's own). Tick those that apply;
every camera is judged again at once. With no rule set ticked nothing can be excluded, and
a yellow warning says so.</li>
<li><b>Check each flagged camera.</b> In the <i>Survey</i> tab, select a row: the panel on
the right says who made it, why it is excluded (with the rule and its source) and what
replaces it. The first choice is listed with alternates; <i>Use selected</i> or
<i>Other model</i> (Ctrl+R) overrides it. An override that misses a requirement is marked
in red and the requirement it misses is named.</li>
<li><b>Check the costs.</b> The <i>Costs</i> tab holds the rates, the currency and the
totals by site. A total with unpriced items is marked <i>partial</i>: import a supplier's
price list (Ctrl+Shift+P) or enter the missing exchange rate.</li>
<li><b>Write the tender.</b> <i>Edit › Tender details</i> (Ctrl+T) sets the cover; then
<i>File › Export tender</i> (Ctrl+E) writes the PDF and, as you choose, an editable DOCX,
the client's estimate (bill of quantities) and, for a whole tender package, the bidders'
pricing schedule.</li>
</ol>
<p>Every change can be undone (Ctrl+Z). Unsaved work is copied aside every minute and
offered back after a crash. Errors are recorded in the log (<i>Help › Show log</i>).</p>
"""


class HelpPage(QDialog):
    """One page of help text, selectable, with working links."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(html)
        self.text.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(560, 480)


def shortcuts_html(menus: list[QMenu]) -> str:
    rows = "".join(
        f"<tr><td>{escape(menu)}</td><td>{escape(command)}</td><td><b>{escape(keys)}</b></td></tr>"
        for menu, command, keys in shortcut_rows(menus)
    )
    return (
        "<h2>Keyboard shortcuts</h2><table cellspacing='6'>"
        "<tr><th align='left'>Menu</th><th align='left'>Command</th>"
        f"<th align='left'>Keys</th></tr>{rows}</table>"
        "<p>In the survey table: arrow keys move between cameras, Enter or a double-click "
        "edits one, and typing in the filter box (Ctrl+F) narrows the list.</p>"
    )


class HelpPages:
    """The Help menu's pages for one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.last: HelpPage | None = None

    def getting_started(self) -> HelpPage:
        return self._open("Getting started", GETTING_STARTED)

    def shortcuts(self) -> HelpPage:
        menus = [m for a in self.window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
        return self._open("Keyboard shortcuts", shortcuts_html(menus))

    def _open(self, title: str, html: str) -> HelpPage:
        self.last = HelpPage(title, html, self.window)
        self.last.open()
        return self.last

    def about(self) -> None:
        QMessageBox.about(self.window, "About SpecAssist",
                          f"SpecAssist {__version__}\nTurns a CCTV site survey into a tender "
                          "for replacing excluded cameras. Works offline.")  # fmt: skip
