"""The two kinds of refusal every entry point (window, command line) shows as one clear line, and the
refusal of a data file (policy, routing, messages) that names the key at fault."""


class InputError(ValueError):
    """Input that cannot be used as given: the caller must correct it (CLI exit code 2)."""


class RuleRefusal(Exception):
    """Input that is well formed but a business rule refuses it (CLI exit code 3)."""


class FileKeyError(ValueError):
    """A data file that cannot be used: which file, the key at fault and what is wrong with it, so that
    an edit form can point at the field and a message names both."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        super().__init__(f"{source}: {key}: {problem}")
        self.source = source
        self.key = key
        self.problem = problem
