"""The core's data folder is the one Qt names for the application (the sample project stays put)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from annotator.core import paths
from annotator.ui.window import app


def test_the_data_folder_is_qts_app_data_location(qapp, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("ANNOTATOR_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName(paths.ORGANISATION)
    QCoreApplication.setApplicationName(paths.APPLICATION)
    try:
        qt = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    finally:
        QCoreApplication.setOrganizationName(names[0])
        QCoreApplication.setApplicationName(names[1])
    assert app.data_dir() == paths.data_dir() == Path(qt)
