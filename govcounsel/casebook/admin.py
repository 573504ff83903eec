"""Typical cases are kept through their verbs, not the admin site (三员分立: the system
administrator keeps the system, not the business records)."""
