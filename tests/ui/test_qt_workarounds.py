"""The app survives the Qt binding's lost references to None, True and False (see
epages_sync/ui/qt_workarounds.py)."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]

# A model that answers None, read through a C++ proxy as a view does, more often than None has references.
_PROGRAM = """
import sys
import epages_sync.ui
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication

app = QApplication([])

class Empty(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 1
    def columnCount(self, parent=QModelIndex()):
        return 1
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None

proxy = QSortFilterProxyModel()
model = Empty()
proxy.setSourceModel(model)
index = proxy.index(0, 0)
for _ in range(3 * sys.getrefcount(None) if sys.getrefcount(None) < 10**9 else 200_000):
    proxy.data(index, Qt.ItemDataRole.ToolTipRole)
print("alive")
"""


def test_a_model_answering_none_many_times_does_not_abort_python() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _PROGRAM], check=False, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "alive", done.stderr[-1500:]


# A setup page that is complete, asked by its wizard (from C++) more often than True has references.
_BOOL_PROGRAM = """
import sys
import epages_sync.ui
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage

app = QApplication([])

class Complete(QWizardPage):
    def isComplete(self):
        return True

wizard = QWizard()
page = Complete()
wizard.addPage(page)
wizard.show()
for _ in range(3 * sys.getrefcount(True) if sys.getrefcount(True) < 10**9 else 20_000):
    page.completeChanged.emit()
print("alive")
"""


def test_a_page_answering_true_many_times_does_not_abort_python() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _BOOL_PROGRAM], check=False, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "alive", done.stderr[-1500:]
