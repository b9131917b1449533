"""Security headers on every response: Content-Security-Policy, Permissions-Policy and
Referrer-Policy. The Wagtail admin needs inline styles and scripts, so paths under
CONTENT_SECURITY_POLICY_ADMIN_PATHS get the admin policy; everything else the strict one."""

from django.conf import settings


def _policy(directives, **overrides):
    directives = {**directives, **overrides}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.site_policy = _policy(settings.CONTENT_SECURITY_POLICY)
        # The admin shows a page's preview in a frame: the site's policy, framed by the admin.
        self.preview_policy = _policy(
            settings.CONTENT_SECURITY_POLICY, **{"frame-ancestors": ["'self'"]}
        )
        self.admin_policy = _policy(settings.CONTENT_SECURITY_POLICY_ADMIN)
        self.admin_paths = tuple(settings.CONTENT_SECURITY_POLICY_ADMIN_PATHS)
        referrer_policy = settings.SECURE_REFERRER_POLICY or ""
        if not isinstance(referrer_policy, str):
            referrer_policy = ",".join(referrer_policy)
        self.referrer_policy = referrer_policy

    def __call__(self, request):
        response = self.get_response(request)
        # A view that sets its own policy (Wagtail's document serving does) keeps it.
        response.headers.setdefault("Content-Security-Policy", self.policy_for(request, response))
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if self.referrer_policy:
            response.headers.setdefault("Referrer-Policy", self.referrer_policy)
        return response

    def policy_for(self, request, response):
        if getattr(request, "is_dummy", False):  # Wagtail's preview of a page
            return self.preview_policy
        if request.path_info.startswith(self.admin_paths):
            return self.admin_policy
        if settings.DEBUG and response.status_code >= 400:
            return self.admin_policy  # Django's own debug pages style themselves inline
        return self.site_policy
