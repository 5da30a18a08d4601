"""The site's URLs plus new collaboration pages, to show that the role matrix covers pages
nobody listed for it: one made the right way, one that forgot the access decorator, and one
whose URL names an object the matrix does not know how to make."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from collaborations import access
from toolkit_site.urls import collaboration_pages
from toolkit_site.urls import urlpatterns as site_patterns


@access.collaboration_view(get="view", post="manage_partners")
def new_page(request: HttpRequest, membership, partner_id: int) -> HttpResponse:
    return HttpResponse(f"{membership.collaboration.name} {partner_id}")


@access.collaboration_view(get="view")
def odd_page(request: HttpRequest, membership, thing_id: int) -> HttpResponse:
    return HttpResponse(str(thing_id))


def forgotten_page(request: HttpRequest, collaboration_id: int) -> HttpResponse:
    return HttpResponse("no checks")


extra = [
    path("partners/<int:partner_id>/new-page/", new_page, name="new-page"),
    path("things/<int:thing_id>/", odd_page, name="odd-page"),
    path("forgotten/", forgotten_page, name="forgotten-page"),
]

urlpatterns = [
    path(
        "collaborations/<int:collaboration_id>/",
        include([*extra, *collaboration_pages]),
    ),
    *site_patterns,
]
