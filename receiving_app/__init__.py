"""Returns receiving station for toner and ink resellers."""

__version__ = "0.1.0"
APP_NAME = "receiving-app"
