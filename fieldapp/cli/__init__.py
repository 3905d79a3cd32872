"""The `fieldapp` command line: one module per family of commands, ``main`` the entry point.

``common`` holds what they share (exit codes, global options, passphrases, unlocking); the use cases
themselves live in the core, so a command only parses, calls and prints.
"""
