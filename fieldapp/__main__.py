import multiprocessing

from fieldapp.cli import main

if (
    __name__ == "__main__"
):  # worker processes (photo batch import, HQ signature checks) import this module too
    multiprocessing.freeze_support()  # a frozen build (PyInstaller) starts its workers through here
    raise SystemExit(main())
