"""Pages of login, role grants, passwords and login security."""
