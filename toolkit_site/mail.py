"""Mail when no SMTP server is configured in production.

Nothing is delivered: each message is recorded in the log (recipients and subject, never the
body, which may hold sign-in or invitation links), so an operator sees what people missed.
Invitations still work, because facilitators can copy an invitation's link from the members
page; password reset needs SMTP.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger("intersector.mail")


class LogOnlyEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            logger.warning(
                "Mail not sent (no EMAIL_HOST configured): to %s, subject %r",
                ", ".join(message.recipients()),
                message.subject,
            )
        return 0
