"""The project's error type: a one-line message, exit code 2."""

from __future__ import annotations


class AwesomeLintError(Exception):
    """A usage, configuration or input error; the CLI prints it on one line and exits 2."""

    exit_code = 2
