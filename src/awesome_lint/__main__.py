"""The command line's entry point: ``python -m awesome_lint`` and the ``awesome-lint`` script.

Automatic garbage collection is turned off here, before click, markdown-it-py and the
rules are imported: the command line runs without it anyway (see ``cli._tune_gc``, which
also freezes what start-up built), and the collections that importing them would set off
cost about 2% of a small list's run. The package's own modules then come from the code
cache (``codecache``), written when the run ends (``cli.main``). Only the command line
imports this module; the library API leaves the caller's settings alone.
"""

import gc
import os

gc.disable()

from awesome_lint.codecache import install  # noqa: E402  (after the garbage collector is off)

install(os.path.dirname(os.path.abspath(__file__)))

from awesome_lint.cli import main  # noqa: E402  (after the code cache is installed)

__all__ = ["main"]

if __name__ == "__main__":
    main()
