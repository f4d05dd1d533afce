"""gunicorn's settings for the portal: `gunicorn -c config/gunicorn.py config.wsgi`.

gunicorn's threads each read a whole request before Django sees it, so a client that
sends slowly holds a thread. In production it always sits behind a reverse proxy that
reads every request first (docs/deployment.md); these settings bound what is left.
"""

import os

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "4"))
# A request that takes longer than this is cut off and its worker restarted.
timeout = 30
graceful_timeout = 30
keepalive = 5
# Request lines and headers of a sane size only.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Who may say the request came over https (X-Forwarded-Proto): the proxy only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
# The access log hides the secrets that travel in some paths (config/logging.py).
logger_class = "config.logging.GunicornLogger"
