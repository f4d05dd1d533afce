"""Money pages for care leavers and staff. Thin: parse, authorize, call, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from rules.contrib.views import permission_required

from common.confirm import confirmed
from common.csvfile import csv_text
from common.errors import form_error
from common.paging import Paginator
from common.uploads import private_file_response, uploaded_files
from finance import selectors, services
from finance.forms import AwardForm, ClaimForm, DecisionForm, ReverseForm
from finance.models import ClaimState, LedgerEntry, PaymentBatch, Scheme
from finance.money import financial_year, pounds
from people.audit import record_access
from people.views import (
    PAGE_SIZE,
    confirm_page,
    form_page,
    own_record_or_404,
    young_person_read,
)


def _claim_page(request, person, *, back: str, caption: str, done: str):
    """The claim form, for the young person or for staff claiming on their behalf."""
    usable = selectors.usable_awards(person, timezone.localdate())
    if not usable:
        messages.info(request, "There is no money left to claim from at the moment.")
        return redirect(back)
    form = ClaimForm(request.POST or None, uploaded_files(request) or None, awards=usable)
    if request.method == "POST" and form.is_valid():
        try:
            services.claim_make(
                award=form.cleaned_data["award"],
                amount_pence=form.cleaned_data["amount"],
                purpose=form.cleaned_data["purpose"],
                receipt=form.cleaned_data["receipt"],
                by=request.user,
            )
        except services.FinanceError as error:
            form_error(form, error)
        else:
            messages.success(request, done)
            return redirect(back)
    return form_page(
        request,
        form,
        title="Ask for money",
        back=back,
        caption=caption,
        intro="Say how much you need and what it is for. Add a receipt or a quote if you have one.",
    )


# --- The care leaver's own money ----------------------------------------------------------


@login_required
@permission_required("finance.view_own_money", raise_exception=True)
@require_GET
@never_cache
def my_money(request):
    person = own_record_or_404(request)
    today = timezone.localdate()
    claims = Paginator(selectors.claims_for(person), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "person": person,
        "awards": selectors.awards_for(person),
        "claims": claims.object_list,
        "page": claims,
        "today": today,
        "can_claim": bool(selectors.usable_awards(person, today)),
    }
    return render(request, "finance/my_money.html", context)


@login_required
@permission_required("finance.view_own_money", raise_exception=True)
@require_http_methods(["GET", "POST"])
def my_claim(request):
    person = own_record_or_404(request)
    return _claim_page(
        request,
        person,
        back=reverse("finance:my-money"),
        caption="Your money",
        done="Your claim is sent. Your PA will look at it and let you know.",
    )


def _withdraw_page(request, claim, *, back: str, caption: str, done: str):
    """Confirm taking back a claim not yet decided; a decided one says why it cannot be."""
    refused = None
    if request.method == "POST" and confirmed(request.POST):
        try:
            services.claim_withdraw(claim=claim, by=request.user)
        except services.FinanceError as error:
            refused = error.message
        else:
            messages.success(request, done)
            return redirect(back)
        claim.refresh_from_db(fields=["state"])
    if claim.state != ClaimState.WAITING and refused is None:
        refused = (
            "This claim is already withdrawn."
            if claim.state == ClaimState.WITHDRAWN
            else "This claim has already been decided, so it cannot be withdrawn. "
            "Talk to the PA if something is wrong."
        )
    return confirm_page(
        request,
        title="Withdraw this claim",
        back=back,
        caption=caption,
        summary="finance/_claim_summary.html",
        claim=claim,
        seen=str(claim.pk) if claim.state == ClaimState.WAITING else None,
        button="Withdraw the claim",
        warning="The claim is kept in the record, marked as withdrawn. You can make a new claim.",
        refused=refused,
        status=400 if refused and request.method == "POST" else 200,
    )


@login_required
@permission_required("finance.view_own_money", raise_exception=True)
@require_http_methods(["GET", "POST"])
def my_claim_withdraw(request, claim_pk: int):
    claim = selectors.own_claim(request.user, claim_pk)
    if claim is None:
        raise Http404("No such claim")
    return _withdraw_page(
        request,
        claim,
        back=reverse("finance:my-money"),
        caption="Your money",
        done="Your claim is withdrawn. Nothing has been paid or taken from your money.",
    )


# --- A young person's money, for staff -------------------------------------------------------


@login_required
@require_GET
@never_cache
def person_money(request, pk: int):
    person = young_person_read(request, pk, "finance.view_money")
    today = timezone.localdate()
    can_reverse = request.user.has_perm("finance.reverse_payments")
    context = {
        "person": person,
        "awards": selectors.awards_for(person),
        "claims": selectors.claims_for(person)[:50],
        "page": Paginator(selectors.entries_for(person), PAGE_SIZE).get_page(
            request.GET.get("page")
        ),
        "today": today,
        "can_reverse": can_reverse,
    }
    return render(request, "finance/person_money.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def award_create(request, pk: int):
    person = young_person_read(request, pk, "finance.change_money")
    schemes = Scheme.objects.filter(authority_id=person.authority_id, is_active=True)
    form = AwardForm(request.POST or None, schemes=schemes)
    if request.method == "POST" and form.is_valid():
        try:
            award = services.award_grant(
                young_person=person,
                scheme=form.cleaned_data["scheme"],
                amount_pence=form.cleaned_data["amount"],
                by=request.user,
            )
        except services.FinanceError as error:
            form_error(form, error, "amount")
        else:
            messages.success(request, f"{person.known_as} has {pounds(award.amount_pence)} to use.")
            return redirect("finance:person-money", pk=person.pk)
    return form_page(
        request,
        form,
        title="Give an award",
        back=reverse("finance:person-money", args=[person.pk]),
        caption=person.full_name,
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_claim(request, pk: int):
    person = young_person_read(request, pk, "finance.change_money")
    return _claim_page(
        request,
        person,
        back=reverse("finance:person-money", args=[person.pk]),
        caption=f"{person.full_name}: claim on their behalf",
        done="The claim is made and waits for a decision.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry_reverse(request, pk: int, entry_pk: int):
    person = young_person_read(request, pk, "finance.view_money")
    if not request.user.has_perm("finance.reverse_payments"):
        raise Http404("No such entry")
    entry = LedgerEntry.objects.filter(pk=entry_pk, award__young_person=person).first()
    if entry is None:
        raise Http404("No such entry")
    form = ReverseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.entry_reverse(entry=entry, reason=form.cleaned_data["reason"], by=request.user)
        except services.FinanceError as error:
            form_error(form, error, "reason")
        else:
            messages.success(request, "It is reversed. The ledger keeps both entries.")
            return redirect("finance:person-money", pk=person.pk)
    return form_page(
        request,
        form,
        title=f"Reverse {pounds(abs(entry.amount_pence))}",
        back=reverse("finance:person-money", args=[person.pk]),
        caption=person.full_name,
        intro="Nothing is deleted: an opposite entry is added, with your reason.",
    )


# --- Claims, payments and budgets -----------------------------------------------------------


@login_required
@permission_required("finance.decide_claims", raise_exception=True)
@require_GET
def claims_waiting(request):
    claims = selectors.claims_waiting_for(request.user)
    page = Paginator(claims, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "finance/claims_waiting.html", {"page": page})


def _staff_claim(request, claim_pk: int):
    claim = selectors.claim_for_staff(request.user, claim_pk)
    if claim is None:
        raise Http404("No such claim")
    record_access(claim.award.young_person)
    return claim


@login_required
@permission_required("finance.decide_claims", raise_exception=True)
@require_http_methods(["GET", "POST"])
def claim_detail(request, claim_pk: int):
    claim = _staff_claim(request, claim_pk)
    can_decide = claim.state == ClaimState.WAITING and services.may_decide(request.user, claim)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and can_decide and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "refuse":
                services.claim_refuse(claim=claim, reason=data["reason"], by=request.user)
            else:
                amount = claim.amount_pence if data["decision"] == "all" else data["amount"]
                services.claim_approve(
                    claim=claim, amount_pence=amount, reason=data["reason"], by=request.user
                )
        except services.FinanceError as error:
            form_error(form, error, "amount" if data["decision"] == "part" else None)
        else:
            messages.success(request, "Your decision is saved.")
            return redirect("finance:claims-waiting")
    context = {
        "claim": claim,
        "person": claim.award.young_person,
        "left": services.available_of(claim.award),
        "form": form if can_decide else None,
    }
    return render(request, "finance/claim_detail.html", context)


@login_required
@permission_required("finance.decide_claims", raise_exception=True)
@require_http_methods(["GET", "POST"])
def claim_withdraw(request, claim_pk: int):
    """A PA (or their manager) withdraws a claim on the young person's behalf."""
    claim = _staff_claim(request, claim_pk)
    person = claim.award.young_person
    if not request.user.has_perm("finance.change_money", person):
        raise Http404("No such claim")
    return _withdraw_page(
        request,
        claim,
        back=reverse("finance:person-money", args=[person.pk]),
        caption=f"{person.full_name}: on their behalf",
        done="The claim is withdrawn. The ledger has not changed.",
    )


@login_required
@permission_required("finance.decide_claims", raise_exception=True)
@require_GET
def claim_receipt(request, claim_pk: int):
    claim = _staff_claim(request, claim_pk)
    if not claim.receipt:
        raise Http404("No receipt")
    record_access(claim)
    return private_file_response(
        claim.receipt, name=f"receipt-claim-{claim.pk}", content_type=claim.receipt_type
    )


@login_required
@permission_required("finance.view_payments", raise_exception=True)
@require_http_methods(["GET", "POST"])
def payments(request):
    authority_id = request.user.authority_id
    if request.method == "POST":
        # A page from before confirmation pages posts here: show the summary, pay nothing.
        return redirect("finance:payment-run")
    context = {
        "approved": selectors.approved_unpaid_count(authority_id),
        "page": Paginator(selectors.batches_for(authority_id), PAGE_SIZE).get_page(
            request.GET.get("page")
        ),
    }
    return render(request, "finance/payments.html", context)


@login_required
@permission_required("finance.run_payments", raise_exception=True)
@require_http_methods(["GET", "POST"])
def payment_run(request):
    """The run's summary (count, total, per scheme); its button makes exactly that run."""
    authority_id = request.user.authority_id
    refused = None
    seen = confirmed(request.POST) if request.method == "POST" else None
    if seen:
        try:
            batch = services.payment_run(authority_id=authority_id, by=request.user, seen=seen)
        except services.FinanceError as error:
            refused = error.message
        else:
            if batch is None:
                messages.info(request, "There are no approved claims to pay.")
            else:
                messages.success(request, f"Payment run {batch.pk} is made. Download it below.")
            return redirect("finance:payments")
    summary = selectors.payment_run_preview(authority_id)
    return confirm_page(
        request,
        title="Make a payment run",
        back=reverse("finance:payments"),
        caption="Payments",
        summary="finance/_payment_run_summary.html",
        run=summary,
        seen=summary["seen"] if summary["count"] else None,
        button=f"Pay {summary['count']} claim{'s' if summary['count'] != 1 else ''}",
        warning="A payment run cannot be undone. Each claim is paid once, from the ledger.",
        refused=refused,
        status=409 if refused else 200,
    )


@login_required
@permission_required("finance.run_payments", raise_exception=True)
@require_GET
def payment_csv(request, batch_pk: int):
    """The batch in the layout the council's finance system imports."""
    batch = PaymentBatch.objects.filter(pk=batch_pk, authority_id=request.user.authority_id).first()
    if batch is None:
        raise Http404("No such payment run")
    record_access(batch)
    rows = [
        ["batch", "payment_ref", "date", "person_id", "payee", "scheme", "claim", "amount", "for"]
    ]
    for entry in selectors.batch_lines(batch):
        person = entry.award.young_person
        rows.append(
            [
                batch.pk,
                entry.idempotency_key,
                timezone.localdate(entry.created_at).isoformat(),
                person.pk,
                person.full_name,
                entry.award.scheme.code,
                entry.claim_id,
                f"{-entry.amount_pence / 100:.2f}",
                entry.claim.purpose,
            ]
        )
    response = HttpResponse(csv_text(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="payment-run-{batch.pk}.csv"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@permission_required("finance.view_budget", raise_exception=True)
@require_GET
def budget(request):
    today = timezone.localdate()
    start, end = financial_year(today)
    schemes = selectors.spend_against_budget(request.user.authority_id, today)
    return render(request, "finance/budget.html", {"schemes": schemes, "start": start, "end": end})
