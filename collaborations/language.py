"""The language each person reads the site in.

Visitors get the first language their browser asks for (Django's `LocaleMiddleware`: the
language cookie, then `Accept-Language`). A person who signs in gets the language on their
`Profile`: the one they chose with the switcher (in the header and on the account pages), or
the one they signed up in. A choice made before signing in, such as on the sign-in page,
becomes the person's preference when they sign in. Someone with no preference reads the
browser's language, like a visitor. The language in use is kept in the session, so pages cost no
extra query, and mail built outside a request names its recipient's language
(`language_of`, `languages_of`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from collaborations.models import Profile

SESSION_KEY = "language"
# Set when a visitor chose the language before signing in, so the choice becomes theirs.
CHOSEN_KEY = "language_chosen"


def supported(language: str | None) -> bool:
    return language in dict(settings.LANGUAGES)


def language_of(user: AbstractBaseUser | None) -> str:
    """The language a person chose, or the site's default."""
    if user is None or user.pk is None:
        return settings.LANGUAGE_CODE
    return languages_of([user.pk]).get(user.pk, settings.LANGUAGE_CODE)


def languages_of(user_ids: Iterable[int]) -> dict[int, str]:
    """Each person's language, in one query; people who never chose get the default."""
    ids = set(user_ids)
    chosen = dict(
        Profile.objects.filter(user_id__in=ids).values_list("user_id", "language").iterator()
    )
    return {
        user_id: chosen[user_id] if supported(chosen.get(user_id)) else settings.LANGUAGE_CODE
        for user_id in ids
    }


def choose(request: HttpRequest, language: str) -> None:
    """A person chose a language: for this visit, and for good once they are signed in."""
    request.session[SESSION_KEY] = language
    if request.user.is_authenticated:
        Profile.objects.update_or_create(user=request.user, defaults={"language": language})
    else:
        request.session[CHOSEN_KEY] = True


def signed_in(sender, request: HttpRequest | None, user: AbstractBaseUser, **kwargs) -> None:
    """On sign-in (`user_logged_in`): a language chosen during this visit becomes the
    person's preference; otherwise the preference they chose before applies. Someone who
    never chose reads the language their browser asks for, as a visitor does."""
    if request is None or not hasattr(request, "session"):
        return
    chosen = request.session.get(SESSION_KEY)
    if request.session.pop(CHOSEN_KEY, False) and supported(chosen):
        Profile.objects.update_or_create(user=user, defaults={"language": chosen})
        return
    preference = Profile.objects.filter(user=user).values_list("language", flat=True).first()
    if supported(preference):
        request.session[SESSION_KEY] = preference
    else:
        request.session.pop(SESSION_KEY, None)


def signed_up(request: HttpRequest, user: AbstractBaseUser) -> None:
    """A new account keeps the language it was made in, for its mail from then on."""
    language = getattr(request, "LANGUAGE_CODE", None)
    if supported(language):
        Profile.objects.get_or_create(user=user, defaults={"language": language})


class PersonLanguageMiddleware:
    """After `LocaleMiddleware`: the language kept in the session (a signed-in person's
    preference, or a visitor's choice) wins over the browser's. The language cookie follows it,
    so the site stays in that language after signing out."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Only a request that carries a session can have a language in it; others (probes,
        # first visits) are left untouched, so they stay sessionless and vary by no cookie.
        has_session = settings.SESSION_COOKIE_NAME in request.COOKIES and hasattr(
            request, "session"
        )
        language = request.session.get(SESSION_KEY) if has_session else None
        if supported(language):
            translation.activate(language)
            request.LANGUAGE_CODE = language
        else:
            language = None
        response = self.get_response(request)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
