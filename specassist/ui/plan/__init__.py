"""The Plans tab: site plans with the old and new cameras' coverage."""
