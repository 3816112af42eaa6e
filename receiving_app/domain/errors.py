"""The two kinds of refusal every entry point (window, command line) shows as one clear line."""


class InputError(ValueError):
    """Input that cannot be used as given: the caller must correct it (CLI exit code 2)."""


class RuleRefusal(Exception):
    """Input that is well formed but a business rule refuses it (CLI exit code 3)."""
