"""Pages of legal matters, decisions, dispatch and the work archive."""
