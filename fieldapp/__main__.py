import multiprocessing

from fieldapp.cli.main import main

# Worker processes (photo batch import, HQ signature checks) import this module too: only the parent runs.
if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen build (PyInstaller) starts its workers through here
    raise SystemExit(main())
