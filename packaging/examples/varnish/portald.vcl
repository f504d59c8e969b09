# Varnish (Debian's varnish and varnish-modules) in front of portald: one of N cache nodes that all
# fetch from one portald. portald says what may be cached and for how long (Cache-Control: public,
# s-maxage, stale-while-revalidate, stale-if-error) and which keys a page shows (the xkey header);
# this file only adds what portald cannot know: who may purge, who terminated TLS, and that a stale
# page beats an error while portald is down.
#
# Install: cp to /etc/varnish/portald.vcl, set the backend address and the two ACLs below, point
# varnishd at it (-f /etc/varnish/portald.vcl, e.g. in a systemd drop-in for varnish.service) and list
# this node in portald's trusted-proxies (and, for purge on publish, in its cache nodes).
# Keep req.grace in vcl_recv equal to portald's cache-stale-while-revalidate.
vcl 4.1;

import std;
import xkey;

backend portald {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 1s;
    .first_byte_timeout = 60s;  # a big export in the admin may take a while
    # Health probe: while portald is down (restart, upgrade, crash) Varnish knows at once and serves
    # stale pages for as long as stale-if-error allows, instead of waiting for each fetch to fail.
    .probe = {
        .url = "/healthz";
        .interval = 1s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# Who may send PURGE (portald itself, and the operators' machines).
acl purgers {
    "127.0.0.1";
    "::1";
}

# TLS terminators in front of this node (nginx, hitch, a load balancer) whose X-Forwarded-Proto is
# passed on. Anyone else is plain HTTP as far as portald is told.
acl tls_terminators {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # Surrogate-key purge: PURGE with "xkey: article-12 home" drops every page with one of those keys.
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey) {
            return (synth(400, "xkey header required"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey);
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }

    # portald believes these only from its trusted-proxies (this node); Varnish itself appends
    # client.ip to X-Forwarded-For.
    if (client.ip !~ tls_terminators || !req.http.X-Forwarded-Proto) {
        set req.http.X-Forwarded-Proto = "http";
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, the operators' endpoints and anyone signed in are never cached.
    if (req.url ~ "^/quan-tri(/|\?|$)" || req.url ~ "^/(healthz|metrics)(\?|$)" ||
        req.http.Cookie ~ "(^|;\s*)(__Host-)?portald_session=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Public pages do not read cookies (the admin's login cookie has Path=/): drop them so readers
    # share one copy.
    unset req.http.Cookie;

    # While portald is healthy, serve a page past its TTL for at most stale-while-revalidate (and
    # refresh it in the background); while it is down, for as long as the object's grace
    # (stale-if-error, set below).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }
    return (hash);
}

sub vcl_backend_response {
    # A failed background refresh keeps the stale copy instead of replacing it with an error.
    if (bereq.is_bgfetch && beresp.status >= 500) {
        return (abandon);
    }
    # stale-if-error: keep the object this long past its TTL, to serve while portald is down.
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), 0s);
    }
    # Everything else (no-store, private, Set-Cookie: not cached) is Varnish's built-in logic.
}

sub vcl_deliver {
    # The keys are for this node, not for readers.
    unset resp.http.xkey;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
