"""The editors' and translators' views in the Wagtail admin, one module for each thing they work
on: materials (listing by folder, review report, versions and approval), bulk upload, meetings,
people's personal data and translations. Their addresses are given in `networks.viewsets` and
`networks.wagtail_hooks`, which registers everything the app adds to the admin."""
