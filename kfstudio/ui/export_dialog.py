"""The options of an FBX or glTF export (:func:`kfstudio.io.export.export_animation`): what to write
(the head with its blendshapes, or the 61 curves alone), whether to bake one key per frame, and the fps."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout

__all__ = ["ExportOptions", "ExportDialog"]


@dataclass
class ExportOptions:
    mode: str = "head"  # "head" | "curves"
    bake: bool = True
    fps: float = 30.0


class ExportDialog(QDialog):
    """Asks for :class:`ExportOptions` (``exec()`` then :meth:`options`)."""

    def __init__(self, title: str, options: ExportOptions, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.mode = QComboBox()
        self.mode.addItem("Head with blendshapes", "head")
        self.mode.addItem("61 channel curves only", "curves")
        self.mode.setCurrentIndex(max(0, self.mode.findData(options.mode)))
        self.bake = QCheckBox("Bake one key per frame (Blender reads every key as linear)")
        self.bake.setChecked(options.bake)
        self.fps = QDoubleSpinBox()
        self.fps.setRange(1.0, 240.0)
        self.fps.setDecimals(2)
        self.fps.setValue(options.fps)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Write", self.mode)
        form.addRow("", self.bake)
        form.addRow("Frames per second", self.fps)
        form.addRow(buttons)

    def options(self) -> ExportOptions:
        return ExportOptions(str(self.mode.currentData()), self.bake.isChecked(), float(self.fps.value()))
