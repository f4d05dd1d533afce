from django.urls import path

from pathway import returns_views, views

app_name = "pathway"

person = "young-people/<int:pk>/"
plan = person + "plan/"

urlpatterns = [
    path("caseload/", views.caseload, name="caseload"),
    path("reviews/to-sign/", views.reviews_to_sign, name="reviews-to-sign"),
    path("returns/", returns_views.returns_page, name="returns"),
    path(
        "returns/<int:year>/<slug:what>.csv",
        returns_views.returns_download,
        name="returns-download",
    ),
    path(plan, views.plan, name="plan"),
    path(plan + "start/", views.plan_start, name="plan-start"),
    path(plan + "sections/<slug:matter>/", views.section_edit, name="section-edit"),
    path(plan + "actions/new/", views.action_create, name="action-create"),
    path(plan + "actions/<int:action_pk>/", views.action_edit, name="action-edit"),
    path(plan + "ask-for-review/", views.review_request, name="review-request"),
    path(plan + "reviews/new/", views.review_create, name="review-create"),
    path(plan + "reviews/<int:number>/", views.review_detail, name="review-detail"),
    path(plan + "reviews/<int:number>/edit/", views.review_edit, name="review-edit"),
    path(plan + "reviews/<int:number>/sign/", views.review_sign, name="review-sign"),
    path(plan + "reviews/<int:number>/return/", views.review_return, name="review-return"),
    path(plan + "versions/<int:number>/", views.version_detail, name="version-detail"),
    path(plan + "versions/<int:number>/compare/", views.version_compare, name="version-compare"),
    path(plan + "versions/<int:number>/pdf/", views.version_pdf, name="version-pdf"),
    path(person + "contacts/", views.contacts, name="contacts"),
    path(person + "contacts/new/", views.contact_create, name="contact-create"),
    path(
        person + "contacts/<int:contact_pk>/correct/",
        views.contact_correct,
        name="contact-correct",
    ),
    path(person + "situation/", views.situation, name="situation"),
    path(person + "returns/<int:age>/", returns_views.return_fix, name="return-fix"),
    path(
        person + "situation/accommodation/", views.accommodation_create, name="accommodation-create"
    ),
    path(person + "situation/activity/", views.activity_create, name="activity-create"),
    path(person + "health/", views.health, name="health"),
    path(person + "health/edit/", views.health_edit, name="health-edit"),
    path(person + "documents/new/", views.document_create, name="document-create"),
    path(
        person + "documents/<int:document_pk>/", views.document_download, name="document-download"
    ),
    path(
        person + "documents/<int:document_pk>/share/",
        views.document_share,
        name="document-share",
    ),
    path("my/health/", views.my_health, name="my-health"),
    path("my/documents/", views.my_documents, name="my-documents"),
    path("my/documents/new/", views.my_document_create, name="my-document-create"),
    path(
        "my/documents/<int:document_pk>/",
        views.my_document_download,
        name="my-document-download",
    ),
    path("my/get-in-touch/", views.my_contact_request, name="my-contact-request"),
    path(person + "documents/<int:document_pk>/move/", views.document_move, name="document-move"),
    path("my/plan/", views.my_plan, name="my-plan"),
    path("my/plan/pdf/", views.my_plan_pdf, name="my-plan-pdf"),
    path("my/plan/ask-for-review/", views.my_review_request, name="my-review-request"),
    path("my/plan/actions/<int:action_pk>/done/", views.my_action_done, name="my-action-done"),
    path("my/plan/actions/<int:action_pk>/undo/", views.my_action_undo, name="my-action-undo"),
    path("my/plan/<slug:matter>/", views.my_section_view, name="my-section-view"),
]
