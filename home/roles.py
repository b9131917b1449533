"""The site's roles and what each may do: the same on every install, so they are applied by a
data migration (`home/migrations/0004_roles.py`), as Wagtail's own initial data gives its
Editors and Moderators their page rights. `setup_site` adds the one right that needs a page
that migrations cannot make: the translators' rights on the Swedish home page.

- editor (`Editors`; toimittaja, redaktör): edits pages and submits them for approval, adds and
  edits documents (they wait for a publisher), keeps memberships, people, organisations,
  topics, saved listings, the glossary and the search synonyms;
- publisher (`Moderators`; julkaisija, publicerare): all that, and publishes pages and approves
  documents;
- translator (`Kääntäjät`; kääntäjä, översättare): adds and edits Swedish pages (never
  publishes), reads the glossary, chooses documents.

Page rights on the whole tree are Wagtail's own (its initial data gives Editors and Moderators
theirs on the root page). Functions here take a migration's `apps`, so they work on historical
models and on an empty database, where Django has not yet made content types and permissions.
"""

EDITORS = "Editors"
PUBLISHERS = "Moderators"
TRANSLATORS = "Kääntäjät"

# (app label, model, codename, name) of each right given to a group on the whole site.
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
SUBMIT_TRANSLATION = (
    "wagtail_localize",
    "translation",
    "submit_translation",
    "Can submit translations",
)
PUBLISH_DOCUMENTS = ("networks", "material", "publish_material", "Can publish documents")


def _model_rights(app_label, model, verbose, actions=("add", "change", "delete", "view")):
    return [
        (app_label, model, f"{action}_{model}", f"Can {action} {verbose}") for action in actions
    ]


REGISTER = [
    *_model_rights("networks", "membership", "membership"),
    *_model_rights("networks", "person", "person"),
    *_model_rights("networks", "organisation", "organisation"),
    *_model_rights("networks", "topic", "topic"),
    *_model_rights("networks", "savedlisting", "saved listing"),
    *_model_rights("terminology", "term", "term"),
    *_model_rights("search", "synonym", "synonym"),
]
GROUP_RIGHTS = {
    EDITORS: [ACCESS_ADMIN, SUBMIT_TRANSLATION, *REGISTER],
    PUBLISHERS: [ACCESS_ADMIN, SUBMIT_TRANSLATION, PUBLISH_DOCUMENTS, *REGISTER],
    TRANSLATORS: [
        ACCESS_ADMIN,
        SUBMIT_TRANSLATION,
        *_model_rights("terminology", "term", "term", actions=("view",)),
    ],
}
# Rights on documents, given on the root collection (so on every collection under it).
DOCUMENT_RIGHTS = {
    EDITORS: ["add_material", "change_material", "choose_document"],
    PUBLISHERS: ["add_material", "change_material", "choose_document"],
    TRANSLATORS: ["choose_document"],
}
# Translators add and edit Swedish pages, from the Swedish home page down (`setup_site`).
TRANSLATOR_PAGE_RIGHTS = ["add_page", "change_page"]


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return found


def give_rights(apps, schema_editor=None):
    """Make the groups and give each its rights; safe to run again."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()
    for name, rights in GROUP_RIGHTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(permission(apps, *right) for right in rights))
        for codename in DOCUMENT_RIGHTS[name]:
            document_right = permission(
                apps, "networks", "material", codename, f"Can {codename.replace('_', ' ')}"
            )
            if root_collection is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=document_right
                )


def take_rights_back(apps, schema_editor=None):
    """Undo `give_rights` for the translators' group, which this project made."""
    apps.get_model("auth", "Group").objects.filter(name=TRANSLATORS).delete()
