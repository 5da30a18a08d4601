"""The mails: one notification at once, or a digest grouped by collaboration; text and HTML
parts, and a signed one-click unsubscribe link (with the `List-Unsubscribe` headers) that
works without signing in."""

from __future__ import annotations

import email.policy
from itertools import groupby
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from collaborations.language import language_of
from notifications.models import CATEGORY, EmailDelivery, Frequency, Notification

SALT = "notifications.unsubscribe"


class NotificationMail(EmailMultiAlternatives):
    """A mail whose headers are not folded at 78 characters: a folded `List-Unsubscribe` URL
    would be written as encoded words that mail programs do not read as a URL. Lines stay
    within the 998 characters mail allows."""

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=998))


def unsubscribe_token(user_id: int, what: str) -> str:
    """`what` is a preference (e.g. "review") or a digest frequency ("daily", "weekly")."""
    return signing.dumps({"u": user_id, "w": what}, salt=SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """The user and what to stop, or `signing.BadSignature` for a tampered link."""
    data = signing.loads(token, salt=SALT)
    return int(data["u"]), str(data["w"])


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def build(delivery: EmailDelivery, notifications: list[Notification]) -> NotificationMail:
    """The mail in its recipient's language."""
    with translation.override(language_of(delivery.recipient)):
        return _build(delivery, notifications)


def _build(delivery: EmailDelivery, notifications: list[Notification]) -> NotificationMail:
    user = delivery.recipient
    if delivery.frequency == Frequency.IMMEDIATELY:
        notification = notifications[0]
        what = CATEGORY[notification.kind]
        subject = f"{notification.title} · {notification.collaboration.name}"
    else:
        what = delivery.frequency
        count = len(notifications)
        if delivery.frequency == Frequency.DAILY:
            subject = ngettext(
                "Your daily digest: %(count)d thing waits for you",
                "Your daily digest: %(count)d things wait for you",
                count,
            )
        else:
            subject = ngettext(
                "Your weekly digest: %(count)d thing waits for you",
                "Your weekly digest: %(count)d things wait for you",
                count,
            )
        subject %= {"count": count}
    unsubscribe = absolute(
        reverse("notifications:unsubscribe", args=[unsubscribe_token(user.pk, what)])
    )
    ordered = sorted(notifications, key=lambda n: (n.collaboration.name, n.collaboration_id))
    groups = [
        (collaboration, list(items))
        for collaboration, items in groupby(ordered, key=lambda n: n.collaboration)
    ]
    context = {
        "user": user,
        "delivery": delivery,
        "groups": groups,
        "notifications": notifications,
        "site_url": settings.SITE_URL.rstrip("/"),
        "unsubscribe_url": unsubscribe,
        "preferences_url": absolute(reverse("notifications:preferences")),
        "digest": delivery.frequency != Frequency.IMMEDIATELY,
    }
    message = NotificationMail(
        subject=subject,
        body=render_to_string("notifications/email/message.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Content-Language": translation.get_language(),
            # The same mail always has the same id, so a receiving server can drop a repeat.
            "Message-ID": f"<{delivery.key.replace(':', '.')}@{_domain()}>",
        },
    )
    message.attach_alternative(
        render_to_string("notifications/email/message.html", context), "text/html"
    )
    return message


def _domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"
