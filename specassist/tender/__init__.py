"""The tender: document dataclasses, then renderers (PDF, bill of quantities)."""
