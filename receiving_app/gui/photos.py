"""Damage photos: from the station's camera when it has one (QtMultimedia), otherwise from files.

QtMultimedia is loaded only when a photo is asked for: a station without a camera, or without
the system's audio/video libraries, starts and receives just the same.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from receiving_app.domain.errors import InputError
from receiving_app.services.commands import PhotoAttachment

MAX_PHOTO_BYTES = 20 * 1024 * 1024
PHOTO_FILE_FILTER = "Photos (*.jpg *.jpeg *.png *.webp *.heic)"


def read_photo_files(paths: Sequence[Path]) -> list[PhotoAttachment]:
    """The files as attachments (runs in the background: files may be on a network share)."""
    photos = []
    for path in paths:
        size = path.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise InputError(f"{path.name} is {size // (1024 * 1024)} MB; a damage photo may be at most 20 MB.")
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if not media_type.startswith("image/"):
            raise InputError(f"{path.name} is not a photo ({media_type}).")
        photos.append(PhotoAttachment(path.name, media_type, path.read_bytes()))
    return photos


def image_as_jpeg(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 90)
    buffer.close()
    return bytes(data.data())


def station_has_camera() -> bool:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    return bool(QMediaDevices.videoInputs())


class CameraDialog(QDialog):
    """A live view of the default camera; Space or the button takes the photo.

    Signals:
        photo_taken(object): a ``PhotoAttachment`` holding a JPEG.
    """

    photo_taken = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession
        from PySide6.QtMultimediaWidgets import QVideoWidget

        super().__init__(parent)
        self.setObjectName("cameraDialog")
        self.setWindowTitle("Damage photo")
        self.resize(800, 640)
        layout = QVBoxLayout(self)
        self._view = QVideoWidget(self)
        self._view.setObjectName("cameraView")
        self._view.setAccessibleName("Camera view")
        self._message = QLabel("Hold the damage in view, then press Space.", self)
        self._message.setObjectName("cameraMessage")
        self._take = QPushButton("Take photo  [Space]", self)
        self._take.setObjectName("takePhotoButton")
        self._take.setAccessibleName("Take photo")
        self._take.setDefault(True)
        layout.addWidget(self._view, 1)
        layout.addWidget(self._message)
        layout.addWidget(self._take)
        self._camera = QCamera(self)
        self._capture = QImageCapture(self)
        self._session = QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setImageCapture(self._capture)
        self._session.setVideoOutput(self._view)
        self._capture.imageCaptured.connect(self._captured)
        self._capture.errorOccurred.connect(lambda _id, _error, text: self._message.setText(f"Camera: {text}"))
        self._take.clicked.connect(self._capture.capture)
        self._count = 0
        self._camera.start()

    def _captured(self, _request: int, image: QImage) -> None:
        self._count += 1
        self.photo_taken.emit(PhotoAttachment(f"damage-{self._count}.jpg", "image/jpeg", image_as_jpeg(image)))
        self._message.setText(f"{self._count} photo(s) taken. Space for another, Escape to finish.")

    def done(self, result: int) -> None:
        self._camera.stop()
        super().done(result)
