"""The person's notifications, their mail preferences, and unsubscribing from a mail's link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from collaborations.models import Membership
from notifications.forms import PreferencesForm
from notifications.mail import read_unsubscribe_token
from notifications.models import CATEGORIES, Frequency, Notification, Preferences

PAGE_SIZE = 30


def visible(user) -> QuerySet[Notification]:
    """The user's notifications from collaborations they are still a member of."""
    member = Membership.objects.filter(collaboration=OuterRef("collaboration"), user=user)
    return Notification.objects.filter(recipient=user).filter(Exists(member))


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = visible(request.user).select_related("collaboration", "actor")
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


@login_required
def notification_open(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Follow a notification's link, marking it read on the way."""
    notification = get_object_or_404(visible(request.user), pk=notification_id)
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk).update(read_at=timezone.now())
    return redirect(notification.url)


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications:list")


@login_required
@require_POST
def notification_read(request: HttpRequest, notification_id: int) -> HttpResponse:
    notification = get_object_or_404(visible(request.user), pk=notification_id)
    Notification.objects.filter(pk=notification.pk, read_at=None).update(read_at=timezone.now())
    return _back(request)


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = Notification.objects.filter(recipient=request.user, read_at=None).update(
        read_at=timezone.now()
    )
    if count:
        messages.success(request, _("All notifications marked as read."))
    return _back(request)


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    instance = Preferences.for_user(request.user)
    form = PreferencesForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your notification choices are saved."))
        return redirect("notifications:preferences")
    status = 422 if form.errors else 200
    return render(request, "notifications/preferences.html", {"form": form}, status=status)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """From a mail's link, without signing in: GET asks to confirm, POST (the button, or a mail
    program's one-click request) stops that kind of mail."""
    try:
        user_id, what = read_unsubscribe_token(token)
        user = get_user_model().objects.get(pk=user_id)
    except (signing.BadSignature, get_user_model().DoesNotExist, KeyError, ValueError):
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    if what not in (*CATEGORIES, Frequency.DAILY, Frequency.WEEKLY):
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    done = False
    if request.method == "POST":
        choice = Preferences.for_user(user)
        if what in CATEGORIES:
            setattr(choice, what, Frequency.NEVER)
        else:
            for category in CATEGORIES:
                if getattr(choice, category) == what:
                    setattr(choice, category, Frequency.NEVER)
        choice.save()
        done = True
    context = {"what": what, "done": done, "digest": what not in CATEGORIES}
    if what in CATEGORIES:
        context["label"] = Preferences._meta.get_field(what).verbose_name
    return render(request, "notifications/unsubscribe.html", context)
