from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

# The admin's own sign-in form would skip MFA; send everyone through allauth's instead.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", include("people.urls")),
    path("", include("pathway.urls")),
    path("", include("finance.urls")),
    path("", include("safety.urls")),
    path("dashboard/", include("dashboard.urls")),
    path("notifications/", include("notifications.urls")),
    # Before the offer's own pages: /offer/you-said-we-did/ is the voice app's.
    path("", include("voice.urls")),
    path("offer/", include("offer.urls")),
    path("rota/", include("rota.urls")),
    path("handovers/", include("handovers.urls")),
    path("", include("partners.urls")),
    path("openreferral/", include("partners.api_urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    # A region's pages, and each council's public offer and open data under its slug. Last,
    # so that no council's slug hides a page above.
    path("regions/", include("offer.region_urls")),
    path("<slug:council>/offer/", include("offer.council_urls")),
    path(
        "<slug:council>/openreferral/",
        include(("partners.api_urls", "openreferral"), namespace="council_openreferral"),
    ),
]

if settings.BENCHMARK:  # the benchmark's baselines (devtools/bench.py)
    urlpatterns.append(path("", include("devtools.urls")))
