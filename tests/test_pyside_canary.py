"""Canary for PySide6 6.12.0 on Python 3.11, where every void Qt call drops a reference to None.

After a few thousand such calls the interpreter aborts ("Fatal Python error: none_dealloc"). The
pin in pyproject.toml keeps that release out on Python < 3.12; this test admits a later release
only once it leaves None's reference count alone.
"""

from __future__ import annotations

import subprocess
import sys

CALLS = 10_000

CHECK = f"""
import sys
from PySide6.QtWidgets import QApplication, QLabel
from PySide6.QtGui import QTextCharFormat, QColor
app = QApplication([])
label = QLabel()
fmt = QTextCharFormat()
colour = QColor("#E28E4C")
before = sys.getrefcount(None)
for i in range({CALLS}):
    label.setText("x")
    fmt.setBackground(colour)
after = sys.getrefcount(None)
print(before - after)
"""


def test_void_qt_calls_keep_none_alive() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, f"Qt calls crashed the interpreter: {result.stderr[-2000:]}"
    lost = int(result.stdout.strip().splitlines()[-1])
    # A faulty release loses one reference per call (20,000 here); allow only incidental noise.
    assert lost < 50, f"{lost} references to None were lost over {2 * CALLS} void Qt calls"
