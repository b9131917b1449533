# The front cache before the app servers (Varnish 7, VCL 4.1). It keeps only what the site says
# a shared cache may keep, and the site empties it whenever content changes.
#
# Kept: GET and HEAD answers that say `s-maxage` (pagecache.middleware: public Wagtail pages as
# a visitor gets them) for that long. Never kept: a request with a session or messages cookie or
# an Authorization header (passed to the app servers untouched), an answer that sets a cookie or
# says private, no-store or no-cache (members-only pages and documents say private whoever
# asks: access.middleware), or one without s-maxage.
#
# Purged: PURGE <path> drops one address, BAN drops everything kept for the request's host
# (pagecache.frontend sends one on every content change; Wagtail's frontend_cache the PURGE).
# Only from 127.0.0.1, and never through the TLS proxy (it sets X-Forwarded-Proto; it should not
# pass these methods on anyway). Bans match on headers stored with each object, so Varnish's
# ban lurker clears them in the background.
#
# The Host is normalised (lower case, no port, no trailing dot) before anything else, so the
# purge's host, taken from SITE_URL, matches whatever the browsers sent.
#
# X-Cache on every answer: HIT (from the cache), MISS (fetched; kept if it may be), PASS (never
# looked up: a member's request, a form post).
#
# backends.vcl (written beside it by scripts/varnish.sh, or by the deployment) defines the app
# servers and the director `app` in vcl_init.
vcl 4.1;

import std;
import directors;

include "backends.vcl";

acl purgers {
    "127.0.0.1";
}

sub vcl_recv {
    unset req.http.X-KT-Cache;
    if (req.http.host) {
        set req.http.host = regsub(std.tolower(req.http.host), "\.?(:[0-9]+)?$", "");
    }
    set req.backend_hint = app.backend();

    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers || req.http.X-Forwarded-Proto) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "BAN") {
            ban("obj.http.X-KT-Host == " + req.http.host);
            return (synth(200, "Banned"));
        }
        ban("obj.http.X-KT-Host == " + req.http.host + " && obj.http.X-KT-Url == " + req.url);
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.host);
    # A plain-HTTP request is answered with a redirect to HTTPS, never the page.
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
}

sub vcl_hit {
    set req.http.X-KT-Cache = "HIT";
}

sub vcl_miss {
    set req.http.X-KT-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-KT-Cache = "PASS";
}

sub vcl_backend_fetch {
    unset bereq.http.X-KT-Cache;
}

sub vcl_backend_response {
    # What bans match on (removed again before delivery).
    set beresp.http.X-KT-Host = bereq.http.host;
    set beresp.http.X-KT-Url = bereq.url;
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "(?i)s-maxage="
        || beresp.http.Vary == "*") {
        # Not kept; for a minute the address goes straight to the app servers (hit-for-miss:
        # an answer that may be kept still replaces this at once).
        set beresp.ttl = 60s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # The same answer whatever other cookies a visitor has (one with a session or messages
    # cookie is never looked up), so they make no variants of it: `Vary: Cookie` is dropped.
    if (beresp.http.Vary ~ "(?i)\bcookie\b") {
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)\s*\bcookie\b\s*,?", "");
        set beresp.http.Vary = regsuball(beresp.http.Vary, "^[\s,]+|[\s,]+$", "");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
    # beresp.ttl is the site's s-maxage. A few seconds of grace let one request fetch a page
    # again while the others are given the expired copy; a ban removes it at once all the same.
    set beresp.grace = 10s;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-KT-Host;
    unset resp.http.X-KT-Url;
    set resp.http.X-Cache = req.http.X-KT-Cache;
    unset req.http.X-KT-Cache;
}
