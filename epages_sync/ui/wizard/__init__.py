"""The setup wizard and what it is started with."""

from __future__ import annotations

from .draft import SetupContext, SetupDraft
from .wizard import SetupWizard

__all__ = ["SetupContext", "SetupDraft", "SetupWizard"]
