"""Persistence: typed SQLAlchemy models, engines, migrations, project files."""
