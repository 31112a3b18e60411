"""The Costs tab: the project's rates and currency, and running totals by site.

The form scrolls on a short screen; a partial total is a warning above the
buttons and is marked in the table's rows.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from specassist.domain.costing import Costing
from specassist.domain.pricing import CostSettings
from specassist.ui.models.site_costs_model import SiteCostsModel
from specassist.ui.styles import WARNING_STYLE

FIELDS = {
    "currency": "Currency (ISO code)",
    "rates": "Exchange rates into it",
    "labour_rate": "Labour rate per hour",
    "access_day_rate": "Access equipment per site day",
    "disposal_per_camera": "Disposal per camera (WEEE)",
    "contingency_pct": "Contingency %",
    "margin_pct": "Margin %",
    "tax_pct": "Tax %",
    "tax_name": "Tax name",
    "preferred_supplier": "Preferred supplier",
}


def parse_rates(text: str) -> dict[str, str]:
    """'USD=0.79; EUR=0.85' → {'USD': '0.79', 'EUR': '0.85'}; raises ValueError in words."""
    rates = {}
    for part in filter(None, (p.strip() for p in text.replace(",", ";").split(";"))):
        code, _, value = part.partition("=")
        code = code.strip().upper()
        try:
            Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(
                f"exchange rate '{part}': expected CUR=RATE, such as USD=0.79"
            ) from None
        if len(code) != 3 or not code.isalpha():
            raise ValueError(f"exchange rate '{part}': the currency must be a 3-letter code")
        rates[code] = value.strip()
    return rates


class CostsTab(QWidget):
    sig_apply = Signal(dict)
    """The edited settings, as text values ready for ``project_settings.set_cost_settings``."""
    sig_import_prices = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label in FIELDS.items():
            edit = QLineEdit()
            edit.setAccessibleName(label)
            self.edits[key] = edit
            form.addRow(label, edit)
        self.edits["rates"].setPlaceholderText("e.g. USD=0.79; EUR=0.85")
        self.message = QLabel()
        self.message.setWordWrap(True)
        apply = QPushButton("&Apply rates")
        apply.setToolTip("Store these settings in the project and recompute the totals")
        apply.clicked.connect(self.apply)
        prices = QPushButton("Import &price list…")
        prices.setToolTip("Add a supplier's price list (CSV or XLSX) to this project")
        prices.clicked.connect(self.sig_import_prices.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(apply)
        buttons.addWidget(prices)
        buttons.addStretch()
        self.model = SiteCostsModel(self)
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName("Totals by site")
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table = table
        body = QWidget()
        left = QVBoxLayout(body)
        left.addLayout(form)
        left.addLayout(buttons)
        left.addWidget(self.message)
        left.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QHBoxLayout(self)
        layout.addWidget(scroll, 2)
        layout.addWidget(table, 3)

    def show_settings(self, settings: CostSettings) -> None:
        values = {
            "currency": settings.currency,
            "rates": "; ".join(f"{k}={v}" for k, v in sorted(settings.exchange.rates.items())),
            "labour_rate": str(settings.labour_rate),
            "access_day_rate": str(settings.access_day_rate),
            "disposal_per_camera": str(settings.disposal_per_camera),
            "contingency_pct": str(settings.contingency_pct),
            "margin_pct": str(settings.margin_pct),
            "tax_pct": str(settings.tax_pct),
            "tax_name": settings.tax_name,
            "preferred_supplier": settings.preferred_supplier or "",
        }
        for key, value in values.items():
            self.edits[key].setText(value)

    def show_costing(self, costing: Costing | None) -> None:
        self.model.set_costing(costing)
        if costing is not None and costing.missing:
            text = (f"Partial total: {len(costing.missing)} item(s) have no price and are not "
                    "counted.")  # fmt: skip
            if costing.missing_rates:
                codes = ", ".join(costing.missing_rates)
                text += (
                    f" Prices in {codes} were left out: there is no exchange rate from "
                    f"{codes} to {costing.settings.currency}. Enter it under 'Exchange rates' "
                    f"(e.g. {costing.missing_rates[0]}=1.17)."
                )
            else:
                text += " Import a price list to complete the totals."
            self.message.setText(text)
            self.message.setStyleSheet(WARNING_STYLE)
        elif costing is not None:
            self.message.setText(f"Total {costing.total} including {costing.settings.tax_name}.")
            self.message.setStyleSheet("")

    def apply(self) -> None:
        values = {key: edit.text().strip() for key, edit in self.edits.items()}
        try:
            rates = parse_rates(values.pop("rates"))
            for key in ("labour_rate", "access_day_rate", "disposal_per_camera",
                        "contingency_pct", "margin_pct", "tax_pct"):  # fmt: skip
                Decimal(values[key])
        except InvalidOperation:
            self.message.setText("Amounts and percentages must be numbers, such as 65.00")
            return
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        currency = values["currency"].upper()
        if len(currency) != 3 or not currency.isalpha():
            self.message.setText("The currency must be a 3-letter ISO code, such as GBP")
            return
        values["currency"] = currency
        self.sig_apply.emit({**values, "rates": rates})
