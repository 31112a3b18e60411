"""Use cases shared by the desktop app and the command line; they return plain data."""
