"""A page cache for anonymous visitors, kept in the shared cache (Redis in production).

Why a thin layer of our own: wagtail-cache 3.0 requires Wagtail < 8, and Django's cache
middleware keys entries by the request's Vary headers (every anonymous visitor with
another cookie gets another entry) and cannot purge a site on publish. This layer:

* serves only GET/HEAD requests without a session or messages cookie and without a
  search term (``q``), so what it returns was rendered for nobody in particular;
* stores only Wagtail page responses (``before_serve_page`` marks them) whose page type
  does not opt out (``page_cache = False`` on tool, plan and form pages, or
  ``PAGECACHE_EXCLUDE``), with
  no view restriction, status 200, no Set-Cookie, no CSRF token, no messages, no
  ``private``/``no-store`` and no CSP nonce;
* purges everything at once by replacing a generation token (``purge.py``) after the
  transaction of a publish, unpublish, move, delete, a snippet, site setting, image,
  document or view restriction change commits;
* answers with ``Cache-Control: public, max-age=0, must-revalidate`` (plus ``s-maxage``
  for a proxy when ``PAGECACHE_PROXY_MAX_AGE`` is set) and an ETag, so a conditional GET
  gets a 304; responses for logged-in users get ``private, no-store``.

See docs/deployment.md for what the purge reaches and what it does not.
"""
