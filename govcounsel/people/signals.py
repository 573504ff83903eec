"""Signals other apps listen to; people does not know who reacts."""

from django.dispatch import Signal

# Sent inside the transaction that records it, with person, reason ("retired", "left",
# "transferred"), on (the date) and by (the acting user). 000 #3: whoever holds a
# certificate must have it recovered and cancelled.
employment_ended = Signal()
