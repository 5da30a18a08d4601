"""What the collaboration views announce; apps above listen."""

from django.dispatch import Signal

# invitation, user: an invitation was accepted.
invitation_accepted = Signal()
