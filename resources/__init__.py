"""The app's data files (indicator sets, fonts, icons, translations), installed as ``fieldapp.bundled``.

Nothing to import here: ``fieldapp.assets`` finds the folder.
"""
