"""Settings for the leaving-care portal: one file, read top to bottom.

Everything that differs between machines comes from the environment. With
nothing set, the embedded PostgreSQL and Redis that `make run` starts under
var/ are used (their URLs are in var/services.env).
"""

from datetime import timedelta
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import unquote

import environ
from django.core.exceptions import ImproperlyConfigured

# The checkout (var/ lives here); CONFIG_DIR holds the shared layout and assets, inside the
# package so that an installed portal has them too.
BASE_DIR = Path(__file__).resolve().parent.parent
CONFIG_DIR = Path(__file__).resolve().parent

env = environ.Env()
# Real environment variables win; the file only fills in the embedded defaults.
environ.Env.read_env(BASE_DIR / "var" / "services.env", overwrite=False)

# DEBUG in the environment says this is a developer's machine: plain http, a development key,
# static files found beside the code. Production sets DEBUG=false.
ON_THIS_MACHINE = env.bool("DEBUG", default=True)
SECRET_KEY = env.str(
    "SECRET_KEY",
    default="django-insecure-development-key-only-for-this-machine-0123456789"
    if ON_THIS_MACHINE
    else None,
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Demo mode shows the demo sign-ins and current MFA codes on the sign-in page.
DEMO_MODE = env.bool("DEMO_MODE", default=ON_THIS_MACHINE)
# Django's technical pages (a 404 listing every URL, a 500 with the settings) only for a
# developer who has switched demo mode off: a demo (`make run`) shows the portal's own.
DEBUG = ON_THIS_MACHINE and not DEMO_MODE
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    # Django's admin on the portal's own admin site (people/admin_site.py).
    "people.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # PostgreSQL's index operator classes in expression indexes (the young people's name
    # search), and its lookups.
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "auditlog",
    "crispy_forms",
    "crispy_forms_gds",
    "django_celery_beat",
    "rules.apps.AutodiscoverRulesConfig",
    "people.apps.PeopleConfig",
    "notifications",
    "offer",
    "pathway",
    "finance",
    "rota",
    "handovers",
    "voice",
    "partners",
    "safety",
    "dashboard",
]
# In a checkout only: the embedded servers, demo data, the generator and the benchmark.
if find_spec("devtools") is not None:
    INSTALLED_APPS.append("devtools")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "people.middleware.SignedInPagesNotKeptMiddleware",
    "people.middleware.IdleSessionMiddleware",
    "people.middleware.RequireStaffMFAMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # Axes goes last so that it sees the outcome of every sign-in attempt.
    "axes.middleware.AxesMiddleware",
]

# The benchmark (`manage.py bench`) turns this on for its own server: every response then
# says how long the server took and how many queries it made, and the baselines answer at
# /bench/bare and /bench/minimal. Never on for a real service.
BENCHMARK = env.bool("BENCHMARK", default=False)
if BENCHMARK:
    MIDDLEWARE.insert(0, "people.middleware.ServerTimingMiddleware")

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [CONFIG_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "people.context_processors.portal",
                "rota.panels.staff_banner",
                "notifications.context_processors.unread_notifications",
            ],
            # `|midsentence`, for choice labels inside a sentence, in every template.
            "builtins": ["common.words"],
        },
    },
]

# --- Data -----------------------------------------------------------------

DATABASES = {"default": env.db("DATABASE_URL", default="postgres://postgres@localhost/portal")}
# A unix-socket directory arrives percent-encoded in the URL's host part.
DATABASES["default"]["HOST"] = unquote(DATABASES["default"]["HOST"])
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="redis://127.0.0.1:6379/0")
CACHES = {
    "default": {
        # A Redis that does not answer is a miss, so pages and sign-in carry on without it
        # (see common/cache.py: while it is down allauth's rate limits are not counted, and
        # django-axes, in the database, still locks an account from one address after
        # repeated failures).
        "BACKEND": "common.cache.RedisCacheOrMiss",
        "LOCATION": REDIS_URL,
        # A Redis that is unreachable fails fast rather than holding the page.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        # Several portals (the benchmark's, for one) can share a Redis under their own prefix.
        # Only what is shared and slow to change goes here: the public offer pages
        # (offer/cache.py) and the dashboard's earlier months (dashboard/figures).
        "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="portal"),
    },
}

# --- Background work ------------------------------------------------------


def _broker_url(url: str) -> str:
    # kombu names a unix-socket Redis "redis+socket://"; redis-py says "unix://".
    if url.startswith("unix://"):
        return "redis+socket://" + url.removeprefix("unix://")
    return url


CELERY_BROKER_URL = _broker_url(REDIS_URL)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task a worker took but never acknowledged (the worker died) goes back on the queue
# after this many seconds. It must outlast the longest task and the longest retry delay
# (10 minutes), or a task still waiting to retry would be handed out twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=900),
    "unacked_restore_interval": env.int("CELERY_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": env.int("CELERY_RESTORE_THROTTLE", default=10),
    # A broker that does not answer fails a page's nudge to the outbox in about a second
    # (the outbox run sends the message later), rather than holding the page.
    "socket_connect_timeout": 1,
}
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "Europe/London"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)

# Reminder sweeps read this many candidate rows at a time, each batch one transaction, and
# may pause between batches to leave the database room for people using the site.
REMINDER_BATCH_SIZE = env.int("REMINDER_BATCH_SIZE", default=2000)
REMINDER_BATCH_PAUSE_SECONDS = env.float("REMINDER_BATCH_PAUSE_SECONDS", default=0.0)
# How far ahead people hear of what is coming, and when an overdue review goes to the manager.
REMINDER_REVIEW_DAYS_AHEAD = env.int("REMINDER_REVIEW_DAYS_AHEAD", default=14)
REMINDER_ESCALATE_AFTER_DAYS = env.int("REMINDER_ESCALATE_AFTER_DAYS", default=7)
REMINDER_BIRTHDAY_DAYS_AHEAD = env.int("REMINDER_BIRTHDAY_DAYS_AHEAD", default=30)
REMINDER_AWARD_MONTHS_AHEAD = env.int("REMINDER_AWARD_MONTHS_AHEAD", default=3)
REMINDER_SHIFT_DAYS_AHEAD = env.int("REMINDER_SHIFT_DAYS_AHEAD", default=7)
# Good endings: the new PA should be in touch within this many days of taking over.
HANDOVER_CHECK_DAYS = env.int("HANDOVER_CHECK_DAYS", default=14)

# --- People and sign-in ---------------------------------------------------

AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal:home"

ACCOUNT_ADAPTER = "people.adapters.AccountAdapter"
MFA_ADAPTER = "people.adapters.MFAAdapter"
MFA_FORMS = {
    "authenticate": "people.forms.AuthenticateForm",
    "reauthenticate": "people.forms.ReauthenticateForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
# Accounts are made by an admin or by a PA's invitation, both to a known address.
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Leaving care: "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if ON_THIS_MACHINE else "https"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", default="Leaving care portal")
MFA_PASSKEY_LOGIN_ENABLED = False

INVITATION_VALID_DAYS = 14

# --- The local offer -------------------------------------------------------------

# The council whose offer the public pages show (its slug); blank for the only one.
OFFER_AUTHORITY = env.str("OFFER_AUTHORITY", default="")
# How long a public offer page is kept for visitors who are not signed in (offer/cache.py);
# any change to the offer retires kept pages at once.
OFFER_CACHE_SECONDS = env.int("OFFER_CACHE_SECONDS", default=900)
# An item's owner checks it this often; "still correct" moves its review date on by this much.
OFFER_REVIEW_MONTHS = env.int("OFFER_REVIEW_MONTHS", default=6)

# Pathway plans: a review at least every PATHWAY_REVIEW_MONTHS after the last signed one;
# a first plan signed within PATHWAY_FIRST_PLAN_MONTHS of starting it; and a review asked
# for (or a change of circumstances) brings it forward to within PATHWAY_ASKED_REVIEW_DAYS.
PATHWAY_REVIEW_MONTHS = env.int("PATHWAY_REVIEW_MONTHS", default=6)
PATHWAY_FIRST_PLAN_MONTHS = env.int("PATHWAY_FIRST_PLAN_MONTHS", default=3)
PATHWAY_ASKED_REVIEW_DAYS = env.int("PATHWAY_ASKED_REVIEW_DAYS", default=28)
# Safety plans: a risk assessment is reviewed within this many weeks of its saving, by its
# highest level (safety/rules.py). Homelessness prevention: a home at risk has a clock of
# SAFETY_HOME_AT_RISK_DAYS (the Homelessness Reduction Act's 56 days); accommodation planning
# starts SAFETY_CUSTODY_PLANNING_DAYS before a release from custody; a Staying Close
# assessment is due at 18, or within SAFETY_STAYING_CLOSE_JOINING_DAYS of joining later; a
# stay in supported accommodation is expected to end after SAFETY_SUPPORTED_STAY_MONTHS.
SAFETY_REVIEW_WEEKS = {
    "low": env.int("SAFETY_REVIEW_WEEKS_LOW", default=26),
    "medium": env.int("SAFETY_REVIEW_WEEKS_MEDIUM", default=12),
    "high": env.int("SAFETY_REVIEW_WEEKS_HIGH", default=4),
}
SAFETY_HOME_AT_RISK_DAYS = env.int("SAFETY_HOME_AT_RISK_DAYS", default=56)
SAFETY_CUSTODY_PLANNING_DAYS = env.int("SAFETY_CUSTODY_PLANNING_DAYS", default=56)
SAFETY_STAYING_CLOSE_JOINING_DAYS = env.int("SAFETY_STAYING_CLOSE_JOINING_DAYS", default=28)
SAFETY_SUPPORTED_STAY_MONTHS = env.int("SAFETY_SUPPORTED_STAY_MONTHS", default=24)
# Signed-in sessions end after this long without activity (people/middleware.py).
STAFF_IDLE_TIMEOUT = timedelta(minutes=env.int("STAFF_IDLE_MINUTES", default=30))
CARE_LEAVER_IDLE_TIMEOUT = timedelta(minutes=env.int("CARE_LEAVER_IDLE_MINUTES", default=60))
# How often activity restarts that clock (each restart writes the session).
IDLE_CLOCK_STEP = timedelta(minutes=1)
SESSION_COOKIE_AGE = int(timedelta(days=14).total_seconds())

# Axes locks one account from one address after repeated failures (and shows a page
# saying so). allauth's limit on failures counts per address (against password spraying)
# and per account: five wrong passwords or authenticator codes in 15 minutes, from any
# number of addresses, and that account waits. allauth's other limits (sign-in, password
# reset, reauthentication) keep their defaults. These counts live in Redis: while it is
# down they are not kept (common/cache.py). Two limits in the database hold through an
# outage: axes's lockout of wrong passwords, and the portal's own count of wrong
# authenticator codes per account (people.models.CodeFailure), with the same numbers.
ACCOUNT_RATE_LIMITS = {"login_failed": "30/m/ip,5/15m/key"}
CODE_FAILURE_LIMIT = 5
CODE_FAILURE_WINDOW = timedelta(minutes=15)
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "login"
AXES_USERNAME_CALLABLE = "people.adapters.axes_username"
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind a reverse proxy, every request comes from the proxy's address: say how many
# proxies you run (each adds the address it saw to X-Forwarded-For), and allauth's limits
# and axes's lockouts both count the visitor's own address (people.adapters.client_ip).
# 0, the default, trusts no X-Forwarded-For at all, so it cannot be forged.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
AXES_CLIENT_IP_CALLABLE = "people.adapters.client_ip"

# --- Audit -----------------------------------------------------------------

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False

# --- Look and front end ------------------------------------------------------

# Labels and help text are escaped before any template prints them (common/forms.py).
FORM_RENDERER = "common.forms.FormRenderer"
CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATICFILES_DIRS = [
    ("portal", CONFIG_DIR / "static" / "portal"),
    # GOV.UK Frontend's fonts, images and script, copied from node_modules by `make setup`.
    ("govuk", CONFIG_DIR / "static" / "govuk"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not ON_THIS_MACHINE
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# On this machine WhiteNoise serves static files straight from the checkout, whatever DEBUG
# is (demo mode turns Django's DEBUG off); production serves the collected, hashed copies.
WHITENOISE_USE_FINDERS = ON_THIS_MACHINE
WHITENOISE_AUTOREFRESH = ON_THIS_MACHINE
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# Young people's documents: outside MEDIA_ROOT, served only through permission-checked views.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "var" / "private")
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
# A file over UPLOAD_MAX_BYTES is refused as soon as that is known, the rest left unread.
FILE_UPLOAD_HANDLERS = [
    "common.uploads.UploadLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024  # a form's fields other than its files
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 10

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Email -------------------------------------------------------------------

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="filemail://")
if EMAIL_CONFIG["EMAIL_BACKEND"].endswith("filebased.EmailBackend"):
    EMAIL_CONFIG["EMAIL_FILE_PATH"] = env.str(
        "EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "mail")
    )
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="leaving-care@example.org")

# --- Texts (GOV.UK Notify) -----------------------------------------------------

# A Notify API key ("name-<service id>-<secret>"). Without one, a developer's machine
# (DEBUG in the environment) writes each text to a file in NOTIFY_TEXT_FILE_PATH, and
# production sends none.
NOTIFY_API_KEY = env.str("NOTIFY_API_KEY", default="")
NOTIFY_BASE_URL = env.str("NOTIFY_BASE_URL", default="https://api.notifications.service.gov.uk")
# A text message template whose whole content is ((message)).
NOTIFY_SMS_TEMPLATE_ID = env.str("NOTIFY_SMS_TEMPLATE_ID", default="")
NOTIFY_TEXT_FILE_PATH = env.path("NOTIFY_TEXT_FILE_PATH", default=BASE_DIR / "var" / "texts")
NOTIFY_TIMEOUT_SECONDS = env.int("NOTIFY_TIMEOUT_SECONDS", default=10)
TEXTS_ENABLED = bool(NOTIFY_API_KEY) or ON_THIS_MACHINE
# Flash messages ("Jade can now see the GP letter") name people: kept in the session, on
# the server, never in a cookie that is signed but readable.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# --- A production deployment refuses to start unsafe (docs/deployment.md) ------

# Mail that goes nowhere a person reads: files, the console, memory.
MAIL_THAT_GOES_NOWHERE = ("filebased", "console", "locmem", "dummy")
LOCAL_HOSTS = {"127.0.0.1", "localhost", "testserver", "[::1]"}


def unsafe_settings() -> list[str]:
    """What is wrong with these settings for the DEBUG they run under, in plain words."""
    if ON_THIS_MACHINE:
        public = sorted(set(ALLOWED_HOSTS) - LOCAL_HOSTS)
        if public:
            return [
                f"DEBUG is on, but ALLOWED_HOSTS names {', '.join(public)}: DEBUG shows code "
                "and settings on error pages, so it is only for this machine. Set DEBUG=false."
            ]
        return []
    problems = []
    if not SECRET_KEY or SECRET_KEY.startswith("django-insecure") or len(SECRET_KEY) < 50:
        problems.append("SECRET_KEY must be set to a long random value (50 characters or more).")
    if any(kind in EMAIL_CONFIG["EMAIL_BACKEND"] for kind in MAIL_THAT_GOES_NOWHERE):
        problems.append(
            "EMAIL_URL must name a real mail server (for example smtp+tls://user:password@host:587):"
            " invitations, set-up links and reminders would otherwise never reach anyone."
        )
    if NOTIFY_API_KEY and not NOTIFY_SMS_TEMPLATE_ID:
        problems.append(
            "NOTIFY_SMS_TEMPLATE_ID must be set with NOTIFY_API_KEY: Notify sends texts only "
            "through a template (one whose content is ((message)))."
        )
    if DEMO_MODE:
        problems.append("DEMO_MODE must be off: it shows demo sign-ins and their codes.")
    if not SITE_URL.startswith("https://"):
        problems.append("SITE_URL must be the portal's https:// address: emails link to it.")
    for name in ("DATABASE_URL", "REDIS_URL"):
        if name not in env.ENVIRON:
            problems.append(f"{name} must be set: there is no embedded server in production.")
    return problems


if _problems := unsafe_settings():
    raise ImproperlyConfigured("These settings are not safe to run:\n- " + "\n- ".join(_problems))

# --- Security ----------------------------------------------------------------

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
    }
}
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# A form whose token has expired gets the portal's own page, never Django's.
CSRF_FAILURE_VIEW = "people.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not ON_THIS_MACHINE:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Logging: no personal data, only ids and outcomes ---------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # Calendar and invitation tokens travel in paths; request logs show them hidden.
    "filters": {
        "secrets": {"()": "config.logging.RedactSecrets"},
        # A database error's text quotes the row it was given; only its class and SQLSTATE show.
        "database_errors": {"()": "config.logging.HideDatabaseErrors"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["database_errors"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Axes logs the username of every failed attempt; that is personal data.
        "axes": {"level": "WARNING"},
        # WeasyPrint and its font tools narrate every step of every PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # The Notify client logs each refusal with Notify's own words, which may echo a number.
        "notifications_python_client": {"level": "ERROR"},
        "django.request": {"filters": ["secrets", "database_errors"]},
        "django.server": {"filters": ["secrets"]},
    },
}
