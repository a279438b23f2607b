"""Account rules, pure: no Flask, no database."""

import re

MIN_PASSWORD_LENGTH = 10
_KVK = re.compile(r"^[0-9]{8}$")


def password_problems(password: str, email: str = "") -> list[str]:
    """What is wrong with a new password, in B1 Dutch; empty when it is fine.

    Length over complexity (NIST SP 800-63B): at least 10 characters, not the e-mail
    address, not one repeated character.
    """
    problems = []
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(
            f"Kies een wachtwoord van minstens {MIN_PASSWORD_LENGTH} tekens."
        )
    if email and password.strip().lower() == email.strip().lower():
        problems.append("Gebruik niet uw e-mailadres als wachtwoord.")
    if password and len(set(password)) == 1:
        problems.append("Gebruik niet steeds hetzelfde teken.")
    return problems


def normalise_kvk(text: str) -> str:
    """Strip spaces and dots people type in a KvK number (12 34 56 78, 12.34.56.78)."""
    return re.sub(r"[\s.]", "", text or "")


def kvk_problem(text: str) -> str | None:
    """A KvK number has exactly 8 digits (Handelsregister)."""
    if not _KVK.match(normalise_kvk(text)):
        return "Een KvK-nummer heeft precies 8 cijfers, bijvoorbeeld 12345678."
    return None
