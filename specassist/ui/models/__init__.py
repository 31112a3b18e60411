"""One QAbstractTableModel per table view."""
