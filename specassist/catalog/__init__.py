"""Reading and validating the catalog folder (CSV tables and TOML rule sets)."""
