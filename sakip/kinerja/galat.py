"""The one error type of the rules engine."""


class KinerjaError(ValueError):
    """Bad input to a rule of the domain.

    The message is in Bahasa Indonesia because it reaches the planner or the
    operator as it is: it names the value and says why it cannot be used.
    """
