"""The Elasticsearch client the site uses.

elasticsearch-py 8 labels every request body and answer as
``application/vnd.elasticsearch+json; compatible-with=8``. Elasticsearch 8 and 9
accept plain ``application/json`` just as well, but OpenSearch and the in-memory
test server (osmem) answer the vendor type with 406. Sending plain JSON keeps one
client for all of them.
"""

import re

from elastic_transport import Urllib3HttpNode
from elasticsearch import Elasticsearch

_VENDOR_MIMETYPE = re.compile(r"application/vnd\.elasticsearch\+([\w-]+); ?compatible-with=\d+")


class PlainJsonNode(Urllib3HttpNode):
    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                if name in headers:
                    headers[name] = _VENDOR_MIMETYPE.sub(r"application/\1", headers[name])
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)


def make_client(url, timeout=2):
    """A client that fails fast: a slow or absent server means 'use the database'."""
    return Elasticsearch(
        url,
        node_class=PlainJsonNode,
        request_timeout=timeout,
        max_retries=0,
        retry_on_timeout=False,
    )
