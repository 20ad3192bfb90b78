"""casewatch: sourced case files for human-rights cases, built from many short news reports."""

__version__ = "0.1.0"
