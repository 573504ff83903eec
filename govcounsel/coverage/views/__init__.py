"""Pages of coverage figures, targets and quarterly bulletins."""
