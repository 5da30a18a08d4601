"""What the worksheet views announce once a change is saved. Apps above listen (the
notifications app tells the right people); stages itself knows nothing of them."""

from django.dispatch import Signal

# worksheet, actor: a worksheet was marked ready for review.
review_requested = Signal()
# worksheet, before (its earlier status), actor, note: completed, sent back or reopened.
worksheet_reviewed = Signal()
# comment, actor: a new comment.
comment_posted = Signal()
# worksheet, actor: a facilitator asks the partners who have not signed off. Receivers answer
# with the number of people they asked.
sign_off_requested = Signal()
