"""What the health check views announce; apps above listen."""

from django.dispatch import Signal

# collaboration, actor: a facilitator reminds the members who have not rated this quarter.
# Receivers answer with the number of people they reminded.
ratings_requested = Signal()
