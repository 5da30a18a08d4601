"""The site's URLs plus a page that renders only the site layout, the yardstick `make bench`
measures every page against. Used by the benchmark alone, never served."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import include, path


@login_required
def layout(request):
    return render(request, "demo/layout.html")


urlpatterns = [
    path("bench/layout/", layout, name="bench-layout"),
    path("", include("toolkit_site.urls")),
]
