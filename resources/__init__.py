"""The station's shipped data files, installed as the package ``receiving_app.resources``.

pyproject.toml maps this folder to that package, so a wheel carries the files inside the package
and an editable install (``./dev``) reads them from here; the installer bundle copies the folder to
the same place (build_installer.spec). ``receiving_app.locations`` finds them with
``importlib.resources``, whichever of the three the station runs from. There is no code here.
"""
