"""awesome-lint: a linter and minimal-diff fixer for awesome lists and paper lists."""

__version__ = "0.1.0"
HOMEPAGE = "https://github.com/awesome-lint/awesome-lint"
