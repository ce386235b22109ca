"""Editor preferences: the generation backend and its options, the default fps, stored with QSettings.

:func:`app_settings` opens the one settings store (INI format, organisation ``KeyframeFace``,
application ``KeyframeFace Studio``); tests redirect it with
``QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp_dir)``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

__all__ = ["ORGANISATION", "APPLICATION", "Preferences", "PreferencesDialog", "app_settings", "BACKEND_NAMES"]

ORGANISATION = "KeyframeFace"
APPLICATION = "KeyframeFace Studio"
BACKEND_NAMES = ("embedded", "transformers", "openai")
DEVICES = ("auto", "cpu", "cuda")


def app_settings() -> QSettings:
    """The editor's settings store (INI file in the user's configuration folder)."""
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANISATION, APPLICATION)


#: The time display modes (as :data:`kfstudio.animation.timefmt.DISPLAY_MODES`).
TIME_DISPLAYS = ("seconds", "frames", "timecode")


@dataclass
class Preferences:
    """What the Preferences dialog edits."""

    backend: str = "embedded"
    model_path: str = ""
    adapter_path: str = ""
    server_url: str = ""
    server_model: str = ""
    device: str = "auto"
    fps: float = 30.0
    import_tolerance: float = 0.02
    time_display: str = "seconds"  # how every panel shows time: seconds, frames or timecode

    @classmethod
    def load(cls, settings: QSettings) -> "Preferences":
        prefs = cls()
        settings.beginGroup("preferences")
        try:
            for f in fields(cls):
                raw = settings.value(f.name, None)
                if raw is None:
                    continue
                try:
                    setattr(prefs, f.name, type(getattr(prefs, f.name))(raw))
                except (TypeError, ValueError):
                    pass  # a damaged entry keeps its default
        finally:
            settings.endGroup()
        if prefs.backend not in BACKEND_NAMES:
            prefs.backend = "embedded"
        if not prefs.fps > 0:
            prefs.fps = 30.0
        if prefs.time_display not in TIME_DISPLAYS:
            prefs.time_display = "seconds"
        return prefs

    def save(self, settings: QSettings) -> None:
        settings.beginGroup("preferences")
        for name, value in asdict(self).items():
            settings.setValue(name, value)
        settings.endGroup()
        settings.sync()

    def backend_config(self) -> dict:
        """The config for :func:`kfstudio.generation.backend.backend_from_config`."""
        if self.backend == "transformers":
            # One torch thread in the worker leaves the other core to the GUI thread (docs/architecture.md, platform facts).
            config = {"backend": "transformers", "model": self.model_path, "torch_threads": 1}
            if self.adapter_path:
                config["adapter"] = self.adapter_path
            if self.device != "auto":
                config["device"] = self.device
            return config
        if self.backend == "openai":
            config = {"backend": "openai", "base_url": self.server_url}
            if self.server_model:
                config["model"] = self.server_model
            return config
        return {"backend": "embedded"}


class _PathField(QWidget):
    """A line edit with a Browse button."""

    def __init__(self, text: str, directory: bool, parent=None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(text)
        button = QPushButton("Browse…")
        button.clicked.connect(lambda: self._browse(directory))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(button)

    def _browse(self, directory: bool) -> None:
        if directory:
            path = QFileDialog.getExistingDirectory(self, "Choose a folder", self.edit.text())
        else:
            path, _ = QFileDialog.getOpenFileName(self, "Choose a file", self.edit.text())
        if path:
            self.edit.setText(path)


class PreferencesDialog(QDialog):
    """Edits a :class:`Preferences`; :meth:`preferences` returns the edited copy."""

    def __init__(self, prefs: Preferences, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.backend = QComboBox()
        self.backend.addItems(BACKEND_NAMES)
        self.backend.setCurrentText(prefs.backend)
        self.model_path = _PathField(prefs.model_path, directory=False)
        self.model_path.edit.setPlaceholderText("model folder or .gguf file (transformers backend)")
        self.adapter_path = _PathField(prefs.adapter_path, directory=True)
        self.adapter_path.edit.setPlaceholderText("optional LoRA adapter folder")
        self.server_url = QLineEdit(prefs.server_url)
        self.server_url.setPlaceholderText("http://localhost:8000/v1 (openai backend)")
        self.server_model = QLineEdit(prefs.server_model)
        self.device = QComboBox()
        self.device.addItems(DEVICES)
        self.device.setEditable(True)
        self.device.setCurrentText(prefs.device)
        self.fps = QDoubleSpinBox()
        self.fps.setRange(1.0, 240.0)
        self.fps.setDecimals(3)
        self.fps.setValue(prefs.fps)
        self.tolerance = QDoubleSpinBox()
        self.tolerance.setRange(0.0, 0.5)
        self.tolerance.setDecimals(3)
        self.tolerance.setSingleStep(0.005)
        self.tolerance.setValue(prefs.import_tolerance)
        self.time_display = QComboBox()
        self.time_display.setObjectName("timeDisplay")
        self.time_display.addItems(TIME_DISPLAYS)
        self.time_display.setCurrentText(prefs.time_display)
        form = QFormLayout(self)
        form.addRow("Backend", self.backend)
        form.addRow("Model path", self.model_path)
        form.addRow("Adapter path", self.adapter_path)
        form.addRow("Server URL", self.server_url)
        form.addRow("Server model", self.server_model)
        form.addRow("Device", self.device)
        form.addRow("Frames per second (new documents)", self.fps)
        form.addRow("Capture import key tolerance", self.tolerance)
        form.addRow("Show time as", self.time_display)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def preferences(self) -> Preferences:
        return Preferences(
            backend=self.backend.currentText(),
            model_path=self.model_path.edit.text().strip(),
            adapter_path=self.adapter_path.edit.text().strip(),
            server_url=self.server_url.text().strip(),
            server_model=self.server_model.text().strip(),
            device=self.device.currentText().strip() or "auto",
            fps=self.fps.value(),
            import_tolerance=self.tolerance.value(),
            time_display=self.time_display.currentText(),
        )
