from django.urls import path

from finance import views

app_name = "finance"

person = "young-people/<int:pk>/money/"

urlpatterns = [
    path("my/money/", views.my_money, name="my-money"),
    path("my/money/claim/", views.my_claim, name="my-claim"),
    path(
        "my/money/claims/<int:claim_pk>/withdraw/",
        views.my_claim_withdraw,
        name="my-claim-withdraw",
    ),
    path(person, views.person_money, name="person-money"),
    path(person + "award/", views.award_create, name="award-create"),
    path(person + "claim/", views.person_claim, name="person-claim"),
    path(person + "entries/<int:entry_pk>/reverse/", views.entry_reverse, name="entry-reverse"),
    path("money/claims/", views.claims_waiting, name="claims-waiting"),
    path("money/claims/<int:claim_pk>/", views.claim_detail, name="claim-detail"),
    path("money/claims/<int:claim_pk>/receipt/", views.claim_receipt, name="claim-receipt"),
    path("money/claims/<int:claim_pk>/withdraw/", views.claim_withdraw, name="claim-withdraw"),
    path("money/payments/", views.payments, name="payments"),
    path("money/payments/run/", views.payment_run, name="payment-run"),
    path("money/payments/<int:batch_pk>/csv/", views.payment_csv, name="payment-csv"),
    path("money/budget/", views.budget, name="budget"),
]
