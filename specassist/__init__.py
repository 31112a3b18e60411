"""SpecAssist: from a CCTV site survey to a tender for compliant replacements."""

__version__ = "0.1.0"
