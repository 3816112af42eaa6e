"""PySide6 windows, Qt models and background operations; calls services only."""
